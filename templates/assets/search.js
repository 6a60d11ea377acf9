// Starts Pagefind's search box on /search/. The bundle path comes from the page, so search
// works under any base path; nothing is loaded from another host.
(function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  new PagefindUI({ element: "#search", bundlePath: box.dataset.bundle, showSubResults: true, showImages: false });
  // Pagefind's box has only a placeholder; name it by the page's visible heading.
  function label() {
    var field = box.querySelector("input");
    if (field) { field.setAttribute("aria-labelledby", "search-title"); return true; }
    return false;
  }
  if (!label()) setTimeout(label, 0);
  var query = new URLSearchParams(location.search).get("q");
  if (query) {
    var input = box.querySelector("input");
    if (input) { input.value = query; input.dispatchEvent(new Event("input")); }
  }
})();
