/// A topic as the site shows it: its name, URL slug and articles, newest first.
public struct TopicSummary: Hashable, Sendable {
    public var name: String
    public var slug: String
    public var articles: [Article]
}

/// Everything the renderer needs, linked: the stage boundary between import and render.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Newest first.
    public var articles: [Article]
    public var pages: [Page]
    /// In the order the dumps introduce them.
    public var topics: [TopicSummary]

    public init(config: SiteConfig, articles: [Article], pages: [Page], includeDrafts: Bool = false) {
        self.config = config
        self.articles = includeDrafts ? articles : articles.filter { !$0.isDraft }
        self.pages = (includeDrafts ? pages : pages.filter { !$0.isDraft }).sorted { $0.slug < $1.slug }
        var order: [String] = []
        var members: [String: [Article]] = [:]
        // Articles arrive newest first, so each topic's list is too; topics are ordered by the
        // first time any article names them when read oldest first, i.e. by the dumps' own order.
        for article in self.articles.sorted(by: { $0.origins.first! < $1.origins.first! }) {
            for topic in article.topics where members[topic] == nil { order.append(topic); members[topic] = [] }
        }
        for article in self.articles { for topic in article.topics { members[topic, default: []].append(article) } }
        var slugs = Set<String>()
        self.topics = order.map { name in
            var slug = Slug.make(name)
            if slug.isEmpty || slugs.contains(slug) { slug = (slug.isEmpty ? "topic" : slug) + "-" + Slug.disambiguator(for: name) }
            slugs.insert(slug)
            return TopicSummary(name: name, slug: slug, articles: members[name] ?? [])
        }
    }

    public func topic(named name: String) -> TopicSummary? { topics.first { $0.name == name } }
}
