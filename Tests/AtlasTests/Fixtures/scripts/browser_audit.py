"""Looks at pages as a reader's browser shows them, at phone and desktop widths in light and dark
mode, and prints one JSON line per page, width and scheme: {"page", "width", "scheme", "problems"}.

Usage: browser_audit.py BASE_URL AXE_JS PAGE...   (PAGE is a path under BASE_URL; a page written
`search/?q=TERM` has the query typed into the search box and its results shown before the checks.)

A problem is any of:
- the page, or a table or chart on it, is wider than the screen, or a box scrolls sideways;
- two labels of a visible chart overlap;
- an axe-core violation of serious or critical impact.
Used by BrowserAuditTests; the thresholds live there, the measuring here.
"""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

WIDTHS = (360, 1280)
SCHEMES = ("light", "dark")

MEASURE = r"""
const width = window.innerWidth;
const problems = [];
const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
const describe = el => {
  let s = el.tagName.toLowerCase();
  if (el.id) s += "#" + el.id;
  if (el.classList.length) s += "." + [...el.classList].join(".");
  const p = el.parentElement;
  return (p ? (p.tagName.toLowerCase() + (p.className ? "." + String(p.className).split(" ")[0] : "") + " > ") : "") + s;
};
if (document.documentElement.scrollWidth > width + 1) {
  problems.push("page is " + document.documentElement.scrollWidth + " px wide at " + width + " px");
}
for (const el of document.querySelectorAll("table, svg.chart")) {
  if (!visible(el)) continue;
  const w = el.getBoundingClientRect().width;
  if (w > width + 1) problems.push(describe(el) + " is " + Math.round(w) + " px wide at " + width + " px");
}
for (const el of document.querySelectorAll("body *")) {
  if (!visible(el)) continue;
  const style = getComputedStyle(el);
  if (!["auto", "scroll"].includes(style.overflowX)) continue;
  if (el.scrollWidth > el.clientWidth + 1) {
    problems.push(describe(el) + " scrolls sideways (" + el.scrollWidth + " px in " + el.clientWidth + ")");
  }
}
for (const svg of document.querySelectorAll("svg.chart")) {
  if (!visible(svg)) continue;
  const boxes = [...svg.querySelectorAll("text")].filter(t => visible(t) && t.textContent.trim() !== "")
    .map(t => ({ text: t.textContent.trim(), r: t.getBoundingClientRect() }));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].r, b = boxes[j].r;
      const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      // Glyph boxes include line spacing: half a pixel of contact is not an overlap.
      if (dx > 0.5 && dy > 0.5) {
        problems.push("chart " + (svg.id || svg.closest("figure")?.id || "") + ": label \"" + boxes[i].text + "\" overlaps \"" + boxes[j].text + "\"");
      }
    }
  }
}
return problems;
"""

AXE = r"""
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ["violations"] }).then(r => done(
  r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => v.impact + " " + v.id + ": " + v.help + " (" + v.nodes.length + " nodes, e.g. " + (v.nodes[0]?.target || []).join(" ") + ")")
)).catch(e => done(["axe failed: " + e]));
"""

SEARCH = r"""
const done = arguments[arguments.length - 1];
const query = arguments[0];
const started = Date.now();
(function wait() {
  const input = document.querySelector(".pagefind-ui__search-input, input[type=search]");
  if (!input) { if (Date.now() - started > 10000) return done("no search box"); return setTimeout(wait, 100); }
  input.value = query;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  (function results() {
    const shown = document.querySelectorAll(".pagefind-ui__result").length;
    if (shown > 0) return setTimeout(() => done("ok"), 300);
    if (Date.now() - started > 15000) return done("no results for " + query);
    setTimeout(results, 100);
  })();
})();
"""


def main():
    base, axe_path, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    axe = open(axe_path, encoding="utf-8").read()
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    try:
        for width in WIDTHS:
            for scheme in SCHEMES:
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 500})
                for page in pages:
                    path, _, query = page.partition("?q=")
                    driver.get(base + path)
                    problems = []
                    if query:
                        state = driver.execute_async_script(SEARCH, query)
                        if state != "ok":
                            problems.append(state)
                    else:
                        time.sleep(0.05)
                    problems += driver.execute_script(MEASURE)
                    driver.execute_script(axe)
                    problems += driver.execute_async_script(AXE)
                    print(json.dumps({"page": page, "width": width, "scheme": scheme, "problems": problems}, ensure_ascii=False), flush=True)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
