"""Runs Pagefind searches in headless Chromium against a served site and prints, per query,
the result URLs as JSON lines: {"query": ..., "urls": [...]}. Used by SearchTests."""
import sys, json
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
base = sys.argv[1]
opts = Options()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu"]: opts.add_argument(a)
opts.binary_location = "/usr/bin/chromium"
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
d.get(base + "search/")
d.set_script_timeout(30)
for q in sys.argv[2:]:
    urls = d.execute_async_script("""
      const done = arguments[arguments.length - 1];
      (async () => {
        const pf = await import(arguments[0] + "pagefind/pagefind.js");
        const r = await pf.search(arguments[1]);
        const data = await Promise.all(r.results.map(x => x.data()));
        done(data.map(x => x.url));
      })().catch(e => done(["ERROR " + e]));
    """, base, q)
    print(json.dumps({"query": q, "urls": urls}, ensure_ascii=False))
d.quit()
