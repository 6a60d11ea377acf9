#!/usr/bin/env python3
"""Claims and events per article in a built atlas site, real articles apart from generated ones.

    bench/density.py OUT [REAL_URLS_YML] [--tsv]

OUT is an `atlas build` output (reads OUT/data/claims.json and events.json, and counts
OUT/articles/*/). REAL_URLS_YML (default: the repository's content/urls.yml) lists the real
articles' slugs; the other articles are the generated ones. Events without an article (from
content/timeline.yml) are left out. Prints one line per group (or TSV rows with --tsv):
group, articles, claims, events, claims/article, events/article.
"""
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def slug_of(url):
    m = re.search(r"/articles/([^/]+)/", url or "")
    return m.group(1) if m else None


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    tsv = "--tsv" in sys.argv
    out = args[0]
    urls = args[1] if len(args) > 1 else os.path.join(REPO, "content/urls.yml")
    real = set(re.findall(r"^- slug: (\S+)", open(urls, encoding="utf-8").read(), re.M))
    articles = [d for d in os.listdir(os.path.join(out, "articles"))
                if d != "page" and os.path.isfile(os.path.join(out, "articles", d, "index.html"))]  # page/: the paged list
    claims = json.load(open(os.path.join(out, "data/claims.json"), encoding="utf-8"))
    events = json.load(open(os.path.join(out, "data/events.json"), encoding="utf-8"))
    groups = {"real": [0, 0, 0], "generated": [0, 0, 0]}
    for a in articles:
        groups["real" if a in real else "generated"][0] += 1
    for c in claims:
        s = slug_of(c.get("article"))
        if s:
            groups["real" if s in real else "generated"][1] += 1
    for e in events:
        s = slug_of(e.get("article"))
        if s:
            groups["real" if s in real else "generated"][2] += 1
    total = [sum(g[k] for g in groups.values()) for k in range(3)]
    if tsv:
        print("group\tarticles\tclaims\tevents")
    for name, (n, c, e) in list(groups.items()) + [("all", total)]:
        if not n:
            continue
        if tsv:
            print(f"{name}\t{n}\t{c}\t{e}")
        else:
            print(f"{name:9} {n:6,} articles  {c:7,} claims ({c / n:.2f}/article)  {e:7,} events ({e / n:.2f}/article)")


if __name__ == "__main__":
    main()
