#!/usr/bin/env python3
"""bench/report.py RESULTS_DIR BENCHMARKS.md: turns bench/run's runs.tsv and env.tsv into Markdown.

The generated part goes between the markers below; whatever BENCHMARKS.md holds outside them
(hand-written notes) is kept. The same tables are printed to stdout.
"""
import csv
import glob
import os
import re
import statistics
import sys

BEGIN = "<!-- bench/run: generated from here -->"
END = "<!-- bench/run: generated up to here -->"


def load(results):
    env, cmds = {}, []
    for line in open(os.path.join(results, "env.tsv"), encoding="utf-8"):
        key, _, value = line.rstrip("\n").partition("\t")
        if key == "cmd":
            cmds.append(value.split("\t", 1))
        elif key == "fs":
            env.setdefault("fs", []).append(value.split("\t"))
        else:
            env[key] = value
    rows = []
    lines = open(os.path.join(results, "runs.tsv"), encoding="utf-8").read().splitlines()
    head = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(head, line.split("\t")))
        row.setdefault("corpus", "site" if row.get("n") == "real" else "synthetic")  # runs before the corpus column
        rows.append(row)
    return env, cmds, rows


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt_s(x):
    if x is None:
        return "–"
    return f"{x:.2f} s" if x < 100 else f"{x:.0f} s"


def fmt_mb(kb):
    return "–" if kb is None else f"{kb / 1024:.0f} MB" if kb < 1024 * 1024 else f"{kb / 1024 / 1024:.2f} GB"


def fmt_ratio(a, b):
    return "–" if a is None or not b else f"{a / b:.1f}×"


def summarise(runs):
    ok = [r for r in runs if r["status"] == "ok"]
    wall = med([num(r["wall_s"]) for r in ok])
    cpu = med([num(r["user_s"]) + num(r["sys_s"]) for r in ok])
    rss = med([num(r["maxrss_kb"]) for r in ok])
    pages = med([num(r["pages"]) for r in ok])
    pps = med([num(r["pages"]) / num(r["wall_s"]) for r in ok if num(r["wall_s"])])
    walls = [num(r["wall_s"]) for r in ok]
    spread = f"{min(walls):.2f}–{max(walls):.2f}" if len(walls) > 1 else ""
    return {"n": len(ok), "wall": wall, "cpu": cpu, "rss": rss, "pages": pages, "pps": pps, "spread": spread,
            "bad": [r for r in runs if r["status"] != "ok"]}


def stage_medians(runs):
    per = {}
    order = []
    for r in runs:
        if r["status"] != "ok" or r["stages"] in ("", "-"):
            continue
        for part in r["stages"].split(";"):
            name, _, value = part.partition("=")
            if name not in per:
                order.append(name)
            per.setdefault(name, []).append(float(value))
    return [(name, statistics.median(per[name])) for name in order]


def render(env, cmds, rows, results_dir=""):
    out = []
    w = out.append
    w(f"Run of {env.get('date', '?')} (`bench/run {env.get('sizes', '')}`, raw logs in `bench/results/{env.get('stamp', '')}/`, "
      f"not committed).")
    w("")
    w("### Machine and versions")
    w("")
    w(f"- CPU: {env.get('cpu', '?')}, `nproc` = {env.get('nproc', '?')}; kernel {env.get('kernel', '?')}")
    w("- `free -h`:")
    w("")
    w("  ```")
    for line in env.get("free_h", "").split("|"):
        if line.strip():
            w("  " + line.rstrip())
    w("  ```")
    for fs in env.get("fs", []):
        w(f"- `{fs[0]}`: {fs[1]} ({fs[2] if len(fs) > 2 else ''})")
    dirty = env.get("atlas_dirty", "0")
    dirty_note = "clean" if dirty == "0" else f"**{dirty} uncommitted change(s)** in Sources/, templates/, content/ or site.yml at build time"
    given = "" if env.get("atlas_bin", "").endswith(".build/release/atlas") else " (a binary given with `ATLAS=`: the commit is the repository's, not necessarily the binary's)"
    w(f"- atlas: commit `{env.get('atlas_commit', '?')}` ({dirty_note}), release build `{env.get('atlas_bin', '')}`{given}")
    w(f"- {env.get('swift', '?')}")
    w(f"- {env.get('hugo', '?')}")
    w(f"- Pagefind (atlas's search index): {env.get('pagefind', '?')}; Python {env.get('python', '?').replace('Python ', '')}")
    large = f" ({env.get('runs_large')} for N ≥ 10,000)" if env.get("runs_large") else ""
    w(f"- settings: {env.get('runs')} runs per tool, N and file system{large}, alternating atlas and Hugo; seed {env.get('seed')}; "
      f"atlas stopped after {env.get('atlas_timeout')} s; search index {'on' if env.get('search') == '1' else 'off'}; "
      f"corpora: {env.get('corpora', 'synthetic')}; {env.get('serve_edits', '3')} edits per server")
    w("")
    w("### Commands")
    w("")
    w("FS is each of " + ", ".join(f"`{f}`" for f in env.get("filesystems", "").split()) +
      "; every build writes a fresh folder (RUN = 1, 2, 3…); corpus, site folders and outputs all sit on FS.")
    w("")
    for label, cmd in cmds:
        w(f"- {label}: `{cmd}`" if not label.startswith("atlas site") else f"- {label}: {cmd}")
    w("")

    fss = env.get("filesystems", "").split()
    corpora = []
    for r in rows:
        if r["corpus"] in ("real", "synthetic") and r["corpus"] not in corpora:
            corpora.append(r["corpus"])
    # atlas and Hugo rows of the side-by-side builds: the real-density corpus is read by atlas as
    # dumps, the synthetic one as Markdown (its dump build is listed apart).
    pair = {c: [r for r in rows if r["corpus"] == c and (r["tool"] == "hugo" or r["format"] == ("dump" if c == "real" else "markdown"))]
            for c in corpora}

    density = {}
    for path in glob.glob(os.path.join(results_dir, "density-*.tsv")):
        m = re.match(r"density-(\w+)-(\d+)\.tsv$", os.path.basename(path))
        if m:
            with open(path, encoding="utf-8") as f:
                density[(m.group(1), m.group(2))] = {row["group"]: row for row in csv.DictReader(f, delimiter="\t")}
    if density:
        w("### Density: claims and events per article")
        w("")
        w("Counted in the first atlas build of each corpus (`bench/density.py`: rows of `data/claims.json` and of")
        w("`data/events.json` with an article, per article page). *Real* = the 28 real articles (in the real-density")
        w("site, by their slugs in `content/urls.yml`); *generated* = the others.")
        w("")
        w("| corpus | N | articles | claims | claims / article | events | events / article |")
        w("|---|---:|---|---:|---:|---:|---:|")
        for (corpus, n), groups in sorted(density.items(), key=lambda kv: (corpora.index(kv[0][0]) if kv[0][0] in corpora else 9, int(kv[0][1]))):
            for g in ("real", "generated"):
                if g in groups:
                    a, c, e = (int(groups[g][k]) for k in ("articles", "claims", "events"))
                    label = "real density" if corpus == "real" else corpus
                    w(f"| {label} | {int(n):,} | {a:,} {g} | {c:,} | {c / a:.2f} | {e:,} | {e / a:.2f} |")
        w("")

    notes = []
    titles = {"real": ("Results: the real-density corpus (atlas reads dumps, Hugo the same articles as Markdown)",
                       "N generated articles recombined from the real dumps' units, plus the 28 real articles: atlas builds the real "
                       "site with the generated dumps beside the real ones; Hugo builds the same N + 28 articles as Markdown."),
              "synthetic": ("Results: the dense synthetic corpus (the same Markdown files for atlas and Hugo)",
                            "`bench/gen_corpus.py`: about 14 times the real articles' claims and 10 times their events per article.")}
    for corpus in corpora:
        title, intro = titles[corpus]
        cr = pair[corpus]
        sizes = []
        for r in cr:
            if r["n"] not in sizes:
                sizes.append(r["n"])
        w(f"### {title}")
        w("")
        w(intro + " Medians of the runs that finished. CPU = user + sys (Pagefind, which atlas runs as a child, included). "
              "Pages = HTML files written (atlas also writes entity, timeline and data pages, Hugo tag pages).")
        w("")
        w("| articles | file system | tool | runs | wall (min–max) | CPU | peak memory | pages | pages/s |")
        w("|---:|---|---|---:|---|---|---|---:|---:|")
        ratios = []
        for n in sizes:
            shown = f"{int(n):,} + 28" if corpus == "real" else f"{int(n):,}"
            for fs in fss:
                stats = {}
                for tool in ("atlas", "atlas-warm", "hugo"):
                    runs = [r for r in cr if r["n"] == n and r["fs"] == fs and r["tool"] == tool]
                    if not runs:
                        continue
                    s = summarise(runs)
                    stats[tool] = s
                    for bad in s["bad"]:
                        if bad["status"] == "timeout":
                            notes.append(f"{corpus} N={int(n):,} {fs} {tool} run {bad['run']}: stopped after {bad['wall_s']} s "
                                         f"(peak memory so far {fmt_mb(num(bad['maxrss_kb']))}); not run again for this N.")
                        elif bad["status"] == "killed":
                            notes.append(f"{corpus} N={int(n):,} {fs} {tool} run {bad['run']}: killed by signal 9 after {bad['wall_s']} s, before "
                                         f"the time limit (peak memory so far {fmt_mb(num(bad['maxrss_kb']))}; out of memory?); not run again for this N.")
                        else:
                            notes.append(f"{corpus} N={int(n):,} {fs} {tool} run {bad['run']}: {bad['status']} (see its .out log).")
                    wall = fmt_s(s["wall"]) + (f" ({s['spread']})" if s["spread"] else "")
                    if s["n"] == 0:
                        wall = "did not finish"
                    pages = "–" if s["pages"] is None else s_int(s["pages"])
                    pps = "–" if s["pps"] is None else f"{s['pps']:,.0f}"
                    w(f"| {shown} | `{fs}` | {tool} | {s['n']} | {wall} | {fmt_s(s['cpu'])} | {fmt_mb(s['rss'])} | {pages} | {pps} |")
                for tool, label in (("atlas", "cold"), ("atlas-warm", "warm")):
                    if tool in stats and "hugo" in stats:
                        ratios.append((shown, fs, label, stats[tool], stats["hugo"]))
        w("")
        w("**Ratio atlas / Hugo** (above 1 means atlas is slower or bigger):")
        w("")
        w("*Cold*: an atlas build with no findings kept (`.atlas-cache/` removed), which extracts every article; *warm*: the")
        w("build right after it, which reads the findings the cold one kept (`atlas-warm` above).")
        w("")
        w("| articles | file system | atlas | wall | CPU | peak memory | pages/s (Hugo / atlas) |")
        w("|---:|---|---|---|---|---|---|")
        for shown, fs, label, a, h in ratios:
            w(f"| {shown} | `{fs}` | {label} | {fmt_ratio(a['wall'], h['wall'])} | {fmt_ratio(a['cpu'], h['cpu'])} | "
              f"{fmt_ratio(a['rss'], h['rss'])} | {fmt_ratio(h['pps'], a['pps'])} |")
        w("")
    for r in [r for r in rows if r["status"] == "skipped"]:
        notes.append(f"{r['corpus']} N={int(r['n']):,}: atlas not run: {r['stages']}.")
    if notes:
        for note in notes:
            w(f"- {note}")
        w("")

    dump = [r for r in rows if r["format"] == "dump" and r["corpus"] == "synthetic"]
    if dump:
        w("### The synthetic articles as “search documents” dumps (atlas only, one run)")
        w("")
        w("| articles | file system | status | wall | CPU | peak memory | pages | pages/s |")
        w("|---:|---|---|---|---|---|---:|---:|")
        for r in dump:
            wall, cpu = num(r["wall_s"]), (num(r["user_s"]) or 0) + (num(r["sys_s"]) or 0)
            pages = num(r["pages"]) or 0
            w(f"| {int(r['n']):,} | `{r['fs']}` | {r['status']} | {fmt_s(wall)} | {fmt_s(cpu)} | {fmt_mb(num(r['maxrss_kb']))} | "
              f"{int(pages):,} | {pages / wall:,.0f} |" if wall else f"| {r['n']} | `{r['fs']}` | {r['status']} | | | | | |")
        w("")

    real = [r for r in rows if r["n"] == "real"]
    if real:
        s = summarise(real)
        w(f"### The real site (`atlas build` of the repository, {len(real)} runs)")
        w("")
        w("| runs | wall (min–max) | CPU | peak memory | pages | pages/s |")
        w("|---:|---|---|---|---:|---:|")
        pages = "–" if s["pages"] is None else s_int(s["pages"])
        pps = "–" if s["pps"] is None else f"{s['pps']:,.0f}"
        spread = f" ({s['spread']})" if s["spread"] else ""
        w(f"| {s['n']} | {fmt_s(s['wall'])}{spread} | {fmt_s(s['cpu'])} | {fmt_mb(s['rss'])} | {pages} | {pps} |")
        w("")

    serve = []
    for path in glob.glob(os.path.join(results_dir, "serve-*-*-*.tsv")):
        m = re.match(r"serve-(\w+)-(atlas|hugo)-(\d+)\.tsv$", os.path.basename(path))
        if not m:
            continue
        with open(path, encoding="utf-8") as f:
            serve += [dict(row, corpus=m.group(1), n=m.group(3)) for row in csv.DictReader(f, delimiter="\t")]
    if serve:
        order = lambda r: (corpora.index(r["corpus"]) if r["corpus"] in corpora else 9, int(r["n"]), r["tool"], int(r["edit"]))
        serve.sort(key=order)
        w("### Serving: one article saved → its changed page served")
        w("")
        w("Each edit appends a sentence with a new share and a date to one generated article (the same articles for both tools:")
        w("in the real-density corpus atlas's edit rewrites the body line in the article's dump file, which atlas then re-reads")
        w("whole; Hugo's edit appends to the article's Markdown file). *Served* runs from the moment the file is closed until")
        w("a request for the article's URL (`http://127.0.0.1:PORT/articles/…/`, polled every 5 ms) returns the new sentence.")
        w("*Message* is save → the tool's rebuild line (atlas `rebuilt …`, after which open pages reload; Hugo `Total in … ms`);")
        w("*own* is the rebuild time the tool prints. atlas's watcher is woken by file events (inotify) and looks within 5 ms")
        w("(without events it polls every 20–250 ms); Hugo's (`hugo server`, fast render mode, pages in memory) batches file")
        w("events for about 500 ms before it rebuilds.")
        w("atlas writes an edited article's page before it rebuilds the rest (`BodyEditPreview`: the article's body, figures,")
        w("events and entities made again, the rest of the page as published); *final same* counts the edits whose page the")
        w("rebuild left exactly as first served (else the rebuild changed it again, e.g. its related articles or timeline page).")
        w("")
        w("| corpus | articles | tool | edits | served (median, min–max) | message (median) | own rebuild (median) | final same |")
        w("|---|---:|---|---:|---|---|---|---|")
        groups = {}
        for r in serve:
            groups.setdefault((r["corpus"], r["n"], r["tool"]), []).append(r)
        for (corpus, n, tool), rs in sorted(groups.items(), key=lambda kv: order(dict(corpus=kv[0][0], n=kv[0][1], tool=kv[0][2], edit=0))):
            served = [num(r["served_ms"]) for r in rs if num(r["served_ms"]) is not None]
            msg = [num(r["message_ms"]) for r in rs if num(r["message_ms"]) is not None]
            own = [num(r["own_ms"]) for r in rs if num(r["own_ms"]) is not None]
            shown = f"{int(n):,} + 28" if corpus == "real" else f"{int(n):,}"
            fmt_ms = lambda v: "–" if v is None else f"{v:,.0f} ms"
            spread = f" ({min(served):,.0f}–{max(served):,.0f})" if len(served) > 1 else ""
            timeouts = sum(1 for r in rs if r["served_ms"] == "timeout")
            label = "real density" if corpus == "real" else corpus
            finals = [r.get("final") for r in rs if r.get("final")]
            same = f"{finals.count('same')} of {len(finals)}" if finals else "–"
            w(f"| {label} | {shown} | {tool} | {len(rs)}{f' ({timeouts} timed out)' if timeouts else ''} | {fmt_ms(med(served))}{spread} | "
              f"{fmt_ms(med(msg))} | {fmt_ms(med(own))} | {same} |")
        w("")
        w("<details><summary>Every edit</summary>")
        w("")
        w("| corpus | articles | tool | edit | page | served | message | own | atlas: files rendered, changed | final |")
        w("|---|---:|---|---:|---|---:|---:|---:|---|---|")
        for r in serve:
            w(f"| {'real density' if r['corpus'] == 'real' else r['corpus']} | {int(r['n']):,}{' + 28' if r['corpus'] == 'real' else ''} | {r['tool']} | {r['edit']} | `{r['article']}` | {r['served_ms']} ms | "
              f"{r['message_ms'] or '–'} ms | {r['own_ms'] or '–'} ms | {r['detail'] or ''} | {r.get('final') or '–'} |")
        w("")
        w("</details>")
        w("")

    w("### Where atlas spends the time (`atlas build --verbose`, medians)")
    w("")
    groups = []
    for corpus in corpora:
        atlas_rows = [r for r in pair[corpus] if r["tool"] in ("atlas", "atlas-warm")]
        for n in dict.fromkeys(r["n"] for r in atlas_rows):
            for fs in fss:
                for tool, warmth in (("atlas", ""), ("atlas-warm", ", warm")):
                    runs = [r for r in atlas_rows if r["n"] == n and r["fs"] == fs and r["tool"] == tool]
                    if stage_medians(runs):
                        label = f"{int(n):,} + 28 real density" if corpus == "real" else f"{int(n):,} synthetic"
                        groups.append((f"{label}{warmth}, `{fs}`", stage_medians(runs)))
    for r in dump:
        if stage_medians([r]):
            groups.append((f"{int(r['n']):,} synthetic as dumps, `{r['fs']}`", stage_medians([r])))
    if real and stage_medians(real):
        groups.append(("real site", stage_medians(real)))
    if groups:
        names = []
        for _, st in groups:
            for name, _ in st:
                if name not in names:
                    names.append(name)
        w("| stage | " + " | ".join(g for g, _ in groups) + " |")
        w("|---|" + "---|" * len(groups))
        for name in names:
            cells = []
            for _, st in groups:
                d = dict(st)
                total = sum(d.values())
                cells.append(f"{d[name]:.2f} s ({100 * d[name] / total:.0f}%)" if name in d else "–")
            w(f"| {name} | " + " | ".join(cells) + " |")
        w("| **total** | " + " | ".join(f"{sum(dict(st).values()):.2f} s" for _, st in groups) + " |")
    else:
        w("(no finished atlas build)")
    w("")
    return "\n".join(out)


def s_int(x):
    return f"{int(round(x)):,}"


DEFAULT_HEAD = """# Benchmarks

`bench/run` builds the same generated corpora with `atlas build` and with Hugo and writes the part of
this file between the markers below. See `bench/README.md`.

"""


def main():
    results, target = sys.argv[1], sys.argv[2]
    env, cmds, rows = load(results)
    body = render(env, cmds, rows, results)
    print(body)
    old = open(target, encoding="utf-8").read() if os.path.exists(target) else DEFAULT_HEAD
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
    else:
        head, tail = old.rstrip("\n") + "\n\n", "\n"
    with open(target, "w", encoding="utf-8") as f:
        f.write(head + BEGIN + "\n\n" + body + "\n" + END + tail)


if __name__ == "__main__":
    main()
