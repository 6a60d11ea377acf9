/// A topic's curated explainer (`content/topics/*.md`), matched to the dumps' topic by its
/// Chinese name.
public struct TopicDocument: Hashable, Sendable {
    public var nameZh: String
    public var nameEn: String
    public var slug: String
    public var summary: String?
    public var order: Int?
    public var markdown: String
    public var origin: SourceLocation
    public var charts: [ChartReference]
    public var links: [IdentityLink]
    /// The file line the Markdown body starts on (after the front matter).
    public var bodyLine: Int = 1
    /// Old addresses that redirect here (`aliases:`).
    public var aliases: [Alias] = []
}

/// An editor's link into the site, with where it is written: by identity
/// (`[text](@/entities/china)`), by path (`/data/`) or to an anchor (`#sources`).
public struct IdentityLink: Hashable, Sendable {
    public var target: String
    public var location: SourceLocation
}
