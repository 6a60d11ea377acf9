"""Opens a search page from disk (a file:// URL) in headless Chromium, as a reader who opened a
site built with --relative does, and prints one JSON object: {"notice" (the text of the notice
explaining that search needs a server, null while it is hidden), "boxHidden" (whether Pagefind's
box is hidden), "message" (Pagefind's status line, which must not be left at "searching")}.
Used by SearchTests.

Usage: search_from_disk.py FILE_URL"""
import sys, json, time
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

opts = Options()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu"]: opts.add_argument(a)
opts.binary_location = "/usr/bin/chromium"
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
d.set_window_size(390, 900)
d.get(sys.argv[1])
time.sleep(1.5)
print(json.dumps(d.execute_script("""
  const notice = document.getElementById('search-needs-server');
  const message = document.querySelector('#search .pagefind-ui__message');
  return {notice: notice && !notice.hidden && notice.offsetHeight > 0 ? notice.innerText : null,
          boxHidden: document.getElementById('search').hidden, message: message ? message.textContent : ''};
"""), ensure_ascii=False))
d.quit()
