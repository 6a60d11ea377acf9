/// A standalone curated page (About, Method), published at `/<slug>/`.
public struct Page: Hashable, Sendable {
    public var slug: String
    public var title: String
    public var summary: String?
    public var date: LocalDateTime?
    public var language: Language
    public var markdown: String
    public var isDraft: Bool
    /// The label of its link in the site's main navigation, when it has one (`nav:`).
    public var navLabel: String?
    public var origin: SourceLocation
    /// Where the slug comes from (the `slug:` or `title:` line), for slug errors.
    public var slugLocation: SourceLocation
    /// Charts the page embeds (```` ```chart NAME ````), checked against the chart catalog.
    public var charts: [ChartReference] = []
    /// Links into the site in the body (`@/entities/china`, `/data/`, `#part`), checked at build time.
    public var links: [IdentityLink] = []
    /// The file line the Markdown body starts on (after the front matter).
    public var bodyLine: Int = 1
    /// Old addresses that redirect here (`aliases:`).
    public var aliases: [Alias] = []
}

/// A chart named in Markdown, with where it is named.
public struct ChartReference: Hashable, Sendable {
    public var name: String
    /// Words after the name in the fence, an error: `chart reserves 2024` is not a chart.
    public var extra: String = ""
    public var location: SourceLocation
}
