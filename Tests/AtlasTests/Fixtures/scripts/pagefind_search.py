"""Searches a served site as a reader does: opens /search/?q=QUERY in headless Chromium, waits
for Pagefind's UI to show its results, and prints one JSON line per query and colour scheme:
{"query", "scheme", "urls" (top-level results in the order shown), "message" (the result count
line), "filters" (the kind filter's labels), "contrast" (the lowest text contrast among the
results, the message and the filters, with the element it was measured on), "articlesOnly" (the
results once the "文章 Article" kind is ticked, null without that choice)}. Used by SearchTests.

Usage: pagefind_search.py BASE_URL QUERY... (each query is run in light and in dark mode)."""
import sys, json, re, time, urllib.parse
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

# WCAG contrast of each visible text element against the colour painted behind it.
CONTRAST = """
function rgba(s) { const m = s.match(/[\\d.]+/g).map(Number); return m.length === 3 ? [...m, 1] : m; }
function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); }
function behind(el) { let layers = [];
  for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor); if (c[3] > 0) layers.push(c); if (c[3] >= 1) break; }
  let out = [255, 255, 255]; for (const c of layers.reverse()) out = out.map((v, i) => v * (1 - c[3]) + c[i] * c[3]); return out; }
let worst = {ratio: 99, what: ""};
const texts = document.querySelectorAll("#search .pagefind-ui__result-title a, #search .pagefind-ui__result-excerpt, #search .pagefind-ui__result-excerpt mark, #search .pagefind-ui__message, #search .pagefind-ui__filter-label, #search .pagefind-ui__filter-name, #search input, #search .pagefind-ui__button");
for (const el of texts) {
  if (!el.textContent.trim() && el.tagName !== "INPUT") continue;
  const fg = rgba(getComputedStyle(el).color), bg = behind(el);
  const mixed = fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3]));
  const a = lum(mixed), b = lum(bg), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < worst.ratio) worst = {ratio: Math.round(ratio * 100) / 100, what: el.className + " " + getComputedStyle(el).color + " on rgb(" + bg.map(Math.round) + ")"};
}
return worst;
"""

base = sys.argv[1]
opts = Options()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu"]: opts.add_argument(a)
opts.binary_location = "/usr/bin/chromium"
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
d.set_window_size(1280, 1000)
for scheme in ["light", "dark"]:
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    for q in sys.argv[2:]:
        d.get(base + "search/?q=" + urllib.parse.quote(q))
        urls, message = [], ""
        for _ in range(100):
            time.sleep(0.2)
            message = d.execute_script("const m = document.querySelector('#search .pagefind-ui__message'); return m ? m.textContent : ''")
            urls = d.execute_script("return [...document.querySelectorAll('#search li.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title a')].map(a => new URL(a.href).pathname)")
            # Done when the count line has replaced the "searching…" line and the first page of
            # results (Pagefind shows five, each once its fragment has loaded) is all there: on a
            # busy machine they appear one by one.
            count = re.match(r"\s*(\d+)", message or "")
            if message and "…" not in message and ("没有结果" in message or (count and len(urls) >= min(int(count.group(1)), 5))): break
        filters = d.execute_script("return [...document.querySelectorAll('#search .pagefind-ui__filter-name, #search .pagefind-ui__filter-label')].map(e => e.textContent.trim())")
        contrast = d.execute_script(CONTRAST)
        # The kind filter as a reader uses it: tick "文章 Article" and read the results again.
        articles = d.execute_async_script("""
          const done = arguments[arguments.length - 1];
          const box = [...document.querySelectorAll('#search .pagefind-ui__filter-checkbox')].find(b => b.value.endsWith('Article'));
          if (!box) return done(null);
          box.click();
          setTimeout(() => done([...document.querySelectorAll('#search li.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title a')]
            .map(a => new URL(a.href).pathname)), 2500);
        """)
        print(json.dumps({"query": q, "scheme": scheme, "urls": urls, "message": message, "filters": filters,
                          "contrast": contrast, "articlesOnly": articles}, ensure_ascii=False), flush=True)
d.quit()
