/// How the source hedged the number ("over 90%", "近60%", "至少2500亿美元").
public enum Qualifier: String, Hashable, Sendable, CaseIterable, Codable {
    case exact
    case over
    case atLeast = "at least"
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
    case usdPerTonne = "USD/t"
    case cnyPerTonne = "CNY/t"
    case cnyPerKg = "CNY/kg"
}

/// One figure stated in one article, with the words that state it and what they say about it:
/// of what (`scope`), when (`period`), whether it is a measurement (`status`), and whose it is.
/// The quote is verbatim from the article body; `quoteRange` is its position there in characters
/// (grapheme clusters).
public struct Claim: Hashable, Sendable, Identifiable {
    /// The fields, in one box that copies share until one of them changes: a claim is read out of shared
    /// arrays and dictionaries by nearly every stage, and copying its fields one by one retained each
    /// string and array they hold.
    private struct Fields: Hashable, Sendable {
        var id: String
        var article: String
        var metric: Metric
        var entity: String?
        var importer: String?
        var low: Double?
        var high: Double?
        var qualifier: Qualifier
        var unit: FigureUnit
        var status: ClaimStatus
        var scope: ClaimScope
        var period: ClaimPeriod
        var rate: Rate?
        var speaker: String?
        var duplicateOf: String?
        var quote: String
        var quoteRange: Range<Int>
        var figureText: String
        var rule: String
    }

    private final class Box: @unchecked Sendable {
        // Changed only through `ownBox()`, which copies it first when it is shared.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// The box, made this value's own first if another value shares it.
    private mutating func ownBox() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    public var id: String {
        get { box.fields.id }
        set { ownBox().fields.id = newValue }
    }
    /// The article's stable identity (`Article.id`).
    public var article: String {
        get { box.fields.article }
        set { ownBox().fields.article = newValue }
    }
    public var metric: Metric {
        get { box.fields.metric }
        set { ownBox().fields.metric = newValue }
    }
    /// Entity id of whose figure it is: who holds the share, produces, pays or set the target
    /// (for imports: the supplier).
    public var entity: String? {
        get { box.fields.entity }
        set { ownBox().fields.entity = newValue }
    }
    /// For import shares: who imports.
    public var importer: String? {
        get { box.fields.importer }
        set { ownBox().fields.importer = newValue }
    }
    /// nil means open: `over 90%` has no upper bound, `less than 5%` no lower one.
    public var low: Double? {
        get { box.fields.low }
        set { ownBox().fields.low = newValue }
    }
    public var high: Double? {
        get { box.fields.high }
        set { ownBox().fields.high = newValue }
    }
    public var qualifier: Qualifier {
        get { box.fields.qualifier }
        set { ownBox().fields.qualifier = newValue }
    }
    public var unit: FigureUnit {
        get { box.fields.unit }
        set { ownBox().fields.unit = newValue }
    }
    public var status: ClaimStatus {
        get { box.fields.status }
        set { ownBox().fields.status = newValue }
    }
    public var scope: ClaimScope {
        get { box.fields.scope }
        set { ownBox().fields.scope = newValue }
    }
    public var period: ClaimPeriod {
        get { box.fields.period }
        set { ownBox().fields.period = newValue }
    }
    public var rate: Rate? {
        get { box.fields.rate }
        set { ownBox().fields.rate = newValue }
    }
    /// Who the sentence says gives the number ("USGS", "analysts"), as written.
    public var speaker: String? {
        get { box.fields.speaker }
        set { ownBox().fields.speaker = newValue }
    }
    /// The id of an earlier claim in the same article stating the same figure: counted once.
    public var duplicateOf: String? {
        get { box.fields.duplicateOf }
        set { ownBox().fields.duplicateOf = newValue }
    }
    public var quote: String {
        get { box.fields.quote }
        set { ownBox().fields.quote = newValue }
    }
    public var quoteRange: Range<Int> {
        get { box.fields.quoteRange }
        set { ownBox().fields.quoteRange = newValue }
    }
    /// The text of the figure itself inside the quote (`85% to 90%`).
    public var figureText: String {
        get { box.fields.figureText }
        set { ownBox().fields.figureText = newValue }
    }
    /// Which extraction rule (or `editor`) produced it, for review.
    public var rule: String {
        get { box.fields.rule }
        set { ownBox().fields.rule = newValue }
    }

    public static func == (a: Claim, b: Claim) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }


    public init(id: String = "", article: String = "", metric: Metric = .other, entity: String? = nil, importer: String? = nil,
                low: Double?, high: Double?, qualifier: Qualifier = .exact, unit: FigureUnit, status: ClaimStatus = .stated,
                scope: ClaimScope = ClaimScope(), period: ClaimPeriod, rate: Rate? = nil, speaker: String? = nil, duplicateOf: String? = nil,
                quote: String = "", quoteRange: Range<Int> = 0..<0, figureText: String = "", rule: String = "") {
        box = Box(Fields(id: id, article: article, metric: metric, entity: entity, importer: importer, low: low, high: high, qualifier: qualifier, unit: unit, status: status, scope: scope, period: period, rate: rate, speaker: speaker, duplicateOf: duplicateOf, quote: quote, quoteRange: quoteRange, figureText: figureText, rule: rule))
    }

    /// For ordering only (the lower bound, or the upper of an open one). Never shown or plotted:
    /// a range is a range, and its middle is a number no source states.
    public var sortValue: Double { low ?? high ?? 0 }

    public var hasValue: Bool { low != nil || high != nil }

    /// The value as the source says it: `85–90%`, `> 90%`, `≥ $250 billion`, `< 1.5%`, `≈ 60%`,
    /// `44 million t`. Never a midpoint.
    public var valueText: String {
        FigureText.bounded(low: low, high: high, qualifier: qualifier, point: { FigureText.amount($0, unit: unit) },
                           range: { FigureText.range($0, $1, unit: unit) }) ?? FigureText.notStated
    }

    /// The bounds a reader may take the figure to allow, for deciding whether two figures can
    /// both be true: a whole percentage may be rounded (34% is 33.5–34.5%), hedges widen it
    /// ("about 60%" ± 2.5 points, "nearly 90%" up to 5 below), open bounds run to the end of
    /// the scale. Tonnages and amounts get 2% for rounding, 5% for a hedge.
    public var plausibleRange: ClosedRange<Double>? {
        guard let anchor = low ?? high else { return nil }
        let percent = unit == .percent
        let top = percent ? 100.0 : Double.greatestFiniteMagnitude
        let slack = percent ? 2.5 : anchor * 0.05
        let rounding = percent ? (anchor == anchor.rounded() ? 0.5 : 0.05) : anchor * 0.02
        let lo = max(0, (low ?? anchor) - rounding), hi = min(top, (high ?? anchor) + rounding)
        switch qualifier {
        case .over, .atLeast: return lo...top
        case .lessThan, .upTo: return 0...hi
        case .about: return max(0, lo - slack)...min(top, hi + slack)
        case .nearly: return max(0, lo - 2 * slack)...hi
        case .exact: return lo...hi
        }
    }
}
