/// U.S. rare-earth import sources as an article breaks them down: the quote that names the
/// most suppliers for the United States, each bar linking to it.
enum ImportSourcesChart {
    static func make(_ context: ChartContext) -> Chart {
        // Shares of imports now: a breakdown "from 2020 to 2023" or a target is another quantity.
        let primary = Comparison.primary(.importShare)
        let claims = context.site.claims.filter { $0.importer == "united-states" && $0.hasValue && primary.includes($0) }
        let byQuote = Dictionary(grouping: claims) { "\($0.article)\u{1F}\($0.quote)" }
        let breakdown = byQuote.values.filter { $0.count >= 2 }
            .max { ($0.count, $1.first!.id) < ($1.count, $0.first!.id) } ?? []
        // Largest first; "rest of world" last, as a remainder reads.
        let ordered = breakdown.sorted {
            ($0.entity == "rest-of-world" ? 0 : 1, $0.sortValue, $1.id) > ($1.entity == "rest-of-world" ? 0 : 1, $1.sortValue, $0.id)
        }
        let groups = ordered.map { claim in
            // A range is drawn to its lower bound with its upper part outlined, never to a midpoint.
            BarPlot.Group(label: context.name(claim.entity), bars: [BarPlot.Bar(
                value: claim.low ?? claim.high ?? 0, upper: claim.low != nil && claim.high != claim.low ? claim.high : nil,
                series: "share of U.S. imports", className: claim.entity == "china" ? "highlight-0" : "series-0",
                label: claim.valueText, url: context.url(for: claim))])
        }
        var svg = SVG()
        let height = BarPlot.draw(groups, top: 8, maximum: 100, into: &svg)
        let article = ordered.first.flatMap { context.articlesByID[$0.article] }
        let period = ordered.first?.period.label
        let parts = ordered.map { "\(context.name($0.entity)) \($0.valueText)" }.joined(separator: ", ")
        let summary = ordered.isEmpty ? "No article breaks down U.S. rare-earth imports by supplier."
            : "One article breaks down U.S. rare-earth imports by supplier: \(parts). These are the article's figures, not official trade data."
        let title = "美国稀土进口来源 · Where U.S. rare-earth imports come from"
        return Chart(
            name: "us-import-sources", title: title,
            subtitle: "Percent of U.S. rare-earth imports\(period.map { " (\($0))" } ?? ""), as stated in “\(article?.title ?? "—")” (\(article?.source ?? ""), \(article?.published.dateOnly ?? ""))",
            summary: summary,
            source: "Source: the article as linked; its digest cites the original report's paragraphs. Not official trade statistics.",
            svg: ChartCatalog.document(name: "us-import-sources", title: title, summary: summary, height: height + 4, body: svg.markup),
            headers: ["supplier", "share of U.S. imports", "source"],
            rows: ordered.map { [Chart.Cell(text: context.name($0.entity)), Chart.Cell(text: $0.valueText),
                                 Chart.Cell(text: context.describe($0), url: context.url(for: $0), language: article?.titleLanguage)] })
    }
}
