/// A standalone curated page (About, Method), published at `/<slug>/`.
public struct Page: Hashable, Sendable {
    public var slug: String
    public var title: String
    public var summary: String?
    public var date: LocalDateTime?
    public var language: Language
    public var markdown: String
    public var isDraft: Bool
    public var origin: SourceLocation
}
