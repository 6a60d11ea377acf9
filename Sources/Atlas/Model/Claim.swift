/// What a figure measures. Shares are what the site compares across sources; the rest are kept
/// so every number in an article can be looked up.
public enum Metric: String, Hashable, Sendable, CaseIterable, Codable {
    case reservesShare = "reserves_share"
    case reservesTonnes = "reserves_tonnes"
    case productionShare = "production_share"
    case productionTonnes = "production_tonnes"
    case refiningShare = "refining_share"
    case magnetShare = "magnet_share"
    case importShare = "import_share"
    case importDependence = "import_dependence"
    case investment = "investment"
    case price = "price"
    case other = "other"

    public var isShare: Bool {
        [.reservesShare, .productionShare, .refiningShare, .magnetShare, .importShare].contains(self)
    }

    /// Reader-facing name, in both languages.
    public var label: String {
        switch self {
        case .reservesShare: return "储量占比 Share of reserves"
        case .reservesTonnes: return "储量 Reserves (tonnes)"
        case .productionShare: return "开采/产量占比 Share of mining and production"
        case .productionTonnes: return "产量 Production (tonnes)"
        case .refiningShare: return "精炼/分离占比 Share of refining and separation"
        case .magnetShare: return "磁体占比 Share of magnet production"
        case .importShare: return "进口来源占比 Share of imports by supplier"
        case .importDependence: return "进口依赖 Import dependence"
        case .investment: return "投资金额 Investment"
        case .price: return "价格 Price"
        case .other: return "其他 Other figures"
        }
    }
}

/// How the source hedged the number ("over 90%", "近60%").
public enum Qualifier: String, Hashable, Sendable, CaseIterable, Codable {
    case exact
    case over
    case about
    case nearly
    case upTo = "up to"
    case lessThan = "less than"
}

public enum FigureUnit: String, Hashable, Sendable, Codable {
    case percent
    case tonnes
    case usd = "USD"
    case cny = "CNY"
    case inr = "INR"
    case jpy = "JPY"
    case eur = "EUR"
    case usdPerKg = "USD/kg"
    case cnyPerTonne = "CNY/t"
    case cnyPerKg = "CNY/kg"
}

/// One figure stated in one article, with the words that state it. The quote is verbatim from
/// the article body; `quoteRange` is its position there in characters (grapheme clusters).
public struct Claim: Hashable, Sendable, Identifiable {
    public var id: String
    /// The article's stable identity (`Article.id`).
    public var article: String
    public var metric: Metric
    /// Entity id of who holds the share (for imports: the supplier).
    public var entity: String?
    /// For import shares: who imports.
    public var importer: String?
    /// nil means open: `over 90%` has no upper bound, `less than 5%` no lower one.
    public var low: Double?
    public var high: Double?
    public var qualifier: Qualifier
    public var unit: FigureUnit
    public var year: Int?
    public var quote: String
    public var quoteRange: Range<Int>
    /// The text of the figure itself inside the quote (`85% to 90%`).
    public var figureText: String
    /// Which extraction rule (or `editor`) produced it, for review.
    public var rule: String

    /// The value to plot: the middle of a range, or the bound of an open one.
    public var pointValue: Double? {
        switch (low, high) {
        case let (l?, h?): return (l + h) / 2
        case let (l?, nil): return l
        case let (nil, h?): return h
        default: return nil
        }
    }

    /// The value as a reader would say it: `85–90%`, `>90%`, `<1.5%`.
    public var valueText: String {
        func number(_ value: Double) -> String { SVG.number(value) }
        let suffix = unit == .percent ? "%" : " " + unit.rawValue
        switch (low, high, qualifier) {
        case let (l?, h?, _) where l != h: return "\(number(l))–\(number(h))\(suffix)"
        case let (l?, _, .over): return "> \(number(l))\(suffix)"
        case let (_, h?, .lessThan): return "< \(number(h))\(suffix)"
        case let (_, h?, .upTo): return "≤ \(number(h))\(suffix)"
        case let (l?, _, .about): return "≈ \(number(l))\(suffix)"
        case let (l?, _, .nearly): return "≈ \(number(l))\(suffix)"
        case let (l?, _, _): return "\(number(l))\(suffix)"
        default: return "?"
        }
    }
}
