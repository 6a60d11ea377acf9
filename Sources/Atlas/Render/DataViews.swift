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

struct ClaimRow: Sendable, Equatable {
    /// The fields behind one reference, as `ArticleCard`'s: a row is copied into every table that
    /// lists its claim, and a copy of its twelve fields retained each string, array and claim.
    private final class Fields: Sendable {
        let claim: Claim
        let entityName: String
        let importerName: String?
        let value: FigureText.Bilingual
        let facts: ClaimFacts
        let articleTitle: String
        let articleLanguage: Language
        let articleDate: String
        let source: String
        let quoteURL: String
        let anchorHere: Bool
        let quoteText: String

        init(claim: Claim, entityName: String, importerName: String?, value: FigureText.Bilingual, facts: ClaimFacts, articleTitle: String,
             articleLanguage: Language, articleDate: String, source: String, quoteURL: String, anchorHere: Bool, quoteText: String) {
            (self.claim, self.entityName, self.importerName, self.value, self.facts) = (claim, entityName, importerName, value, facts)
            (self.articleTitle, self.articleLanguage, self.articleDate, self.source) = (articleTitle, articleLanguage, articleDate, source)
            (self.quoteURL, self.anchorHere, self.quoteText) = (quoteURL, anchorHere, quoteText)
        }
    }

    private let fields: Fields
    var claim: Claim { fields.claim }
    /// "China 中国"; "未说明 · not stated" when the sentence names no holder.
    var entityName: String { fields.entityName }
    var importerName: String? { fields.importerName }
    /// The value as English writes it ("$8.5 billion") and, when Chinese writes it differently,
    /// as Chinese does ("85亿美元").
    var value: FigureText.Bilingual { fields.value }
    /// Period, status and scope, in both languages.
    var facts: ClaimFacts { fields.facts }
    var articleTitle: String { fields.articleTitle }
    var articleLanguage: Language { fields.articleLanguage }
    var articleDate: String { fields.articleDate }
    var source: String { fields.source }
    var quoteURL: String { fields.quoteURL }
    /// Set on the row itself when the quote could not be marked in the body, so the link target exists.
    var anchorHere: Bool { fields.anchorHere }
    /// The quote as shown: lines a Chinese export wrapped joined again (`joinWrapped`), once per
    /// row rather than on every page that lists the claim.
    var quoteText: String { fields.quoteText }
    /// The row's keys as templates read them, made for each table that lists the row. Kept
    /// with the row instead, they saved 0.6% of a build's instructions but cost 28 MB at
    /// 10,000 real-density articles and 420 MB at 10,000 synthetic ones (every claim's keys
    /// held to the end of the build).
    var object: TemplateObject { templateObject() }

    init(claim: Claim, entityName: String, importerName: String?, value: FigureText.Bilingual, facts: ClaimFacts, articleTitle: String,
         articleLanguage: Language, articleDate: String, source: String, quoteURL: String, anchorHere: Bool, quoteText: String) {
        fields = Fields(claim: claim, entityName: entityName, importerName: importerName, value: value, facts: facts, articleTitle: articleTitle,
                        articleLanguage: articleLanguage, articleDate: articleDate, source: source, quoteURL: quoteURL, anchorHere: anchorHere,
                        quoteText: quoteText)
    }

    static func == (a: ClaimRow, b: ClaimRow) -> Bool {
        if a.fields === b.fields { return true }
        return (a.claim, a.entityName, a.importerName, a.value, a.facts, a.articleTitle) == (b.claim, b.entityName, b.importerName, b.value, b.facts, b.articleTitle)
            && (a.articleLanguage, a.articleDate, a.source, a.quoteURL, a.anchorHere, a.quoteText) == (b.articleLanguage, b.articleDate, b.source, b.quoteURL, b.anchorHere, b.quoteText)
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
