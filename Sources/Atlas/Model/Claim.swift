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
@dynamicMemberLookup
public struct Claim: Hashable, Sendable {
    /// What a claim holds, stored once for all its copies (`CopyOnWrite`): claims are read out of
    /// shared arrays and indexes by every stage, and a copy of the box is one retain where a
    /// copy of the fields retained every string and array in them. Read and written as the
    /// claim's own properties (`claim.article`).
    public struct Fields: Hashable, Sendable {
        public var id: String
        /// The article's stable identity (`Article.id`).
        public var article: String
        public var metric: Metric
        /// Entity id of whose figure it is: who holds the share, produces, pays or set the target
        /// (for imports: the supplier).
        public var entity: String?
        /// For import shares: who imports.
        public var importer: String?
        /// nil means open: `over 90%` has no upper bound, `less than 5%` no lower one.
        public var low: Double?
        public var high: Double?
        public var qualifier: Qualifier
        public var unit: FigureUnit
        public var status: ClaimStatus
        public var scope: ClaimScope
        public var period: ClaimPeriod
        public var rate: Rate?
        /// Who the sentence says gives the number ("USGS", "analysts"), as written.
        public var speaker: String?
        /// The id of an earlier claim in the same article stating the same figure: counted once.
        public var duplicateOf: String?
        public var quote: String
        public var quoteRange: Range<Int>
        /// The text of the figure itself inside the quote (`85% to 90%`).
        public var figureText: String
        /// Which extraction rule (or `editor`) produced it, for review.
        public var rule: String
    }

    private var fields: CopyOnWrite<Fields>

    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { fields.value[keyPath: field] }
        set { fields.update { $0[keyPath: field] = newValue } }
    }

    /// Whether this is a copy of `other` that neither has changed since (`CopyOnWrite.isIdentical`).
    func isIdentical(to other: Claim) -> Bool { fields.isIdentical(to: other.fields) }

    public init(id: String = "", article: String = "", metric: Metric = .other, entity: String? = nil, importer: String? = nil,
                low: Double?, high: Double?, qualifier: Qualifier = .exact, unit: FigureUnit, status: ClaimStatus = .stated,
                scope: ClaimScope = ClaimScope(), period: ClaimPeriod, rate: Rate? = nil, speaker: String? = nil, duplicateOf: String? = nil,
                quote: String = "", quoteRange: Range<Int> = 0..<0, figureText: String = "", rule: String = "") {
        fields = CopyOnWrite(Fields(id: id, article: article, metric: metric, entity: entity, importer: importer, low: low, high: high, qualifier: qualifier, unit: unit, status: status, scope: scope, period: period, rate: rate, speaker: speaker, duplicateOf: duplicateOf, quote: quote, quoteRange: quoteRange, figureText: figureText, rule: rule))
    }

    /// For ordering only (the lower bound, or the upper of an open one). Never shown or plotted:
    /// a range is a range, and its middle is a number no source states.
    public var sortValue: Double { self.low ?? self.high ?? 0 }

    public var hasValue: Bool { self.low != nil || self.high != nil }

    /// The value as the source says it: `85–90%`, `> 90%`, `≥ $250 billion`, `< 1.5%`, `≈ 60%`,
    /// `44 million t`. Never a midpoint.
    public var valueText: String {
        FigureText.bounded(low: self.low, high: self.high, qualifier: self.qualifier, point: { FigureText.amount($0, unit: self.unit) },
                           range: { FigureText.range($0, $1, unit: self.unit) }) ?? FigureText.notStated
    }

    /// The bounds a reader may take the figure to allow, for deciding whether two figures can
    /// both be true: a whole percentage may be rounded (34% is 33.5–34.5%), hedges widen it
    /// ("about 60%" ± 2.5 points, "nearly 90%" up to 5 below), open bounds run to the end of
    /// the scale. Tonnages and amounts get 2% for rounding, 5% for a hedge.
    public var plausibleRange: ClosedRange<Double>? {
        let (low, high, qualifier) = (self.low, self.high, self.qualifier)
        guard let anchor = low ?? high else { return nil }
        let percent = self.unit == .percent
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
