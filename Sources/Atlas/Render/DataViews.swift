/// View models of the data section (/data/, chart pages, conflicts) and of an article's figures.

struct ChartView {
    var chart: Chart
    var pageURL: String
    var csvURL: String
}

struct ClaimRow {
    var claim: Claim
    var entityName: String
    var importerName: String?
    var articleTitle: String
    var articleLanguage: Language
    var articleDate: String
    var source: String
    var quoteURL: String
    /// Set on the row itself when the quote could not be marked in the body, so the link target exists.
    var anchorHere: Bool
}

struct LedgerGroup {
    var metric: Metric
    var rows: [ClaimRow]
}

struct DatasetRow {
    var dataset: Dataset
    var csvURL: String
    var metadataURL: String
}

struct Conflict {
    var metric: Metric
    var entityName: String
    var importerName: String?
    var rows: [ClaimRow]
    var references: [ReferenceFigure]
    var note: String
    var anchor: String
}

struct DataPageView {
    var layout: LayoutView
    var charts: [ChartView]
    var ledger: [LedgerGroup]
    var datasets: [DatasetRow]
    var claimCount: Int
    var conflictCount: Int
}

struct ChartPageView {
    var layout: LayoutView
    var chart: ChartView
}

struct ConflictsPageView {
    var layout: LayoutView
    var conflicts: [Conflict]
}
