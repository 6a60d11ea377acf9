"""Loads pages with charts in headless Chromium at phone and desktop widths, light and dark, and
prints one JSON line per problem found, then a last line {"checked": N}. Used by ChartBrowserTests.

Per page, width and colour scheme:
- no chart figure or chart table is wider than the window, and a chart page does not scroll sideways;
- each figure shows exactly one drawing, the narrow one up to 40rem (640 px) and the wide one above;
- in the drawing shown, no two labels overlap, no label covers a mark (bar, dot, range, reference
  tick), and nothing leaves the drawing: label widths are the browser's own (getBBox), heights
  from the baseline (0.8 em up, 0.2 em down), so lines of mixed Chinese and Latin are not
  counted as touching because of the CJK font's tall line box;
- chart text has at least 4.5:1 contrast with the page, and every bar, dot or tick at least 3:1
  by its fill or its outline.

Usage: chart_layout.py BASE_URL PATH...
"""
import sys, json
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

base, paths = sys.argv[1], sys.argv[2:]
opts = Options()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
    opts.add_argument(a)
opts.binary_location = "/usr/bin/chromium"
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)

MEASURE = r"""
const out = {pageWidth: document.documentElement.scrollWidth, window: window.innerWidth, figures: [], wide: []};
const bodyBg = getComputedStyle(document.body).backgroundColor;
for (const el of document.querySelectorAll('figure.chart-figure, table.chart-table')) {
  const r = el.getBoundingClientRect();
  if (r.right > window.innerWidth + 0.5 || r.left < -0.5) out.wide.push(el.tagName.toLowerCase() + '#' + (el.id || el.className) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
}
for (const fig of document.querySelectorAll('figure.chart-figure')) {
  const shown = [...fig.querySelectorAll('svg.chart')].filter(s => getComputedStyle(s).display !== 'none');
  const f = {id: fig.id, shown: shown.map(s => s.getAttribute('class')), texts: [], marks: [], viewWidth: 0, bg: bodyBg};
  if (shown.length === 1) {
    const svg = shown[0];
    f.viewWidth = svg.viewBox.baseVal.width;
    f.pixelWidth = svg.getBoundingClientRect().width;
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBBox(), cs = getComputedStyle(t), fs = parseFloat(cs.fontSize);
      const y = t.y.baseVal.length ? t.y.baseVal[0].value : b.y + b.height;
      f.texts.push({text: t.textContent, x0: b.x, x1: b.x + b.width, y0: y - 0.8 * fs, y1: y + 0.2 * fs, fill: cs.fill, size: fs});
    }
    for (const m of svg.querySelectorAll('rect.bar, rect.claim-range, circle.claim-dot, line.reference-line')) {
      const b = m.getBBox(), cs = getComputedStyle(m), sw = parseFloat(cs.strokeWidth) || 0;
      const isLine = m.tagName === 'line';
      f.marks.push({kind: m.getAttribute('class'), x0: b.x - (isLine ? sw / 2 : 0), x1: b.x + b.width + (isLine ? sw / 2 : 0), y0: b.y, y1: b.y + b.height,
                    fill: cs.fill, stroke: cs.stroke, strokeWidth: sw});
    }
  }
  out.figures.push(f);
}
return out;
"""

def rgb(text):
    if not text or not text.startswith("rgb"):
        return None
    parts = [float(p) for p in text[text.index("(") + 1:text.index(")")].replace("/", ",").split(",")[:3]]
    return parts

def luminance(c):
    def channel(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b

def contrast(a, b):
    la, lb = sorted([luminance(a), luminance(b)], reverse=True)
    return (la + 0.05) / (lb + 0.05)

def overlap(a, b, slack=0.5):
    return min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > slack and min(a["y1"], b["y1"]) - max(a["y0"], b["y0"]) > slack

checked = 0
for path in paths:
    for width in (360, 1280):
        for scheme in ("light", "dark"):
            d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
            d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            d.get(base + path)
            m = d.execute_script(MEASURE)
            where = f"{path} at {width}px {scheme}"
            def problem(text):
                print(json.dumps({"page": where, "problem": text}, ensure_ascii=False))
            checked += 1
            if path.startswith("data/") and path.count("/") == 2 and m["pageWidth"] > m["window"]:
                problem(f"the page scrolls sideways: {m['pageWidth']} px in a {m['window']} px window")
            for item in m["wide"]:
                problem(f"wider than the window: {item}")
            if not m["figures"]:
                problem("no chart figure")
            for f in m["figures"]:
                expected = "chart chart-narrow" if width <= 640 else "chart chart-wide"
                if f["shown"] != [expected]:
                    problem(f"{f['id']} shows {f['shown']}, expected [{expected}]")
                    continue
                if width <= 640 and f["pixelWidth"] < f["viewWidth"] * 0.95:
                    problem(f"{f['id']}: narrow drawing shrunk to {f['pixelWidth']:.0f} px")
                bg = rgb(f["bg"])
                texts, marks = f["texts"], f["marks"]
                for i, t in enumerate(texts):
                    if t["x0"] < -0.5 or t["x1"] > f["viewWidth"] + 0.5:
                        problem(f"{f['id']}: “{t['text']}” leaves the drawing ({t['x0']:.1f}–{t['x1']:.1f} of {f['viewWidth']})")
                    for u in texts[i + 1:]:
                        if overlap(t, u):
                            problem(f"{f['id']}: “{t['text']}” overlaps “{u['text']}”")
                    for k in marks:
                        if overlap(t, k):
                            problem(f"{f['id']}: “{t['text']}” covers a {k['kind']}")
                    fill = rgb(t["fill"])
                    if fill and bg and contrast(fill, bg) < 4.5:
                        problem(f"{f['id']}: “{t['text']}” contrast {contrast(fill, bg):.2f}:1 ({t['fill']} on {f['bg']})")
                for k in marks:
                    fill, stroke = rgb(k["fill"]), rgb(k["stroke"]) if k["strokeWidth"] > 0 else None
                    best = max([contrast(c, bg) for c in (fill, stroke) if c and bg] or [0])
                    if best < 3:
                        problem(f"{f['id']}: a {k['kind']} has contrast {best:.2f}:1 by fill and outline ({k['fill']}, {k['stroke']} on {f['bg']})")
print(json.dumps({"checked": checked}))
d.quit()
