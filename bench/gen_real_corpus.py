#!/usr/bin/env python3
"""Rare Earth Atlas benchmark corpus with the real density: the real dumps' own units, recombined.

    bench/gen_real_corpus.py --n N --out DIR [--seed SEED] [--format dump|markdown|both]
                             [--with-real-site SITE] [--no-urls] [--repo REPO]

Reads the five real "search documents" dumps in REPO/content/sources/*.txt (28 articles) and
splits their bodies into units, inventing nothing:

- English bodies (machine digests `Core Insights - point [1][2] - point [3] Group 1: Heading -
  point [4] ...`) into their points (each with its citation marks) and headings, split the way
  atlas's BodyStructurer does (` - ` separators, a point closed by its last `[n]`);
- Chinese bodies (prose) into sentences, split after 。！？ (a sentence keeps the space before
  it, which the dumps use between paragraphs); the cut-off tail of an excerpt body (before
  ` ...`) is a separate pool of tails.

Article i (random.Random(f"{seed}:{i}"), so the 1,000 corpus is a prefix of the 10,000 one and
output is byte-identical on every run) takes a real article as its template, chosen uniformly
among the 28: its topic (the dump it goes to), source, language and shape. An English article has
the template's sequence of headings and points: section markers (`Core Insights`) as in the
template, `Group k: <heading>` with a heading drawn from all real group headings, and each point
drawn from all real points; a Chinese article has as many sentences as the template, drawn from
all real Chinese sentences, and, if the template was an excerpt, ends with a real cut-off tail and
` ...`. So the number and mix of units per article, and with them the figures and dates atlas
extracts, follow the real articles' distribution. The title is the template's, made unique by
` (No. i)` (English body) or `（第i篇）` (Chinese body); the date is spread over 2023-01 to
2026-06 with a distinct minute per article ((i * 1,124,777) mod the span's minutes).

dump      DIR/sources/NN-<topic slug>.txt, one per real topic (NN = 01..05, the real file's
          topic line and header lines: BOM, blank line, `Workflow`/`icon`), newest first.
markdown  DIR/articles/NNNNN.md: front matter (title, date `YYYY-MM-DDTHH:MM:00`, source,
          topics) and the body: English points as a bullet list under `## heading`s, Chinese
          sentences as paragraphs (a new paragraph where the dump had a space).
both      both of the above.

--with-real-site SITE  also writes an atlas site folder SITE: the repository's site.yml,
          templates/, content/ (entities.yml, timeline.yml, urls.yml, topics/, pages/, data/
          with claims.edits.yml, the five real dumps) plus the generated dumps in
          SITE/content/sources/. With markdown output it also writes the 28 real articles as
          DIR/articles/real-NN.md, so Hugo builds the same N + 28 articles as atlas.
          content/urls.yml is copied because a generated article shares its real template's
          title up to the suffix, and a long title's slug is cut at 64 characters before the
          suffix: without the map, the oldest of them (often a generated one) takes the real
          article's URL, and claims.edits.yml (which names real articles by slug) and the
          topic pages' links to real articles no longer resolve (7 errors, 130 warnings at
          N = 1,000). atlas build rewrites SITE/content/urls.yml with the new articles; bench/run
          puts the repository's copy back before every timed build. --no-urls leaves urls.yml
          and claims.edits.yml out (the build then succeeds, with those warnings).
"""
import argparse
import datetime as dt
import os
import random
import re
import shutil
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKERS = ["Core Insights", "Core Viewpoint", "Core Views", "Core Points", "Summary by Category", "Key Points"]
HEADER_LINES = {"workflow", "icon"}
CITATION_END = re.compile(r"\[\d+\][.,;:)）。；]*")
START = dt.datetime(2023, 1, 1)
SPAN = int((dt.datetime(2026, 7, 1) - START).total_seconds() // 60)  # minutes, 2023-01-01 to 2026-06-30
STEP = 1_124_777  # ≈ 0.618 × SPAN, coprime with it: (i × STEP) mod SPAN is distinct for every i < SPAN


# ---------------------------------------------------------------- reading the real dumps

class Dump:
    pass


def read_dump(path):
    raw = open(path, "rb").read().decode("utf-8")
    d = Dump()
    d.name = os.path.basename(path)
    d.bom = raw.startswith("\ufeff")
    d.crlf = "\r\n" in raw
    lines = raw.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    k = lines.index("Search documents")
    d.head = lines[:k]  # topic line with its blank / Workflow / icon lines, as the file has them
    d.topic = next(l.strip() for l in d.head if l.strip() and l.strip().lower() not in HEADER_LINES)
    rest = [l for l in lines[k + 1:] if l.strip()]
    d.articles = []
    for j in range(0, len(rest) - 2, 3):
        title, meta, body = rest[j].strip(), rest[j + 1].strip(), rest[j + 2].strip()
        source, _, when = meta.rpartition("·")
        d.articles.append({"title": title, "source": source.strip(), "when": when.strip(), "body": body,
                           "topic": d.topic, "dump": d.name})
    return d


def is_chinese(text):
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return han > len(text) / 4


def end_of_last_citation(piece):
    end = None
    for m in CITATION_END.finditer(piece):
        end = m.end()
    return end


def looks_like_heading(text):
    return bool(text) and len(text) <= 90 and not text.endswith((".", ",")) and any(ch.isalpha() for ch in text)


def digest_tokens(body):
    """English digest → [('h', heading) | ('i', point)], as BodyStructurer.digestBlocks reads it."""
    pieces = body.split(" - ")
    tokens = [("h", pieces[0].strip())]
    pending = ""
    for index, piece in enumerate(pieces[1:], 1):
        joined = piece if not pending else pending + " - " + piece
        end = end_of_last_citation(joined)
        if end is None:
            pending = joined
            continue
        pending = ""
        item, rest = joined[:end].strip(), joined[end:].strip()
        if index == len(pieces) - 1 or not looks_like_heading(rest):
            tokens.append(("i", item + (" " + rest if rest else "")))
        else:
            tokens.append(("i", item))
            tokens.append(("h", rest))
    if pending.strip():
        tokens.append(("i", pending.strip()))
    return tokens


def chinese_units(body):
    """Chinese prose → (sentences, tail): sentences end with 。！？ and keep the space before them."""
    parts = re.split(r"(?<=[。！？])", body)
    sentences = [p for p in parts if p.strip() and p.rstrip()[-1] in "。！？"]
    tail = parts[-1] if parts and parts[-1].strip() and parts[-1].rstrip()[-1] not in "。！？" else ""
    return sentences, tail


def heading_kind(h):
    if any(h.startswith(m) for m in MARKERS):
        return "marker"
    m = re.match(r"Group (\d+)(?::\s*(.*))?$", h)
    if m:
        return "group-titled" if m.group(2) else "group"
    return "sub"


class Pools:
    def __init__(self, repo):
        paths = sorted(os.path.join(repo, "content/sources", f) for f in os.listdir(os.path.join(repo, "content/sources"))
                       if f.endswith(".txt"))
        self.dumps = [read_dump(p) for p in paths]
        self.articles = [a for d in self.dumps for a in d.articles]
        self.points, self.group_titles, self.subs = [], [], []
        self.sentences, self.tails = [], []
        for a in self.articles:
            body = a["body"]
            a["excerpt"] = body.endswith(" ...") or body.endswith(" …")
            if a["excerpt"]:
                body = body.rsplit(" ", 1)[0].rstrip()
            a["chinese"] = is_chinese(body)
            if a["chinese"]:
                sentences, tail = chinese_units(body)
                a["shape"] = len(sentences)
                a["tail"] = bool(tail) and a["excerpt"]
                self.sentences += sentences
                if a["tail"]:
                    self.tails.append(tail)
                # Markdown of the real article itself (for Hugo): the same units in order.
                a["units"] = sentences + ([tail] if tail else [])
            else:
                tokens = digest_tokens(body)
                a["tokens"] = tokens
                a["shape"] = [(kind, heading_kind(t) if kind == "h" else "point", t) for kind, t in tokens]
                for kind, t in tokens:
                    if kind == "i":
                        if end_of_last_citation(t) == len(t):  # ends with its citation: safe before a heading
                            self.points.append(t)
                    else:
                        hk = heading_kind(t)
                        if hk == "group-titled":
                            self.group_titles.append(re.match(r"Group \d+:\s*(.*)$", t).group(1))
                        elif hk == "sub":
                            self.subs.append(t)


# ---------------------------------------------------------------- generating

def make_article(pools, seed, i):
    r = random.Random(f"{seed}:{i}")
    t = r.choice(pools.articles)
    a = {"index": i, "topic": t["topic"], "source": t["source"], "chinese": t["chinese"], "template": t}
    a["time"] = START + dt.timedelta(minutes=(i * STEP) % SPAN)
    a["title"] = t["title"] + (f"（第{i + 1}篇）" if t["chinese"] else f" (No. {i + 1})")
    if t["chinese"]:
        units = [r.choice(pools.sentences) for _ in range(t["shape"])]
        if t["tail"]:
            units.append(r.choice(pools.tails))
        a["units"] = units
        a["excerpt"] = t["tail"]
    else:
        tokens, group = [], 0
        for kind, hk, text in t["shape"]:
            if kind == "i":
                tokens.append(("i", r.choice(pools.points)))
            elif hk == "marker":
                tokens.append(("h", text))
            elif hk == "group-titled":
                group += 1
                tokens.append(("h", f"Group {group}: {r.choice(pools.group_titles)}"))
            elif hk == "group":
                group += 1
                tokens.append(("h", f"Group {group}"))
            else:
                tokens.append(("h", r.choice(pools.subs) if pools.subs else text))
        a["tokens"] = tokens
        a["excerpt"] = False
    return a


def dump_body(a):
    if a["chinese"]:
        body = "".join(a["units"]).strip()
        return body + " ..." if a["excerpt"] else body
    out = ""
    for kind, text in a["tokens"]:
        if kind == "h":
            out += (" " if out else "") + text
        else:
            out += " - " + text
    return out


def md_escape(s):
    # Keep the text as is, but stop a unit from opening Markdown blocks of its own.
    s = s.replace("<", "&lt;")
    return re.sub(r"^([#>+*-]|\d+[.)])(\s)", r"\\\1\2", s)


def quoted(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def markdown(a, when=None):
    when = when or a["time"]
    lines = ["---", f"title: {quoted(a['title'])}", f"date: {when:%Y-%m-%dT%H:%M:00}", f"source: {quoted(a['source'])}",
             f"topics: [{quoted(a['topic'])}]", "---", ""]
    if a["chinese"]:
        para = []
        for u in a["units"]:
            if u[:1].isspace() and para:
                lines += [md_escape("".join(para).strip()), ""]
                para = []
            para.append(u)
        if para:
            lines += [md_escape("".join(para).strip()) + (" ..." if a.get("excerpt") else ""), ""]
    else:
        in_list = False
        for kind, text in a["tokens"]:
            if kind == "h":
                if in_list:
                    lines.append("")
                lines += [f"## {text}", ""]
                in_list = False
            else:
                lines.append(f"- {text.replace('<', '&lt;')}")
                in_list = True
        lines.append("")
    return "\n".join(lines)


def topic_slug(dump_name):
    return re.sub(r"^\d+-", "", dump_name[:-4])


def write_site(repo, site, sources, urls):
    """The real site folder plus the generated dumps."""
    if os.path.exists(site):
        shutil.rmtree(site)
    os.makedirs(os.path.join(site, "content"))
    shutil.copy(os.path.join(repo, "site.yml"), site)
    shutil.copytree(os.path.join(repo, "templates"), os.path.join(site, "templates"))
    for name in ("entities.yml", "timeline.yml") + (("urls.yml",) if urls else ()):
        shutil.copy(os.path.join(repo, "content", name), os.path.join(site, "content"))
    for name in ("topics", "pages", "sources"):
        shutil.copytree(os.path.join(repo, "content", name), os.path.join(site, "content", name))
    shutil.copytree(os.path.join(repo, "content", "data"), os.path.join(site, "content", "data"),
                    ignore=None if urls else shutil.ignore_patterns("claims.edits.yml"))
    for f in sorted(os.listdir(sources)):
        shutil.copy(os.path.join(sources, f), os.path.join(site, "content", "sources", f))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", default="2026")
    ap.add_argument("--format", choices=["markdown", "dump", "both"], default="both")
    ap.add_argument("--with-real-site", metavar="SITE", help="also write the atlas site folder: the real site + these dumps")
    ap.add_argument("--no-urls", action="store_true",
                    help="leave content/urls.yml (and with it content/data/claims.edits.yml) out of SITE")
    ap.add_argument("--repo", default=REPO, help="where the real dumps and site files are (default: this repository)")
    args = ap.parse_args()
    if args.n > SPAN:
        sys.exit(f"at most {SPAN} articles (one minute each between 2023-01 and 2026-06)")

    pools = Pools(args.repo)
    articles = [make_article(pools, args.seed, i) for i in range(args.n)]
    written = 0
    if args.format in ("markdown", "both"):
        folder = os.path.join(args.out, "articles")
        os.makedirs(folder, exist_ok=True)
        for a in articles:
            data = markdown(a).encode("utf-8")
            with open(os.path.join(folder, f"{a['index']:05d}.md"), "wb") as f:
                f.write(data)
            written += len(data)
        if args.with_real_site:
            for k, t in enumerate(pools.articles, 1):
                real = dict(t, tokens=t.get("tokens"), units=t.get("units"))
                data = markdown(real, dt.datetime.strptime(t["when"], "%Y-%m-%d %H:%M")).encode("utf-8")
                with open(os.path.join(folder, f"real-{k:02d}.md"), "wb") as f:
                    f.write(data)
    if args.format in ("dump", "both") or args.with_real_site:
        folder = os.path.join(args.out, "sources")
        os.makedirs(folder, exist_ok=True)
        for k, d in enumerate(pools.dumps, 1):
            mine = sorted((a for a in articles if a["topic"] == d.topic), key=lambda a: (a["time"], a["index"]), reverse=True)
            lines = list(d.head) + ["Search documents"]
            for a in mine:
                lines += [a["title"], f"{a['source']}· {a['time']:%Y-%m-%d %H:%M}", dump_body(a)]
            nl = "\r\n" if d.crlf else "\n"
            data = (("\ufeff" if d.bom else "") + nl.join(lines) + nl).encode("utf-8")
            with open(os.path.join(folder, f"{k:02d}-{topic_slug(d.name)}.txt"), "wb") as f:
                f.write(data)
            written += len(data)
    if args.with_real_site:
        write_site(args.repo, args.with_real_site, os.path.join(args.out, "sources"), not args.no_urls)
    zh = sum(a["chinese"] for a in articles)
    print(f"gen_real_corpus: n={args.n} seed={args.seed} format={args.format} chinese={zh} bytes={written} "
          f"(units: {len(pools.points)} English points, {len(pools.group_titles)} group headings, "
          f"{len(pools.sentences)} Chinese sentences, {len(pools.tails)} excerpt tails from {len(pools.articles)} real articles)"
          + (f" site={args.with_real_site}" if args.with_real_site else "") + f" -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
