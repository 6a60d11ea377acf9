/// Something the articles talk about (a country, bloc, company, agency…), with its names in
/// both languages, so figures and mentions in either language land on one page.
public struct Entity: Hashable, Sendable, Identifiable {
    public var id: String
    public var type: String
    public var name: String
    public var nameZh: String
    public var aliases: [String]
    public var origin: SourceLocation
    /// What it is, in a sentence or two, so a reader landing on its page knows what the articles
    /// are talking about. Nil until an editor writes one (`atlas check` warns for published entities).
    public var about: EntityDescription? = nil

    /// Every spelling that refers to this entity.
    public var spellings: [String] { [name, nameZh] + aliases }
}

/// An editor's short description of an entity in both languages, with the source that supports
/// it: an identity link (`@/articles/<slug>`, `@/data/<dataset>`), checked like any other, so a
/// description never states what no source on the site says.
public struct EntityDescription: Hashable, Sendable {
    public var english: String
    public var chinese: String
    public var source: IdentityLink
}
