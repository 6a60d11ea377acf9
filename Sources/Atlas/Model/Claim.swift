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
    /// Stored once for all copies (`CopyOnWrite`): claims are read out of shared arrays and
    /// indexes by every stage after extraction.
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

    private var fields: CopyOnWrite<Fields>

    public var id: String {
        get { fields.value.id }
        set { fields.update { $0.id = newValue } }
    }
    /// The article's stable identity (`Article.id`).
    public var article: String {
        get { fields.value.article }
        set { fields.update { $0.article = newValue } }
    }
    public var metric: Metric {
        get { fields.value.metric }
        set { fields.update { $0.metric = newValue } }
    }
    /// Entity id of whose figure it is: who holds the share, produces, pays or set the target
    /// (for imports: the supplier).
    public var entity: String? {
        get { fields.value.entity }
        set { fields.update { $0.entity = newValue } }
    }
    /// For import shares: who imports.
    public var importer: String? {
        get { fields.value.importer }
        set { fields.update { $0.importer = newValue } }
    }
    /// nil means open: `over 90%` has no upper bound, `less than 5%` no lower one.
    public var low: Double? {
        get { fields.value.low }
        set { fields.update { $0.low = newValue } }
    }
    public var high: Double? {
        get { fields.value.high }
        set { fields.update { $0.high = newValue } }
    }
    public var qualifier: Qualifier {
        get { fields.value.qualifier }
        set { fields.update { $0.qualifier = newValue } }
    }
    public var unit: FigureUnit {
        get { fields.value.unit }
        set { fields.update { $0.unit = newValue } }
    }
    public var status: ClaimStatus {
        get { fields.value.status }
        set { fields.update { $0.status = newValue } }
    }
    public var scope: ClaimScope {
        get { fields.value.scope }
        set { fields.update { $0.scope = newValue } }
    }
    public var period: ClaimPeriod {
        get { fields.value.period }
        set { fields.update { $0.period = newValue } }
    }
    public var rate: Rate? {
        get { fields.value.rate }
        set { fields.update { $0.rate = newValue } }
    }
    /// Who the sentence says gives the number ("USGS", "analysts"), as written.
    public var speaker: String? {
        get { fields.value.speaker }
        set { fields.update { $0.speaker = newValue } }
    }
    /// The id of an earlier claim in the same article stating the same figure: counted once.
    public var duplicateOf: String? {
        get { fields.value.duplicateOf }
        set { fields.update { $0.duplicateOf = newValue } }
    }
    public var quote: String {
        get { fields.value.quote }
        set { fields.update { $0.quote = newValue } }
    }
    public var quoteRange: Range<Int> {
        get { fields.value.quoteRange }
        set { fields.update { $0.quoteRange = newValue } }
    }
    /// The text of the figure itself inside the quote (`85% to 90%`).
    public var figureText: String {
        get { fields.value.figureText }
        set { fields.update { $0.figureText = newValue } }
    }
    /// Which extraction rule (or `editor`) produced it, for review.
    public var rule: String {
        get { fields.value.rule }
        set { fields.update { $0.rule = newValue } }
    }


    public init(id: String = "", article: String = "", metric: Metric = .other, entity: String? = nil, importer: String? = nil,
                low: Double?, high: Double?, qualifier: Qualifier = .exact, unit: FigureUnit, status: ClaimStatus = .stated,
                scope: ClaimScope = ClaimScope(), period: ClaimPeriod, rate: Rate? = nil, speaker: String? = nil, duplicateOf: String? = nil,
                quote: String = "", quoteRange: Range<Int> = 0..<0, figureText: String = "", rule: String = "") {
        fields = CopyOnWrite(Fields(id: id, article: article, metric: metric, entity: entity, importer: importer, low: low, high: high, qualifier: qualifier, unit: unit, status: status, scope: scope, period: period, rate: rate, speaker: speaker, duplicateOf: duplicateOf, quote: quote, quoteRange: quoteRange, figureText: figureText, rule: rule))
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
