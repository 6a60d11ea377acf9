#!/usr/bin/env python3
"""Time `atlas serve` rebuilds after editing one article.

    serve_latency.py ATLAS SITE OUT PORT EDITS > results.tsv

Starts `atlas serve` on SITE (building the preview in OUT), waits for the first build, then EDITS times appends
a sentence with a new figure and date to one article (a different one each time), and measures
from the moment the file is saved and closed to the moment atlas prints its `rebuilt …` line (the
line it prints just before open pages are told to reload). Prints one TSV row per edit:
edit, latency_ms (save → reload message, including the watcher's polling), atlas_ms (atlas's own
rebuild time), rendered and changed files.
"""
import os, re, subprocess, sys, time, threading, queue

atlas, site, out, port, edits = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
proc = subprocess.Popen([atlas, "serve", "--root", site, "--cache", out, "--port", port],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
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
    raise SystemExit(f"no line matching {pattern!r} within {timeout} s")

try:
    wait_for(r"^built ", 1800)
    wait_for(r"^serving ", 60)
    articles = sorted(os.listdir(os.path.join(site, "content/articles")))
    print("edit\tlatency_ms\tatlas_ms\trendered\tchanged")
    for k in range(edits):
        name = articles[(k * 7919) % len(articles)]
        path = os.path.join(site, "content/articles", name)
        time.sleep(1.0)  # let the watcher settle between edits
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"\nJapan said on 3 March 2025 that it imports {40 + k}% of its rare earths from China.\n")
        saved = time.monotonic()
        at, line = wait_for(r"^rebuilt ", 600)
        m = re.search(r"in (\d+) ms \((\d+) files rendered, (\d+) changed\)", line)
        atlas_ms, rendered, changed = (m.group(1), m.group(2), m.group(3)) if m else ("", "", "")
        print(f"{k + 1}\t{round((at - saved) * 1000)}\t{atlas_ms}\t{rendered}\t{changed}", flush=True)
finally:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
