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
    public var entities: [Entity] = []
    /// Every figure of every published article, in article order (newest first).
    public var claims: [Claim] = []
    public var datasets: [Dataset] = []

    /// `topicOrder` lists topic names in the order the inputs introduce them (dumps in file
    /// order, then Markdown articles); topics no article names are left out.
    public init(config: SiteConfig, articles: [Article], pages: [Page], topicOrder: [String], includeDrafts: Bool = false) {
        self.config = config
        self.articles = includeDrafts ? articles : articles.filter { !$0.isDraft }
        self.pages = (includeDrafts ? pages : pages.filter { !$0.isDraft }).sorted { $0.slug < $1.slug }
        var members: [String: [Article]] = [:]
        for article in self.articles { for topic in article.topics { members[topic, default: []].append(article) } }
        var slugs = Set<String>()
        var seen = Set<String>()
        self.topics = topicOrder.compactMap { name in
            guard let articles = members[name], seen.insert(name).inserted else { return nil }
            let slug = Slug.unique(Slug.make(name), fallback: "topic", identity: name) { slugs.contains($0) }
            slugs.insert(slug)
            return TopicSummary(name: name, slug: slug, articles: articles)
        }
    }
}
