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
@dynamicMemberLookup
public struct Article: Hashable, Sendable {
    /// What an article holds, stored once for all its copies (`CopyOnWrite`): articles are read out of
    /// shared arrays and indexes by every stage, and a copy of the box is one retain where a
    /// copy of the fields retained every string and array in them. Read and written as the
    /// article's own properties (`article.slug`).
    public struct Fields: Hashable, Sendable {
        /// Stable identity: the same title, source and time is the same article wherever it appears.
        /// Stored, not computed: it keys every index of the site, so it is built once.
        public let id: String
        public var slug: String
        public let title: String
        public let source: String
        public var sourceURL: String?
        public let published: Timestamp
        /// Topic names in the order the article was first met under them.
        public var topics: [String]
        public var tags: [String]
        public var summary: String?
        public var body: ArticleBody
        public var isDraft: Bool
        /// Every place the article was read from (a dump may repeat it; several dumps may share it).
        public var origins: [SourceLocation]
        /// Charts a Markdown article embeds.
        public var charts: [ChartReference] = []
        public var links: [IdentityLink] = []
        /// Old addresses that redirect here (`aliases:`, and slugs the URL map remembers).
        public var aliases: [Alias] = []
        /// Read from a dump (possibly replaced by an editor's Markdown version): its slug is kept in
        /// the URL map, since it has no file name to take one from.
        public var isImported: Bool = false
    }

    private var fields: CopyOnWrite<Fields>

    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { fields.value[keyPath: field] }
        set { fields.update { $0[keyPath: field] = newValue } }
    }

    public subscript<Value>(dynamicMember field: KeyPath<Fields, Value>) -> Value { fields.value[keyPath: field] }

    public init(slug: String, title: String, source: String, sourceURL: String?, published: Timestamp, topics: [String], tags: [String],
                summary: String?, body: ArticleBody, isDraft: Bool, origins: [SourceLocation], charts: [ChartReference] = [], links: [IdentityLink] = []) {
        fields = CopyOnWrite(Fields(id: "\(title)\u{1F}\(source)\u{1F}\(published.local)", slug: slug, title: title, source: source, sourceURL: sourceURL, published: published, topics: topics, tags: tags, summary: summary, body: body, isDraft: isDraft, origins: origins, charts: charts, links: links))
    }

    public var titleLanguage: Language { Language.detect(self.title) }

    /// The text figures are read from: the dump's body line as exported, or the editor's Markdown.
    public var sourceText: String {
        switch self.body {
        case .imported(let imported): return imported.raw
        case .markdown(let text, _): return text
        }
    }
}
