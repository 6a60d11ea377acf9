/// Editors link pages by identity (`[text](@/entities/china)`, `@/articles/<slug>`,
/// `@/topics/<slug>`, `@/pages/<slug>`, `@/data/<chart>`, `@/data/<dataset>`, `@/data/conflicts`, `@/timeline`),
/// so a changed URL scheme or slug never breaks a link silently: an unknown target fails the
/// build at its file, line and column.
public struct IdentityLinks: Sendable {
    /// Identity → site path (without the base path).
    public let paths: [String: String]

    public init(site: Site) {
        var paths: [String: String] = ["@/": "", "@/articles": "articles/", "@/topics": "topics/", "@/entities": "entities/",
                                       "@/timeline": "timeline/", "@/data": "data/", "@/data/conflicts": "data/conflicts/"]
        for article in site.articles { paths["@/articles/\(article.slug)"] = "articles/\(article.slug)/" }
        for topic in site.topics {
            paths["@/topics/\(topic.slug)"] = "topics/\(topic.slug)/"
            paths["@/timeline/topics/\(topic.slug)"] = "timeline/topics/\(topic.slug)/"
        }
        for entity in site.entities {
            // An entity no article names has no page, only its entry on the index.
            paths["@/entities/\(entity.id)"] = site.mentions.isMentioned(entity.id) ? "entities/\(entity.id)/" : "entities/#\(Self.unmentionedAnchor(entity.id))"
            paths["@/timeline/entities/\(entity.id)"] = "timeline/entities/\(entity.id)/"
        }
        for page in site.pages { paths["@/pages/\(page.slug)"] = "\(page.slug)/" }
        for chart in ChartCatalog.names { paths["@/data/\(chart)"] = "data/\(chart)/" }
        // A dataset is linked by its id; the link lands on its entry on the data page.
        for dataset in site.datasets where paths["@/data/\(dataset.id)"] == nil { paths["@/data/\(dataset.id)"] = "data/#dataset-\(dataset.id)" }
        self.init(paths: paths)
    }

    /// Where an entity that no article names is listed on the entities index.
    public static func unmentionedAnchor(_ id: String) -> String { "entity-\(id)" }

    /// A table without a site, for the Markdown fuzz target and its replayed findings.
    init(paths: [String: String]) { self.paths = paths }

    /// The site path for a link target (with any `#fragment` kept), or nil if it names nothing.
    public func resolve(_ target: String) -> String? {
        var identity = target
        var fragment = ""
        if let hash = identity.firstIndex(of: "#") {
            fragment = String(identity[hash...])
            identity = String(identity[..<hash])
        }
        while identity.count > 2, identity.hasSuffix("/") { identity.removeLast() }
        return paths[identity].map { $0 + fragment }
    }

    public func check(_ links: [IdentityLink], log: inout DiagnosticLog) {
        // Site paths and anchors are checked against the rendered pages (`MarkdownLinks`).
        for link in links where link.target.hasPrefix("@/") && resolve(link.target) == nil {
            let near = EditDistance.nearest(link.target, in: Array(paths.keys)).map { "; did you mean `\($0)`?" } ?? ""
            log.error("the link `\(link.target)` names no page\(near)", at: link.location,
                      hint: "link by identity: @/articles/SLUG, @/topics/SLUG, @/entities/ID, @/pages/SLUG, @/data/CHART, @/timeline")
        }
    }
}
