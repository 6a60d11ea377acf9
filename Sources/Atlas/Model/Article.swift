/// What an article's body is made of: a structured import or an editor's Markdown.
public enum ArticleBody: Hashable, Sendable {
    case imported(ImportedBody)
    case markdown(String, language: Language)

    public var language: Language {
        switch self {
        case .imported(let body): return body.language
        case .markdown(_, let language): return language
        }
    }
}

/// One news article, from a dump or a Markdown file; later stages do not care which.
public struct Article: Hashable, Sendable, Identifiable {
    /// Stored once for all copies (`CopyOnWrite`): articles are read out of shared arrays and
    /// indexes by every stage, and each holds its whole body.
    private struct Fields: Hashable, Sendable {
        var id: String
        var slug: String
        var title: String
        var source: String
        var sourceURL: String?
        var published: Timestamp
        var topics: [String]
        var tags: [String]
        var summary: String?
        var body: ArticleBody
        var isDraft: Bool
        var origins: [SourceLocation]
        var charts: [ChartReference] = []
        var links: [IdentityLink] = []
        var aliases: [Alias] = []
        var isImported: Bool = false
    }

    private var fields: CopyOnWrite<Fields>

    /// Stable identity: the same title, source and time is the same article wherever it appears.
    /// Stored, not computed: it keys every index of the site, so it is built once.
    public var id: String { fields.value.id }
    public var slug: String {
        get { fields.value.slug }
        set { fields.update { $0.slug = newValue } }
    }
    public var title: String { fields.value.title }
    public var source: String { fields.value.source }
    public var sourceURL: String? {
        get { fields.value.sourceURL }
        set { fields.update { $0.sourceURL = newValue } }
    }
    public var published: Timestamp { fields.value.published }
    /// Topic names in the order the article was first met under them.
    public var topics: [String] {
        get { fields.value.topics }
        set { fields.update { $0.topics = newValue } }
    }
    public var tags: [String] {
        get { fields.value.tags }
        set { fields.update { $0.tags = newValue } }
    }
    public var summary: String? {
        get { fields.value.summary }
        set { fields.update { $0.summary = newValue } }
    }
    public var body: ArticleBody {
        get { fields.value.body }
        set { fields.update { $0.body = newValue } }
    }
    public var isDraft: Bool {
        get { fields.value.isDraft }
        set { fields.update { $0.isDraft = newValue } }
    }
    /// Every place the article was read from (a dump may repeat it; several dumps may share it).
    public var origins: [SourceLocation] {
        get { fields.value.origins }
        set { fields.update { $0.origins = newValue } }
    }
    /// Charts a Markdown article embeds.
    public var charts: [ChartReference] {
        get { fields.value.charts }
        set { fields.update { $0.charts = newValue } }
    }
    public var links: [IdentityLink] {
        get { fields.value.links }
        set { fields.update { $0.links = newValue } }
    }
    /// Old addresses that redirect here (`aliases:`, and slugs the URL map remembers).
    public var aliases: [Alias] {
        get { fields.value.aliases }
        set { fields.update { $0.aliases = newValue } }
    }
    /// Read from a dump (possibly replaced by an editor's Markdown version): its slug is kept in
    /// the URL map, since it has no file name to take one from.
    public var isImported: Bool {
        get { fields.value.isImported }
        set { fields.update { $0.isImported = newValue } }
    }

    public init(slug: String, title: String, source: String, sourceURL: String?, published: Timestamp, topics: [String], tags: [String],
                summary: String?, body: ArticleBody, isDraft: Bool, origins: [SourceLocation], charts: [ChartReference] = [], links: [IdentityLink] = []) {
        fields = CopyOnWrite(Fields(id: "\(title)\u{1F}\(source)\u{1F}\(published.local)", slug: slug, title: title, source: source, sourceURL: sourceURL, published: published, topics: topics, tags: tags, summary: summary, body: body, isDraft: isDraft, origins: origins, charts: charts, links: links))
    }

    public var titleLanguage: Language { Language.detect(title) }

    /// The text figures are read from: the dump's body line as exported, or the editor's Markdown.
    public var sourceText: String {
        switch body {
        case .imported(let imported): return imported.raw
        case .markdown(let text, _): return text
        }
    }
}
