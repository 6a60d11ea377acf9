// Starts Pagefind's search box on /search/. The bundle path comes from the page, so search
// works under any base path; nothing is loaded from another host.
(function () {
  var box = document.getElementById("search");
  if (!box) return;
  // Pagefind loads its index with fetch and import(), which browsers refuse to pages opened from
  // disk: the box would say "searching" forever. Say why instead, in both languages.
  if (location.protocol === "file:" || typeof PagefindUI === "undefined") {
    var notice = document.getElementById("search-needs-server");
    if (notice && location.protocol === "file:") { notice.hidden = false; box.hidden = true; }
    return;
  }
  new PagefindUI({
    element: "#search",
    bundlePath: box.dataset.bundle,
    showSubResults: true,
    showImages: false,
    showEmptyFilters: false,
    // The site's own copy is bilingual, the search box's too ("中文 · English"). Pagefind fills
    // in each placeholder once, so each string names the term and the count once.
    translations: {
      placeholder: "搜索 · Search",
      clear_search: "清除 · Clear",
      load_more: "更多结果 · More results",
      search_label: "搜索本站 · Search this site",
      filters_label: "筛选 · Filters",
      zero_results: "没有结果 · No results: “[SEARCH_TERM]”",
      many_results: "[COUNT] 个结果 · results: “[SEARCH_TERM]”",
      one_result: "[COUNT] 个结果 · result: “[SEARCH_TERM]”",
      total_zero_results: "没有结果 · No results",
      total_one_result: "[COUNT] 个结果 · result",
      total_many_results: "[COUNT] 个结果 · results",
      alt_search: "“[SEARCH_TERM]”没有结果，改为显示“[DIFFERENT_TERM]” · no results; showing the other term instead",
      search_suggestion: "“[SEARCH_TERM]”没有结果，可以试试： · No results; try one of these:",
      searching: "正在搜索 · Searching: “[SEARCH_TERM]”…",
      results_label: "搜索结果 · Search results",
      error_search: "搜索失败 · Search failed",
      filter_selected_one: "已选 · selected: [COUNT]",
      filter_selected_many: "已选 · selected: [COUNT]",
      input_hint: "输入即显示结果 · Results appear as you type",
      loading: "加载中 · Loading"
    },
    // Titles are weighted where they stand (data-pagefind-weight on each article's header and
    // topic's <h1>), so Pagefind's separate boost for the title field is off, and page length counts
    // for less: otherwise a short page named after the query (an entity's index of articles)
    // outranks the articles and explainers that say something about it.
    ranking: { metaWeights: { title: 0 }, pageLength: 0.5 }
  });
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
