/// What kind of page a search result is, for Pagefind's kind filter and its ranking. Only pages
/// with content of their own are indexed, not lists of others (every item of a list is indexed
/// on its own page). An entity page indexes only its summary, weighted below the articles and
/// topic explainers that say something about the entity, so a search for a name leads to what
/// is written about it first; its name (the `<h1>`, weighted 0.8 in entity.mustache)
/// keeps the page among the first results, as the way to everything else about it.
enum SearchKind: String, CaseIterable, Sendable {
    case article, topic, entity, data, page

    /// The filter's name as the search page shows it.
    static let filterName = "类型 Kind"

    private static let lists = ["articles/", "topics/", "entities/", "data/", "search/", "404.html"]
    private static let listPrefixes = ["timeline/", "data/figures/", "articles/page/", "tags/"]
    /// Sections whose pages one level below an item are lists (`entities/x/articles/`).
    private static let itemSections = ["entities/", "topics/"]

    /// The kind of the page at a site path (`articles/x/`), or nil when it is not indexed.
    init?(path: String) {
        // On the bytes (site paths are ASCII): asked for every page, where Foundation's
        // `contains` is a locale-aware search.
        let depth = SitePath.depth(path)
        guard !path.isEmpty, !Self.lists.contains(path), !Self.listPrefixes.contains(where: path.hasPrefix), !path.includes("/page/"),
              !(Self.itemSections.contains(where: path.hasPrefix) && depth == 3) else { return nil }
        if path.hasPrefix("articles/") { self = .article }
        else if path.hasPrefix("topics/") { self = .topic }
        else if path.hasPrefix("entities/") { self = .entity }
        else if path.hasPrefix("data/") { self = .data }
        else { self = .page }
    }

    /// The filter value, in both languages.
    var label: String {
        switch self {
        case .article: return "文章 Article"
        case .topic: return "专题 Topic"
        case .entity: return "实体 Entity"
        case .data: return "数据 Data"
        case .page: return "页面 Page"
        }
    }

    /// Pagefind's weight for the page's text (1 is ordinary text; headings carry their own).
    var weight: String {
        self == .entity ? "0.25" : "1"
    }
}
