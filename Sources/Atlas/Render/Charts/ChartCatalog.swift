/// Every chart the site can draw, by the name editors embed it with.
enum ChartCatalog {
    static let builders: [(name: String, make: @Sendable (ChartContext) -> Chart)] = [
        ("china-share-chain", ChainChart.make),
        ("reserves", ReservesChart.make),
        ("mine-production", MineProductionChart.make),
        ("refining", RefiningChart.make),
        ("us-import-sources", ImportSourcesChart.make),
    ]

    static var names: [String] { builders.map(\.name) }

    static func all(_ context: ChartContext) -> [Chart] { builders.map { $0.make(context) } }

    /// The SVG element around a chart's drawing, labelled by its title and a plain-language
    /// description for screen readers, sized by its viewBox so the page never shifts.
    ///
    /// It is a `group`, not an `img`: an image's children are presentational, which would hide
    /// the claim marks that link to their quotes (axe: nested-interactive). Charts without links
    /// are `img`.
    static func document(name: String, title: String, summary: String, height: Double, body: String) -> TrustedHTML {
        let id = "chart-\(name)"
        let role = body.contains("<a ") ? "group" : "img"
        return TrustedHTML(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 640 \(SVG.number(height.rounded(.up)))\" role=\"\(role)\" "
                + "aria-labelledby=\"\(id)-title \(id)-desc\"><title id=\"\(id)-title\">\(SVG.escape(title))</title>"
                + "<desc id=\"\(id)-desc\">\(SVG.escape(summary))</desc>\(body)</svg>")
    }

    /// Rows a chart's table shows for one group of claims before it samples them.
    static let tableRowLimit = 40

    /// Table rows for claims: value, who, quote link. A long group shows a sample of distinct
    /// values and a last row saying how many there are and where all of them are.
    static func claimRows(_ claims: [Claim], context: ChartContext, label: String) -> [[Chart.Cell]] {
        let shown = ClaimSample.spread(claims, limit: tableRowLimit)
        var rows = shown.map { claim in
            [Chart.Cell(text: label), Chart.Cell(text: "article"), Chart.Cell(text: claim.valueText),
             Chart.Cell(text: context.describe(claim), url: context.url(for: claim), language: context.articlesByID[claim.article]?.titleLanguage)]
        }
        if shown.count < claims.count, let metric = claims.first?.metric {
            rows.append([Chart.Cell(text: label), Chart.Cell(text: "article"), Chart.Cell(text: "…"),
                         Chart.Cell(text: "\(shown.count) of \(claims.count) figures shown, one per distinct value; all are in the claim ledger",
                                    url: context.site.config.basePath + metric.ledgerList)])
        }
        return rows
    }

    static func referenceRows(_ references: [ReferenceFigure], label: String) -> [[Chart.Cell]] {
        references.map { reference in
            [Chart.Cell(text: label), Chart.Cell(text: "reference"), Chart.Cell(text: reference.valueText),
             Chart.Cell(text: "\(reference.source): \(reference.detail)")]
        }
    }

    /// The three-column rows (label, source, value) the bar charts' tables use for their share panel.
    static func shareRows(references: [ReferenceFigure], claims: [Claim], context: ChartContext, label: String) -> [[Chart.Cell]] {
        (referenceRows(references, label: label) + claimRows(claims, context: context, label: label)).map { [$0[0], $0[3], $0[2]] }
    }

    /// "from 30% to 80% across 6 articles"
    static func spread(_ claims: [Claim]) -> String {
        let values = claims.compactMap(\.pointValue)
        guard let low = values.min(), let high = values.max() else { return "no article gives a figure" }
        let articles = Set(claims.map(\.article)).count
        if low == high { return "\(SVG.number(low))% in \(articles) article\(articles == 1 ? "" : "s")" }
        return "from \(SVG.number(low))% to \(SVG.number(high))% across \(articles) article\(articles == 1 ? "" : "s")"
    }

    static func tonnes(_ value: Double) -> String {
        value >= 1_000_000 ? SVG.number((value / 100_000).rounded() / 10) + " Mt" : SVG.number((value / 100).rounded() / 10) + " kt"
    }
}
