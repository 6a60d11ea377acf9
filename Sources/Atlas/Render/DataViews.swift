/// View models of the data section (/data/, chart pages, conflicts) and of an article's figures.

struct ChartView: Sendable, Equatable {
    var chart: Chart
    var pageURL: String
    var csvURL: String
    /// The standalone drawing, for download.
    var svgURL: String
    /// Its PNG; nil when the build could not rasterize it.
    var pngURL: String?
    /// Shown on a page other than its own, in less detail (`Chart.embedded`).
    var isEmbedded = false
}

@dynamicMemberLookup
struct ClaimRow: Sendable, Equatable {
    /// What a row holds, stored once for all its copies (`CopyOnWrite`), as `ArticleCard`'s: a
    /// row is copied into every table that lists its claim.
    struct Fields: Hashable, Sendable {
        let claim: Claim
        /// "China 中国"; "未说明 · not stated" when the sentence names no holder.
        let entityName: String
        let importerName: String?
        /// The value as English writes it ("$8.5 billion") and, when Chinese writes it differently,
        /// as Chinese does ("85亿美元").
        let value: FigureText.Bilingual
        /// Period, status and scope, in both languages.
        let facts: ClaimFacts
        let articleTitle: String
        let articleLanguage: Language
        let articleDate: String
        let source: String
        let quoteURL: String
        /// Set on the row itself when the quote could not be marked in the body, so the link target exists.
        let anchorHere: Bool
        /// The quote as shown: lines a Chinese export wrapped joined again (`joinWrapped`), once per
        /// row rather than on every page that lists the claim.
        let quoteText: String
    }

    private let fields: CopyOnWrite<Fields>

    subscript<Value>(dynamicMember field: KeyPath<Fields, Value>) -> Value { fields.value[keyPath: field] }

    /// The row's keys as templates read them, made for each table that lists the row. Kept
    /// with the row instead, they saved 0.6% of a build's instructions but cost 28 MB at
    /// 10,000 real-density articles and 420 MB at 10,000 synthetic ones (every claim's keys
    /// held to the end of the build).
    var object: TemplateObject { templateObject() }

    init(claim: Claim, entityName: String, importerName: String?, value: FigureText.Bilingual, facts: ClaimFacts, articleTitle: String,
         articleLanguage: Language, articleDate: String, source: String, quoteURL: String, anchorHere: Bool, quoteText: String) {
        fields = CopyOnWrite(Fields(claim: claim, entityName: entityName, importerName: importerName, value: value, facts: facts,
                                    articleTitle: articleTitle, articleLanguage: articleLanguage, articleDate: articleDate, source: source,
                                    quoteURL: quoteURL, anchorHere: anchorHere, quoteText: quoteText))
    }
}

/// One line of the ledger's index on `/data/`: a metric, how many figures, where they are.
struct LedgerGroup: Sendable, Equatable {
    var metric: Metric
    var count: Int
    var url: String
}

struct DatasetRow: Sendable, Equatable {
    var dataset: Dataset
    var csvURL: String
    var metadataURL: String
}

/// One comparison on the conflicts page: the figures compared, what is particular to each, the
/// reference values, and the figures about the same party kept apart with the reason.
struct Conflict: Sendable, Equatable {
    var heading: String
    var rows: [ClaimRow]
    /// Claim id → what is particular to it among the compared figures.
    var details: [String: String]
    /// All claims in the comparison; `rows` may show fewer.
    var total: Int
    var ledgerURL: String
    var references: [ReferenceFigure]
    var apart: [(row: ClaimRow, reason: String)]
    /// All figures set apart; `apart` may show fewer.
    var apartTotal: Int
    var note: String
    var anchor: String

    static func == (a: Conflict, b: Conflict) -> Bool {
        a.heading == b.heading && a.rows == b.rows && a.details == b.details && a.total == b.total && a.references == b.references
            && a.apart.map(\.row) == b.apart.map(\.row) && a.apart.map(\.reason) == b.apart.map(\.reason) && a.apartTotal == b.apartTotal
            && a.note == b.note && a.anchor == b.anchor
    }
}

/// The conflicts page's parts: real disagreements, disagreements with the reference data, and
/// differences that are only of scope, period or status.
struct ConflictSection: Sendable, Equatable {
    var title: String
    var lede: String
    var anchor: String
    /// The section began on an earlier page.
    var continued: Bool
    var conflicts: [Conflict]
}

/// An entry of the conflicts pages' index: a section, where it starts, and how many groups it has.
struct SectionLink: Sendable, Equatable {
    var title: String
    var url: String
    var count: Int
}

struct DataPageView: Sendable, Equatable {
    var layout: LayoutView
    var charts: [ChartView]
    var ledger: [LedgerGroup]
    var datasets: [DatasetRow]
    var claimCount: Int
    var conflictCount: Int
}

struct ChartPageView: Sendable, Equatable {
    var layout: LayoutView
    var chart: ChartView
}

struct ConflictsPageView: Sendable, Equatable {
    var layout: LayoutView
    var index: [SectionLink]
    var sections: [ConflictSection]
    var pager: Pager
}
