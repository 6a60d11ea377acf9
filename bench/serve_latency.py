#!/usr/bin/env python3
"""Edit latency of `atlas serve` and `hugo server`: from saving an article to its changed page being served.

    serve_latency.py atlas ATLAS SITE CACHE PORT EDITS [--n N]   > results.tsv
    serve_latency.py hugo  HUGO HUGO_SITE CONTENT_DIR PORT EDITS [--n N] > results.tsv

atlas: starts `atlas serve --root SITE --cache CACHE --port PORT` and waits for its first build.
  With dumps (SITE/content/sources/, the corpus of bench/gen_real_corpus.py) an edit appends a
  point (English digest) or a sentence (Chinese prose, before a closing ` ...`) to the body line
  of one generated article, found by its title suffix ` (No. i)` / `（第i篇）`, and rewrites the
  dump file; atlas then re-reads that whole dump. With Markdown articles (SITE/content/articles/,
  bench/gen_corpus.py) the sentence is appended to the file. The article's URL is read from
  SITE/content/urls.yml (which `atlas build` writes, `atlas serve` does not), else found by its
  title in the preview's articles/*/index.html; for Markdown it is the file name.
hugo: starts `hugo server --source HUGO_SITE --contentDir CONTENT_DIR --port PORT` (rendering to
  memory, fast render mode, as `hugo server` runs by default) and appends the sentence to
  CONTENT_DIR/articles/NNNNN.md; the page is /articles/NNNNN/.

Every edit touches article i = (k × 7919 + 13) mod N (k = 0, 1, …; N given or counted), so both
tools edit the same articles. The sentence carries a new share and a date. After the file is
closed the page's URL is fetched over HTTP every 5 ms until its text (tags stripped) contains
the new sentence: that is *served_ms*. Also reported: *message_ms*, save → the tool's rebuild
line (`rebuilt …` for atlas, `Total in … ms` for Hugo), and *own_ms*, the rebuild time the tool
prints. atlas serves an edited article's page before it rebuilds the rest of the site (its
`previewed …` line); *final* says whether the page the rebuild left is the one first served
(`same`) or the rebuild changed it again (`changed`: a figure or date the edit added moved
something around the article, say its related articles or its timeline page).
One TSV row per edit: tool, edit, article, served_ms, message_ms, own_ms, detail, final.
"""
import argparse
import html
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.request

ap = argparse.ArgumentParser()
ap.add_argument("tool", choices=["atlas", "hugo"])
ap.add_argument("binary")
ap.add_argument("site")
ap.add_argument("folder", help="atlas: the preview cache; hugo: the content folder (holds articles/)")
ap.add_argument("port")
ap.add_argument("edits", type=int)
ap.add_argument("--n", type=int, help="generated articles in the corpus (default: counted)")
ap.add_argument("--timeout", type=float, default=600, help="seconds to wait for one edit to be served")
args = ap.parse_args()

if args.tool == "atlas":
    cmd = [args.binary, "serve", "--root", args.site, "--cache", args.folder, "--port", args.port, "--verbose"]
    ready, rebuilt = r"^serving ", r"^rebuilt "
else:
    cmd = [args.binary, "server", "--source", args.site, "--contentDir", args.folder, "--port", args.port,
           "--bind", "127.0.0.1", "--noBuildLock"]
    ready, rebuilt = r"Web Server is available at", r"Total in \d+ ms"

proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
lines = queue.Queue()
threading.Thread(target=lambda: [lines.put((time.monotonic(), l.rstrip("\n"))) for l in proc.stdout], daemon=True).start()


def wait_for(pattern, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            at, line = lines.get(timeout=max(0.01, end - time.monotonic()))
        except queue.Empty:
            break
        print(line, file=sys.stderr)
        if re.search(pattern, line):
            return at, line
    return None, None


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except Exception as e:  # 404 while the page is rebuilt, connection refused, …
        return f"<!-- {e} -->"


def text_of(page):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def without_reload(page):
    """The page without the live-reload tag atlas adds as it serves (it carries the build number)."""
    return re.sub(r'<script src="[^"]*/reload\.js"[^>]*></script>', "", page)


def sentence(k, chinese):
    share = 41 + k
    if chinese:
        return f"日本于2025年3月{3 + k}日表示,其{share}%的稀土进口来自中国。"
    return f"Japan said on {3 + k} March 2025 that it imports {share}% of its rare earths from China"


def needle(s):
    return s.rstrip("。")


# ---------------------------------------------------------------- finding and editing an article

SUFFIX = re.compile(r"(?: \(No\. (\d+)\)|（第(\d+)篇）)$")


def dump_articles(site):
    """{i: (path, line index of the title)} for the generated articles in the site's dumps."""
    found = {}
    folder = os.path.join(site, "content/sources")
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        lines = open(path, encoding="utf-8-sig", newline="").read().split("\n")
        for j, line in enumerate(lines):
            m = SUFFIX.search(line.rstrip("\r"))
            if m:
                found[int(m.group(1) or m.group(2)) - 1] = (path, j)
    return found


def edit_dump(path, j, k):
    raw = open(path, "rb").read().decode("utf-8")
    bom = "\ufeff" if raw.startswith("\ufeff") else ""
    lines = raw[len(bom):].split("\n")
    title = lines[j].rstrip("\r")
    meta = lines[j + 1].rstrip("\r")
    body = lines[j + 2]
    cr = "\r" if body.endswith("\r") else ""
    body = body.rstrip("\r")
    chinese = "（第" in title
    s = sentence(k, chinese)
    if chinese:
        if body.endswith(" ..."):
            body = body[:-4] + s + " ..."
        else:
            body = body + s
    else:
        body = body + f" - {s} [99]"
    lines[j + 2] = body + cr
    with open(path, "wb") as f:
        f.write((bom + "\n".join(lines)).encode("utf-8"))
    return title, meta, s


def slug_from_urls(site, title, meta):
    source, _, when = meta.rpartition("·")
    text = open(os.path.join(site, "content/urls.yml"), encoding="utf-8").read()
    for m in re.finditer(r'^- slug: (\S+)\n  title: "((?:[^"\\]|\\.)*)"\n  source: "((?:[^"\\]|\\.)*)"\n  date: "([^"]*)"', text, re.M):
        t = m.group(2).replace('\\"', '"').replace("\\\\", "\\")
        if t == title and m.group(3) == source.strip() and m.group(4) == when.strip():
            return m.group(1)
    return None


_titles = {}


def slug_from_cache(cache, title):
    """The slug of the article page with this title in the preview (`atlas serve` does not write urls.yml)."""
    if not _titles:
        folder = os.path.join(cache, "articles")
        for slug in os.listdir(folder):
            try:
                page = open(os.path.join(folder, slug, "index.html"), encoding="utf-8").read(20000)
            except OSError:
                continue
            m = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
            if m:
                _titles.setdefault(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip(), slug)
    return _titles.get(title)


def markdown_chinese(path):
    body = open(path, encoding="utf-8").read().split("\n---\n", 1)[-1]
    return sum(1 for ch in body if "\u4e00" <= ch <= "\u9fff") > len(body) / 4


rows = []
try:
    at, line = wait_for(ready, 3600)
    if at is None:
        raise SystemExit(f"{args.tool} did not start serving (see the log above)")
    base = f"http://127.0.0.1:{args.port}"
    if args.tool == "atlas":
        dumps = not os.path.isdir(os.path.join(args.site, "content/articles"))
        if dumps:
            index = dump_articles(args.site)
            n = args.n or len(index)
        else:
            articles = sorted(os.listdir(os.path.join(args.site, "content/articles")))
            n = args.n or len(articles)
    else:
        articles = sorted(f for f in os.listdir(os.path.join(args.folder, "articles")) if re.match(r"\d+\.md$", f))
        n = args.n or len(articles)
    print("tool\tedit\tarticle\tserved_ms\tmessage_ms\town_ms\tdetail\tfinal", flush=True)
    for k in range(args.edits):
        i = (k * 7919 + 13) % n
        if args.tool == "atlas" and dumps:
            path, j = index[i]
            lines_now = open(path, encoding="utf-8-sig").read().split("\n")
            title, meta = lines_now[j].rstrip("\r"), lines_now[j + 1].rstrip("\r")
            slug = slug_from_urls(args.site, title, meta) or slug_from_cache(args.folder, title)
            if not slug:
                raise SystemExit(f"no URL for {title!r} in content/urls.yml or the preview in {args.folder}")
            url = f"{base}/articles/{slug}/"
        else:
            folder = os.path.join(args.site, "content/articles") if args.tool == "atlas" else os.path.join(args.folder, "articles")
            name = f"{i:05d}.md"
            path = os.path.join(folder, name)
            url = f"{base}/articles/{name[:-3]}/"
        before = fetch(url)  # the page as served now (Hugo's fast render mode re-renders pages it has served)
        time.sleep(1.0)      # let the watcher settle between edits
        while not lines.empty():
            print(lines.get()[1], file=sys.stderr)
        if args.tool == "atlas" and dumps:
            _, _, s = edit_dump(path, j, k)
        else:
            chinese = markdown_chinese(path)
            s = sentence(k, chinese)
            with open(path, "a", encoding="utf-8") as f:
                f.write(f"\n{s}\n" if chinese else f"\n- {s} [99]\n")
        saved = time.monotonic()
        want = needle(s)
        if want in text_of(before):
            raise SystemExit(f"the page {url} already has {want!r}")
        served, first = None, None
        while time.monotonic() - saved < args.timeout:
            page = fetch(url)
            if want in text_of(page):
                served, first = time.monotonic(), page
                break
            time.sleep(0.005)
        # atlas serves an edited article's page before it rebuilds the rest: wait for the
        # rebuild, then say whether the page it left is the one first served.
        at, line = wait_for(rebuilt, (args.timeout if args.tool == "atlas" else 5) if served else 1)
        final = ""
        if served and at and args.tool == "atlas":
            final = "same" if without_reload(fetch(url)) == without_reload(first) else "changed"
        own, detail = "", ""
        if line and args.tool == "atlas":
            m = re.search(r"in (\d+) ms \((\d+) files rendered, (\d+) changed\)", line)
            if m:
                own, detail = m.group(1), f"{m.group(2)} rendered, {m.group(3)} changed"
        elif line:
            own = re.search(r"Total in (\d+) ms", line).group(1)
        served_ms = round((served - saved) * 1000) if served else "timeout"
        message_ms = round((at - saved) * 1000) if at else ""
        print(f"{args.tool}\t{k + 1}\t{url[len(base):]}\t{served_ms}\t{message_ms}\t{own}\t{detail}\t{final}", flush=True)
        if not served:
            break
finally:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
