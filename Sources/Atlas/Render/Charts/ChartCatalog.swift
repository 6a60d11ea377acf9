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

    /// The columns of a chart table that lists claims: which row, what kind of value, the value
    /// as stated, what it is a figure of (period, status, scope), and where it comes from.
    static let claimHeaders = ["row", "kind", "value", "what it is", "source"]

    /// Table rows for claims: value, what it is, quote link. A long group shows a sample of
    /// distinct values and a last row saying how many there are and where all of them are.
    static func claimRows(_ claims: [Claim], context: ChartContext, label: String) -> [[Chart.Cell]] {
        let shown = ClaimSample.spread(claims, limit: tableRowLimit)
        var rows = shown.map { claim in
            [Chart.Cell(text: label), Chart.Cell(text: "article"), Chart.Cell(text: claim.valueText), Chart.Cell(text: context.what(claim)),
             Chart.Cell(text: context.describe(claim), url: context.url(for: claim), language: context.articlesByID[claim.article]?.titleLanguage)]
        }
        if shown.count < claims.count, let metric = claims.first?.metric {
            rows.append([Chart.Cell(text: label), Chart.Cell(text: "article"), Chart.Cell(text: "…"), Chart.Cell(text: ""),
                         Chart.Cell(text: "\(shown.count) of \(claims.count) figures shown, one per distinct value; all are in the claim ledger",
                                    url: context.site.config.basePath + metric.ledgerList)])
        }
        return rows
    }

    /// Rows for figures kept out of the drawing, each with why; a long list shows a sample of
    /// distinct values and says where all of them are.
    static func setApartRows(_ items: [SetApartClaim], context: ChartContext, label: String) -> [[Chart.Cell]] {
        let shown = Set(ClaimSample.spread(items.map(\.claim), limit: tableRowLimit).map(\.id))
        var rows = items.filter { shown.contains($0.claim.id) }.map { item in
            [Chart.Cell(text: label), Chart.Cell(text: "set apart: \(item.reason.reason)"), Chart.Cell(text: item.claim.valueText),
             Chart.Cell(text: context.what(item.claim)),
             Chart.Cell(text: context.describe(item.claim), url: context.url(for: item.claim), language: context.articlesByID[item.claim.article]?.titleLanguage)]
        }
        if shown.count < items.count, let metric = items.first?.claim.metric {
            rows.append([Chart.Cell(text: label), Chart.Cell(text: "set apart"), Chart.Cell(text: "…"), Chart.Cell(text: ""),
                         Chart.Cell(text: "\(shown.count) of \(items.count) figures set apart shown; all are in the claim ledger",
                                    url: context.site.config.basePath + metric.ledgerList)])
        }
        return rows
    }

    static func referenceRows(_ references: [ReferenceFigure], label: String) -> [[Chart.Cell]] {
        references.map { reference in
            [Chart.Cell(text: label), Chart.Cell(text: "reference"), Chart.Cell(text: reference.valueText),
             Chart.Cell(text: [reference.year.map(String.init), reference.elements.label, reference.measure.label].compactMap { $0 }.joined(separator: " · ")),
             Chart.Cell(text: "\(reference.source): \(reference.detail)")]
        }
    }

    /// Claim-table rows (`claimHeaders`) as the three columns (label, source, value) the bar
    /// charts' tables use for their share panel; what a figure is goes with its source.
    static func threeColumns(_ rows: [[Chart.Cell]]) -> [[Chart.Cell]] {
        rows.map { row in
            let kind = row[1].text.hasPrefix("set apart") ? " (\(row[1].text))" : ""
            return [row[0], Chart.Cell(text: row[4].text + (row[3].text.isEmpty ? "" : " — " + row[3].text) + kind, url: row[4].url, language: row[4].language), row[2]]
        }
    }

    /// " Set apart, not drawn: 80% (medium and heavy rare earths only); …." or nothing.
    static func setApartSentence(_ apart: [SetApartClaim]) -> String {
        apart.isEmpty ? "" : " Set apart, not drawn: " + listed(apart.map { "\($0.claim.valueText) (\($0.reason.reason))" }) + "."
    }

    /// The first few items and how many more: a summary's length must not grow with the corpus.
    static func listed(_ items: [String], limit: Int = 5) -> String {
        items.count <= limit ? items.joined(separator: "; ")
            : items.prefix(limit).joined(separator: "; ") + "; and \(items.count - limit) more, in the table and the claim ledger"
    }

    /// "from 34% to 49% across 4 articles": the lowest and highest figures as stated, never a
    /// midpoint of a range. A repeat in the same article is one figure.
    static func spread(_ claims: [Claim]) -> String {
        let distinct = claims.filter { $0.duplicateOf == nil }
        guard let lowest = distinct.min(by: { ($0.sortValue, $0.id) < ($1.sortValue, $1.id) }),
              let highest = distinct.max(by: { ($0.high ?? $0.sortValue, $1.id) < ($1.high ?? $1.sortValue, $0.id) }) else { return "no article gives a figure" }
        let articles = Set(distinct.map(\.article)).count
        let across = "\(articles) article\(articles == 1 ? "" : "s")"
        if lowest.valueText == highest.valueText { return "\(lowest.valueText) in \(across)" }
        return "from \(lowest.valueText) to \(highest.valueText) across \(across)"
    }

    static func tonnes(_ value: Double) -> String {
        value >= 1_000_000 ? SVG.number((value / 100_000).rounded() / 10) + " Mt" : SVG.number((value / 100).rounded() / 10) + " kt"
    }
}
