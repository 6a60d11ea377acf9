#!/usr/bin/env python3
"""Rare Earth Atlas benchmark corpus: deterministic synthetic articles (Python 3 stdlib only).

    bench/gen_corpus.py --n N --out DIR [--seed SEED] [--format markdown|dump|both]

markdown  DIR/articles/NNNNN.md: front matter (title, date, source, topics, tags) and a GitHub
          Flavored Markdown body of 600-900 words (English) or 1,200-1,800 Han characters
          (Chinese): an intro, 3-5 `##` sections, one bullet list, one table, links, bold,
          figures (shares, tonnes, prices, investments) and dates. English bodies carry a few
          Chinese sentences. `date:` is written `YYYY-MM-DDTHH:MM:SS` (no zone), which both atlas
          (read in site.yml's time_zone) and Hugo (read in hugo.toml's timeZone) accept; Hugo
          silently reads `YYYY-MM-DD HH:MM` as year 1, so that form is not used.
dump      DIR/sources/NN-<topic slug>.txt: the same articles as "search documents" exports,
          one file per topic (an article goes to the file of its first topic, newest first):
              <topic>                      (one file has `Workflow` / `icon` header lines)
              Search documents
              <title>
              <source>· YYYY-MM-DD HH:MM
              <one body line>
          English bodies are digests (`Core Insights - item [1][2] - ... Group 1: Heading -
          item [5] - ...`), Chinese bodies are prose (paragraphs separated by a space after 。,
          bullets after ` ·`), half of them cut to a 500-character excerpt ending ` ...` like
          the real exports. Some files start with a BOM, some have a blank line after the topic
          or CRLF line ends.
both      both of the above under DIR.

Determinism: article i depends only on (seed, i), so the N=1000 corpus is a prefix of the
N=10000 one, and the output is byte-identical on every run and machine. The two formats hold the
same articles (title, source, minute, topics, sentences), so atlas can build either.
"""
import argparse
import datetime as dt
import os
import random
import sys

# ---------------------------------------------------------------- vocabulary

# (English, Chinese); every name is in content/entities.yml, so mentions and figures attach.
COUNTRIES = [
    ("China", "中国"), ("United States", "美国"), ("Japan", "日本"), ("Australia", "澳大利亚"),
    ("Malaysia", "马来西亚"), ("Myanmar", "缅甸"), ("India", "印度"), ("Russia", "俄罗斯"),
    ("Vietnam", "越南"), ("Brazil", "巴西"), ("Canada", "加拿大"), ("South Korea", "韩国"),
    ("Greenland", "格陵兰"), ("Germany", "德国"), ("France", "法国"), ("Laos", "老挝"),
    ("Madagascar", "马达加斯加"), ("Kazakhstan", "哈萨克斯坦"), ("Thailand", "泰国"),
    ("Saudi Arabia", "沙特阿拉伯"),
]
ELEMENTS = [
    ("neodymium", "钕"), ("praseodymium", "镨"), ("dysprosium", "镝"), ("terbium", "铽"),
    ("yttrium", "钇"), ("samarium", "钐"), ("gadolinium", "钆"), ("lanthanum", "镧"),
    ("cerium", "铈"), ("europium", "铕"), ("gallium", "镓"), ("germanium", "锗"),
]
COMPANIES = [
    ("MP Materials", "MP Materials"), ("Lynas Rare Earths", "莱纳斯"),
    ("Shenghe Resources", "盛和资源"), ("China Northern Rare Earth", "北方稀土"),
    ("China Rare Earth Group", "中国稀土集团"), ("Vacuumschmelze", "真空熔炼公司"),
]
STAGES = [("mining", "开采"), ("refining", "精炼"), ("separation", "分离"), ("magnet production", "永磁体生产")]

# (title_zh as the dumps name it, slug for the dump file name)
TOPICS = [
    ("稀土供应链", "supply-chain"), ("产业链掌控", "industry-chain-control"), ("钕", "neodymium"),
    ("全球稀土供应链博弈", "global-contest"), ("稀土自主化", "self-reliance"), ("稀土价格", "prices"),
    ("稀土回收", "recycling"), ("出口管制", "export-controls"),
]
# 40 tags, as editors would write them.
TAGS = ([c[0].lower().replace(" ", "-") for c in COUNTRIES] + [e[0] for e in ELEMENTS] +
        ["magnets", "ev-motors", "wind-power", "defence", "stockpiles", "tariffs", "seabed", "recycling"])
SOURCES = ["Sou Hu Cai Jing", "日经中文网", "Reuters", "Caixin Global", "新浪财经", "Mining Weekly",
           "Nikkei Asia", "澎湃新闻", "Financial Times", "第一财经", "Argus Media", "Xinhua"]

EN_HEADINGS = ["Trade Flows", "Export Licensing", "Price Outlook", "Refining Capacity", "Magnet Demand",
               "Industrial Policy", "New Mines", "Stockpiles", "Technology and Recycling", "Market Reaction",
               "Diplomatic Responses", "Investment Pipeline", "Risks Ahead", "Defence Supply"]
ZH_HEADINGS = ["市场动向", "政策背景", "产能分析", "价格走势", "供应链风险", "技术突破", "国际博弈",
               "投资布局", "出口数据", "行业反应", "回收利用", "未来展望"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
FILLER_EN = [
    "Buyers in the magnet sector have started to hold larger inventories as a precaution.",
    "Officials gave no timetable for the next round of licence approvals.",
    "Separation remains the bottleneck, well ahead of mining itself.",
    "Analysts warned that announced capacity rarely turns into saleable oxide on schedule.",
    "Several carmakers are redesigning motors to use fewer heavy rare earths.",
    "Environmental permits for the expansion are still under review.",
    "Spot trading was thin, and quoted prices varied widely between traders.",
    "The agreement still needs approval from the parliaments of both countries.",
    "Recycled material remains a small share of supply, but volumes are rising every year.",
    "Shares of listed producers moved sharply after the announcement.",
    "Industry groups called for clearer rules on end-use declarations.",
    "Long-term offtake contracts have become the main way to finance new projects.",
]
FILLER_ZH = [
    "业内人士认为,短期内供应偏紧的局面难以根本改变。",
    "多家下游企业表示正在重新评估库存策略。",
    "分离提纯环节仍是整个产业链中门槛最高的部分。",
    "有关部门表示,将继续依法依规审批出口许可申请。",
    "市场人士指出,现货成交清淡,报价分歧较大。",
    "回收利用规模虽小,但近年来增长明显。",
    "专家提醒,新建产能从规划到投产往往需要十年以上。",
    "部分车企已开始研发少用或不用重稀土的电机方案。",
]
ADJECTIVES = ["sharp", "gradual", "unexpected", "modest", "steady", "record"]
MEASURES = ["export licences", "a strategic stockpile", "production quotas", "a price floor",
            "an offtake agreement", "a joint venture", "tariffs on magnet imports", "a recycling subsidy"]


def long_date(d):
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


# ---------------------------------------------------------------- sentences

def en_sentence(r, when):
    """One English sentence in Markdown, mostly carrying a figure or a date."""
    c, c2 = r.sample(COUNTRIES, 2)
    e, e2 = r.sample(ELEMENTS, 2)
    co = r.choice(COMPANIES)
    st = r.choice(STAGES)
    pct = r.randint(3, 97)
    past = when - dt.timedelta(days=r.randint(1, 400))  # what is reported happened before publication
    ahead = when + dt.timedelta(days=r.randint(1, 500))  # what is announced happens after it
    k = r.randrange(18)
    if k == 0:
        s = f"{c[0]} accounts for about {pct}% of global {e[0]} {st[0]}, according to industry estimates."
    elif k == 1:
        s = f"{c[0]} holds {pct}% of the world's rare earth reserves, or roughly {r.randint(2, 440) / 10:.1f} million tonnes."
    elif k == 2:
        lo = r.randint(55, 88)
        s = f"Between {lo}% and {min(lo + r.randint(3, 9), 99)}% of {c[0]}'s {e[0]} imports come from {c2[0]}."
    elif k == 3:
        s = f"{co[0]} plans to invest ${r.randint(2, 95) / 10:.1f} billion in a new {st[0]} plant by {r.randint(2027, 2035)}."
    elif k == 4:
        s = f"On {long_date(past)}, {c[0]} {r.choice(['announced', 'tightened', 'suspended', 'extended'])} {r.choice(MEASURES)} covering {e[0]} and {e2[0]}."
    elif k == 5:
        s = f"Output at the {co[0]} site reached {r.randint(3, 400) * 100:,} tonnes in {past.year}, up {pct}% on the year before."
    elif k == 6:
        s = f"Prices of {e[0]} oxide climbed to ${r.randint(40, 980)} per kilogram in {MONTHS[past.month - 1]} {past.year}."
    elif k == 7:
        s = f"{c[0]} relies on imports for more than {pct}% of its {e[0]} needs."
    elif k == 8:
        s = f"The deal between {c[0]} and {c2[0]} is worth ${r.randint(60, 990)} million and takes effect on {long_date(ahead)}."
    elif k == 9:
        s = f"{c[0]}'s exports of rare earth magnets fell {pct}% in {MONTHS[past.month - 1]} to {r.randint(5, 60) * 100:,} tonnes."
    elif k == 10:
        s = f"Demand for {e[0]} from electric vehicles and wind turbines is forecast to grow {r.randint(4, 19)}% a year through {r.randint(2028, 2040)}."
    elif k == 11:
        s = f"{c[1]}{e[1]}{st[1]}占全球的{pct}%左右,{past.year}年{past.month}月{past.day}日公布的数据显示这一比例仍在上升。"
    elif k == 12:
        s = f"{co[0]} said its {st[0]} capacity will reach {r.randint(2, 60) * 1000:,} tonnes a year by {r.randint(2026, 2032)}."
    elif k == 13:
        s = f"{c[0]} controls {pct}% of {st[0]} capacity for heavy rare earths such as {e[0]}."
    else:
        s = r.choice(FILLER_EN)
    if r.random() < 0.10:
        # Bold the first figure (digits with their $, %, commas and decimal point).
        words = s.split(" ")
        for w, word in enumerate(words):
            core = word.rstrip(".,'s")
            if any(ch.isdigit() for ch in core) and core[:1] in "$0123456789":
                words[w] = f"**{core}**{word[len(core):]}"
                break
        s = " ".join(words)
    if r.random() < 0.08 and s.endswith("."):
        src = r.choice(SOURCES)
        s = s[:-1] + f", [{src} reported](https://news.example.org/{past.year}/{r.randint(10000, 99999)})."
    return s


def zh_sentence(r, when):
    """One Chinese sentence in Markdown."""
    c, c2 = r.sample(COUNTRIES, 2)
    e = r.choice(ELEMENTS)
    co = r.choice(COMPANIES)
    st = r.choice(STAGES)
    pct = r.randint(3, 97)
    past = when - dt.timedelta(days=r.randint(1, 400))
    ahead = when + dt.timedelta(days=r.randint(1, 400))
    k = r.randrange(12)
    if k == 0:
        s = f"{c[1]}在全球{e[1]}{st[1]}中的份额约为{pct}%,远高于其他国家。"
    elif k == 1:
        s = f"数据显示,{c[1]}稀土储量约占全球的{pct}%,约{r.randint(2, 440) / 10:.1f}百万吨。"
    elif k == 2:
        s = f"{ahead.year}年{ahead.month}月{ahead.day}日起,{c[1]}将对{e[1]}等{r.randint(3, 12)}种稀土实施出口管制。"
    elif k == 3:
        s = f"{co[1]}计划投资{r.randint(5, 300)}亿元,在{r.randint(2027, 2033)}年前建成新的{st[1]}产线。"
    elif k == 4:
        s = f"{c[1]}{e[1]}进口中约有{pct}%来自{c2[1]},对外依存度居高不下。"
    elif k == 5:
        s = f"氧化{e[1]}价格在{past.month}月上涨至每吨{r.randint(30, 900)}万元,创下{past.year - 1}年以来新高。"
    elif k == 6:
        s = f"{past.year}年{c[1]}稀土永磁出口量为{r.randint(5, 60) * 1000}吨,同比{r.choice(['增长', '下降'])}{pct}%。"
    elif k == 7:
        s = f"{c[1]}与{c2[1]}签署了价值{r.randint(10, 900)}亿美元的关键矿产合作协议。"
    else:
        s = r.choice(FILLER_ZH)
    if r.random() < 0.06:
        s = s[:-1] + f"([{r.choice(SOURCES)}](https://news.example.org/zh/{r.randint(10000, 99999)}))。"
    return s


# ---------------------------------------------------------------- articles

class Article:
    """Title, metadata and a body as blocks: ('p', [sentences]), ('h', text), ('ul', [items]), ('table', rows)."""


def make_article(seed, i):
    r = random.Random(f"rare-earth-atlas/{seed}/{i}")
    a = Article()
    a.index = i
    start = dt.datetime(2023, 1, 1)
    a.time = start + dt.timedelta(minutes=r.randrange(1_840_000))  # to mid-2026
    a.source = r.choice(SOURCES)
    a.topics = [t[0] for t in r.sample(TOPICS, r.choice([1, 1, 2]))]
    a.tags = r.sample(TAGS, r.randint(2, 4))
    a.chinese = r.random() < 0.2
    c = r.choice(COUNTRIES)
    e = r.choice(ELEMENTS)
    if a.chinese:
        a.title = (f"{c[1]}{r.choice(['收紧', '扩大', '调整', '重启'])}{e[1]}"
                   f"{r.choice(['出口', '产能', '收储', '进口'])}:{r.choice(['业内', '专家', '市场'])}"
                   f"称{r.choice(['影响有限', '冲击加剧', '格局生变', '价格承压'])}(第{i % 997 + 1}期)")
    elif r.random() < 0.15:
        a.title = f"{c[0]} and {e[0].capitalize()}: a \"{r.choice(ADJECTIVES)}\" shift in {r.choice(['supply', 'prices', 'policy'])} ({a.time.year})"
    else:
        a.title = (f"{c[0]} {r.choice(['tightens', 'expands', 'reviews', 'restarts', 'cuts'])} {e[0]} "
                   f"{r.choice(['exports', 'output', 'refining', 'stockpiles', 'imports'])} as prices "
                   f"{r.choice(['climb', 'slide', 'hold'])} {r.randint(2, 60)}%")
    sentence = zh_sentence if a.chinese else en_sentence

    def size(blocks):
        if a.chinese:
            return sum(len(t) for kind, v in blocks for t in (v if kind in ("p", "ul") else [v] if kind == "h" else []))
        n = 0
        for kind, v in blocks:
            if kind in ("p", "ul"):
                n += sum(len(s.split()) for s in v)
            elif kind == "h":
                n += len(v.split())
            else:
                n += 4 * len(v)
        return n

    target = r.randint(1200, 1800) if a.chinese else r.randint(600, 900)
    headings = r.sample(ZH_HEADINGS if a.chinese else EN_HEADINGS, r.randint(3, 5))
    list_at, table_at = r.randrange(len(headings)), r.randrange(len(headings))
    a.intro = [sentence(r, a.time) for _ in range(r.randint(2, 4))]
    a.sections = []
    for h in headings:
        a.sections.append({"heading": h, "paras": [[sentence(r, a.time) for _ in range(r.randint(2, 4))]],
                           "list": None, "table": None})
    a.sections[list_at]["list"] = [sentence(r, a.time) for _ in range(r.randint(3, 5))]
    el = r.choice(ELEMENTS)
    rows = [(cc, f"{r.randint(1, 70)}%", f"{r.randint(1, 400) * 100:,}", f"{r.choice('+-')}{r.randint(0, 35)}.{r.randint(0, 9)}%")
            for cc in r.sample(COUNTRIES, r.randint(4, 5))]
    a.sections[table_at]["table"] = (el, rows)

    def blocks():
        out = [("p", a.intro)]
        for s in a.sections:
            out.append(("h", s["heading"]))
            out.extend(("p", p) for p in s["paras"])
            if s["list"]:
                out.append(("ul", s["list"]))
            if s["table"]:
                out.append(("table", s["table"][1]))
        return out

    j = 0
    while size(blocks()) < target:
        a.sections[j % len(a.sections)]["paras"].append([sentence(r, a.time) for _ in range(r.randint(3, 5))])
        j += 1
    a.size = size(blocks())
    return a


def quoted(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def markdown(a):
    lines = ["---", f"title: {quoted(a.title)}", f"date: {a.time:%Y-%m-%dT%H:%M:00}", f"source: {quoted(a.source)}",
             "topics: [" + ", ".join(quoted(t) for t in a.topics) + "]",
             "tags: [" + ", ".join(a.tags) + "]", "---", ""]
    join = "".join if a.chinese else " ".join
    lines += [join(a.intro), ""]
    for s in a.sections:
        lines += [f"## {s['heading']}", ""]
        for n, p in enumerate(s["paras"]):
            lines += [join(p), ""]
            if n == 0 and s["list"]:
                lines += [f"- {item}" for item in s["list"]] + [""]
            if n == 0 and s["table"]:
                el, rows = s["table"]
                if a.chinese:
                    lines += [f"| 国家 | {el[1]}份额 | 产量(吨) | 变化 |", "|---|---:|---:|---:|"]
                    lines += [f"| {c[1]} | {sh} | {out} | {ch} |" for c, sh, out, ch in rows]
                else:
                    lines += [f"| Country | Share of {el[0]} | Output (tonnes) | Change |", "|---|---:|---:|---:|"]
                    lines += [f"| {c[0]} | {sh} | {out} | {ch} |" for c, sh, out, ch in rows]
                lines.append("")
    return "\n".join(lines)


def plain(s):
    """Markdown sentence → export text: links keep their label, bold loses its stars."""
    out, i = [], 0
    while i < len(s):
        if s[i] == "[":
            close = s.find("](", i)
            end = s.find(")", close + 2) if close >= 0 else -1
            if close >= 0 and end >= 0:
                out.append(s[i + 1:close])
                i = end + 1
                continue
        out.append(s[i])
        i += 1
    return "".join(out).replace("**", "")


def dump_body(a):
    r = random.Random(f"rare-earth-atlas/dump/{a.index}")
    if a.chinese:
        parts = ["".join(plain(s) for s in a.intro)]
        # Prose: the exports keep no headings in Chinese bodies (a heading followed by a space and a
        # Han character would read as line-wrap residue and run into the paragraph).
        for sec in a.sections:
            parts += ["".join(plain(s) for s in p) for p in sec["paras"]]
            if sec["list"]:
                parts += ["·" + plain(s) for s in sec["list"]]
        body = " ".join(parts)
        # Line-wrap residue of the original layout: a space between two Han characters.
        k = r.randrange(20, len(body) - 20)
        if "\u4e00" <= body[k - 1] <= "\u9fff" and "\u4e00" <= body[k] <= "\u9fff":
            body = body[:k] + " " + body[k:]
        if r.random() < 0.5:
            body = body[:500].rstrip() + " ..."
        return body
    n = [0]

    def cite():
        k = r.choice([1, 1, 2])
        marks = "".join(f"[{n[0] + m + 1}]" for m in range(k))
        n[0] += k
        return marks

    def item(s):
        text = plain(s)
        return f"- {text[:-1] if text.endswith('.') else text} {cite()}"

    style = r.random()
    parts = []
    if style < 0.75:
        parts.append(r.choice(["Core Insights", "Core Insights", "Core Viewpoint", "Key Points"]))
        parts += [item(s) for s in a.intro]
    for g, sec in enumerate(a.sections, 1):
        parts.append(f"Group {g}: {sec['heading']}")
        for p in sec["paras"]:
            parts += [item(s) for s in p]
        if sec["list"]:
            parts += [item(s) for s in sec["list"]]
        if sec["table"]:
            el, rows = sec["table"]
            parts.append(item(f"Shares of {el[0]} supply: " + ", ".join(f"{c[0]} {sh}" for c, sh, _, _ in rows) + "."))
    return " ".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, required=True, help="number of articles (1000, 10000, 30000 …)")
    ap.add_argument("--out", required=True, help="output folder (content/-like: articles/, sources/)")
    ap.add_argument("--seed", default="2026")
    ap.add_argument("--format", choices=["markdown", "dump", "both"], default="both")
    args = ap.parse_args()

    identities = set()
    articles = []
    for i in range(args.n):
        a = make_article(args.seed, i)
        # An identity (title, source, minute) must stay unique, or atlas merges two articles.
        while (a.title, a.source, a.time) in identities:
            a.time += dt.timedelta(minutes=1)
        identities.add((a.title, a.source, a.time))
        articles.append(a)

    written = 0
    if args.format in ("markdown", "both"):
        folder = os.path.join(args.out, "articles")
        os.makedirs(folder, exist_ok=True)
        for a in articles:
            data = (markdown(a) + "\n").encode("utf-8")
            with open(os.path.join(folder, f"{a.index:05d}.md"), "wb") as f:
                f.write(data)
            written += len(data)
    if args.format in ("dump", "both"):
        folder = os.path.join(args.out, "sources")
        os.makedirs(folder, exist_ok=True)
        for t, (topic, slug) in enumerate(TOPICS):
            mine = sorted((a for a in articles if a.topics[0] == topic), key=lambda a: (a.time, a.index), reverse=True)
            head = ["Workflow", topic, "icon"] if t == 4 else [topic, ""] if t % 2 else [topic]
            lines = head + ["Search documents"]
            for a in mine:
                lines += [a.title, f"{a.source}· {a.time:%Y-%m-%d %H:%M}", dump_body(a)]
            newline = "\r\n" if t == 6 else "\n"
            data = (("\ufeff" if t % 3 == 0 else "") + newline.join(lines) + newline).encode("utf-8")
            with open(os.path.join(folder, f"{t + 1:02d}-{slug}.txt"), "wb") as f:
                f.write(data)
            written += len(data)
    zh = sum(a.chinese for a in articles)
    print(f"gen_corpus: n={args.n} seed={args.seed} format={args.format} chinese={zh} "
          f"bytes={written} -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
