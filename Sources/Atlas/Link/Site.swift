/// A topic as the site shows it: its names, URL slug, explainer and articles, newest first.
public struct TopicSummary: Hashable, Sendable {
    /// The Chinese name, as the dumps file articles under it: the topic's identity.
    public var name: String
    public var nameEn: String?
    public var slug: String
    public var summary: String?
    /// The curated explainer, when `content/topics/` has one.
    public var document: TopicDocument?
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
    /// Shares and tonnages computed from the datasets, with their scope and edition.
    public var references: [ReferenceFigure] = []
    /// Where figures disagree with each other or with the references, compared like with like.
    public var conflicts: [ConflictGroup] = []
    /// The timeline: extracted, curated and publication events, in date order.
    public var events: [Event] = []
    public var mentions = MentionIndex(articles: [], entities: [])
    /// Article id → related article ids.
    public var related: [String: [String]] = [:]
    /// The imported articles' slugs as this build assigned them: what `atlas build` writes to
    /// content/urls.yml.
    public var urlMap = URLMap()

    /// `topicOrder` lists topic names in the order the inputs introduce them (dumps in file
    /// order, then Markdown articles). Curated explainers (`documents`) add English names and
    /// text, may set the order, and may add topics no article is filed under yet.
    public init(config: SiteConfig, articles: [Article], pages: [Page], topicOrder: [String], documents: [TopicDocument] = [],
                includeDrafts: Bool = false) {
        self.config = config
        self.articles = includeDrafts ? articles : articles.filter { !$0.isDraft }
        self.pages = (includeDrafts ? pages : pages.filter { !$0.isDraft }).sorted { $0.slug < $1.slug }
        var members: [String: [Article]] = [:]
        for article in self.articles { for topic in article.topics { members[topic, default: []].append(article) } }
        let byName = Dictionary(documents.map { ($0.nameZh, $0) }, uniquingKeysWith: { a, _ in a })
        var names: [String] = []
        var seen = Set<String>()
        for name in topicOrder + documents.map(\.nameZh) where seen.insert(name).inserted && (members[name] != nil || byName[name] != nil) {
            names.append(name)
        }
        let position = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        names.sort { (byName[$0]?.order ?? Int.max, position[$0]!) < (byName[$1]?.order ?? Int.max, position[$1]!) }
        var slugs = Set<String>()
        self.topics = names.map { name in
            let document = byName[name]
            let slug = document.map(\.slug) ?? Slug.unique(SlugMaker.make(name), fallback: "topic", identity: name) { slugs.contains($0) }
            slugs.insert(slug)
            return TopicSummary(name: name, nameEn: document?.nameEn, slug: slug, summary: document?.summary, document: document,
                                articles: members[name] ?? [])
        }
    }
}
