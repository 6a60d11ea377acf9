/// Something the articles talk about (a country, bloc, company, agency…), with its names in
/// both languages, so figures and mentions in either language land on one page.
public struct Entity: Hashable, Sendable, Identifiable {
    public var id: String
    public var type: String
    public var name: String
    public var nameZh: String
    public var aliases: [String]
    public var origin: SourceLocation

    /// Every spelling that refers to this entity.
    public var spellings: [String] { [name, nameZh] + aliases }
}
