/// View models of the data section (/data/, chart pages, conflicts) and of an article's figures.

struct ChartView: Sendable, Equatable {
    var chart: Chart
    var pageURL: String
    var csvURL: String
}

struct ClaimRow: Sendable, Equatable {
    var claim: Claim
    var entityName: String
    var importerName: String?
    /// When and of what: "current (2025) · stated · heavy rare earths · capacity".
    var what: String
    var articleTitle: String
    var articleLanguage: Language
    var articleDate: String
    var source: String
    var quoteURL: String
    /// Set on the row itself when the quote could not be marked in the body, so the link target exists.
    var anchorHere: Bool
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

struct Conflict: Sendable, Equatable {
    var metric: Metric
    var entityName: String
    var importerName: String?
    var rows: [ClaimRow]
    /// All claims in the group; `rows` may show fewer.
    var total: Int
    var ledgerURL: String
    var references: [ReferenceFigure]
    var note: String
    var anchor: String
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
    var conflicts: [Conflict]
}
