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
        rows.append(dict(zip(head, line.split("\t"))))
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
    w(f"- atlas: commit `{env.get('atlas_commit', '?')}` ({dirty_note}), release build `{env.get('atlas_bin', '')}`")
    w(f"- {env.get('swift', '?')}")
    w(f"- {env.get('hugo', '?')}")
    w(f"- Pagefind (atlas's search index): {env.get('pagefind', '?')}; Python {env.get('python', '?').replace('Python ', '')}")
    large = f" ({env.get('runs_large')} for N ≥ 10,000)" if env.get("runs_large") else ""
    w(f"- settings: {env.get('runs')} runs per tool, N and file system{large}, alternating atlas and Hugo; seed {env.get('seed')}; "
      f"atlas stopped after {env.get('atlas_timeout')} s; search index {'on' if env.get('search') == '1' else 'off'}")
    w("")
    w("### Commands")
    w("")
    w("FS is each of " + ", ".join(f"`{f}`" for f in env.get("filesystems", "").split()) +
      "; every build writes a fresh folder (RUN = 1, 2, 3…); corpus, site folders and outputs all sit on FS.")
    w("")
    for label, cmd in cmds:
        w(f"- {label}: `{cmd}`" if not label.startswith("atlas site") else f"- {label}: {cmd}")
    w("")

    md = [r for r in rows if r["format"] == "markdown"]
    sizes = []
    for r in md:
        if r["n"] not in sizes:
            sizes.append(r["n"])
    fss = env.get("filesystems", "").split()

    w("### Results: the same Markdown corpus, atlas and Hugo")
    w("")
    w("Medians of the runs that finished. CPU = user + sys (Pagefind, which atlas runs as a child, included). "
      "Pages = HTML files written (atlas also writes entity, timeline and data pages, Hugo tag pages).")
    w("")
    w("| articles | file system | tool | runs | wall (min–max) | CPU | peak memory | pages | pages/s |")
    w("|---:|---|---|---:|---|---|---|---:|---:|")
    ratios = []
    notes = []
    for n in sizes:
        for fs in fss:
            stats = {}
            for tool in ("atlas", "hugo"):
                runs = [r for r in md if r["n"] == n and r["fs"] == fs and r["tool"] == tool]
                if not runs:
                    continue
                s = summarise(runs)
                stats[tool] = s
                for bad in s["bad"]:
                    if bad["status"] == "timeout":
                        notes.append(f"N={int(n):,} {fs} {tool} run {bad['run']}: stopped after {bad['wall_s']} s "
                                     f"(peak memory so far {fmt_mb(num(bad['maxrss_kb']))}); not run again for this N.")
                    else:
                        notes.append(f"N={int(n):,} {fs} {tool} run {bad['run']}: {bad['status']} (see its .out log).")
                wall = fmt_s(s["wall"]) + (f" ({s['spread']})" if s["spread"] else "")
                if s["n"] == 0:
                    wall = "did not finish"
                pages = "–" if s["pages"] is None else s_int(s["pages"])
                pps = "–" if s["pps"] is None else f"{s['pps']:,.0f}"
                w(f"| {int(n):,} | `{fs}` | {tool} | {s['n']} | {wall} | {fmt_s(s['cpu'])} | {fmt_mb(s['rss'])} | {pages} | {pps} |")
            if "atlas" in stats and "hugo" in stats:
                a, h = stats["atlas"], stats["hugo"]
                ratios.append((n, fs, a, h))
    for r in [r for r in rows if r["status"] == "skipped"]:
        notes.append(f"N={int(r['n']):,}: atlas not run: {r['stages']}.")
    w("")
    w("**Ratio atlas / Hugo** (above 1 means atlas is slower or bigger):")
    w("")
    w("| articles | file system | wall | CPU | peak memory | pages/s (Hugo / atlas) |")
    w("|---:|---|---|---|---|---|")
    for n, fs, a, h in ratios:
        pps = fmt_ratio(h["pps"], a["pps"])
        w(f"| {int(n):,} | `{fs}` | {fmt_ratio(a['wall'], h['wall'])} | {fmt_ratio(a['cpu'], h['cpu'])} | "
          f"{fmt_ratio(a['rss'], h['rss'])} | {pps} |")
    if notes:
        w("")
        for note in notes:
            w(f"- {note}")
    w("")

    dump = [r for r in rows if r["format"] == "dump"]
    if dump:
        w("### The same articles as “search documents” dumps (atlas only, one run)")
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
        w(f"| {s['n']} | {fmt_s(s['wall'])} ({s['spread']}) | {fmt_s(s['cpu'])} | {fmt_mb(s['rss'])} | {pages} | {pps} |")
        w("")

    serve = sorted(glob.glob(os.path.join(results_dir, "serve-*.tsv")), key=lambda p: int(re.sub(r"\D", "", os.path.basename(p)) or 0))
    if serve:
        w("### `atlas serve`: one article saved → reload message")
        w("")
        w("Each edit appends a sentence with a new share and a date to a different article. *Latency* runs from the moment the")
        w("file is closed to atlas printing `rebuilt …` (the moment open pages are told to reload), including the watcher's")
        w("100 ms polling; *rebuild* is atlas's own measure; the search index is rebuilt after the reload.")
        w("")
        w("| articles | edit | latency | rebuild | files rendered | files changed |")
        w("|---:|---:|---:|---:|---:|---:|")
        for path in serve:
            n = re.sub(r"\D", "", os.path.basename(path))
            with open(path, encoding="utf-8") as f:
                for row in list(csv.DictReader(f, delimiter="\t")):
                    w(f"| {int(n):,} | {row['edit']} | {int(row['latency_ms']):,} ms | {row['atlas_ms'] or '–'} ms | {row['rendered']} | {row['changed']} |")
        w("")

    w("### Where atlas spends the time (`atlas build --verbose`, medians)")
    w("")
    groups = []
    for n in sizes:
        for fs in fss:
            runs = [r for r in md if r["n"] == n and r["fs"] == fs and r["tool"] == "atlas"]
            if stage_medians(runs):
                groups.append((f"{int(n):,} Markdown, `{fs}`", stage_medians(runs)))
    for r in dump:
        if stage_medians([r]):
            groups.append((f"{int(r['n']):,} dumps, `{r['fs']}`", stage_medians([r])))
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

`bench/run` builds the same generated corpus with `atlas build` and with Hugo and writes the part of
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
