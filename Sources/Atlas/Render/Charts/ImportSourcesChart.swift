/// U.S. rare-earth import sources as an article breaks them down: the quote that names the
/// most suppliers for the United States, each bar linking to it.
enum ImportSourcesChart {
    static func make(_ context: ChartContext) -> Chart {
        // Shares of imports now: a breakdown "from 2020 to 2023" or a target is another quantity.
        let primary = Comparison.primary(.importShare)
        // The breakdown's other figures (an editor moved one to 2020–2023, say) are named as not
        // drawn: bars that silently leave out a supplier would read as the whole breakdown.
        let claims = context.site.claims.filter { $0.importer == "united-states" && $0.hasValue && $0.duplicateOf == nil }
        let byQuote = Dictionary(grouping: claims) { "\($0.article)\u{1F}\($0.quote)" }
        let quote = byQuote.values.map { (all: $0, drawn: $0.filter(primary.includes)) }.filter { $0.drawn.count >= 2 }
            .max { ($0.drawn.count, $1.drawn.first!.id) < ($1.drawn.count, $0.drawn.first!.id) }
        let breakdown = quote?.drawn ?? []
        let apart = (quote?.all ?? []).sorted { $0.id < $1.id }.compactMap { claim in primary.setApart(claim).map { SetApartClaim(claim: claim, reason: $0) } }
        // Largest first; "rest of world" last, as a remainder reads.
        let ordered = breakdown.sorted {
            ($0.entity == "rest-of-world" ? 0 : 1, $0.sortValue, $1.id) > ($1.entity == "rest-of-world" ? 0 : 1, $1.sortValue, $0.id)
        }
        // One series: the middle shades, the only ones with 3:1 against the page in both schemes.
        let groups = ordered.map { claim in
            // A range is drawn to its lower bound with its upper part outlined, never to a midpoint.
            BarPlot.Group(label: context.name(claim.entity), bars: [BarPlot.Bar(
                value: claim.low ?? claim.high ?? 0, upper: claim.low != nil && claim.high != claim.low ? claim.high : nil,
                series: "share of U.S. imports", className: claim.entity == "china" ? "highlight-1" : "series-1",
                label: claim.valueText, url: context.url(for: claim))])
        }
        let hasRange = groups.contains { $0.bars.contains { $0.upper != nil } }
        let legend = ChartLegend(items: [
            ChartLegend.Item(symbols: [.swatch("highlight-1")], label: "中国 China"),
            ChartLegend.Item(symbols: [.swatch("series-1")], label: "其他来源 Other suppliers"),
        ] + (hasRange ? [ChartLegend.Item(symbols: [.rangeOutline("series-1")], label: "范围上限 Upper end of a range")] : []))
        let article = ordered.first.flatMap { context.articlesByID[$0.article] }
        let period = ordered.first?.period.label
        let parts = ordered.map { "\(context.name($0.entity)) \($0.valueText)" }.joined(separator: ", ")
        let summary = ordered.isEmpty ? "No article breaks down U.S. rare-earth imports by supplier."
            : "One article breaks down U.S. rare-earth imports by supplier: \(parts). These are the article's figures, not official trade data."
                + (apart.isEmpty ? "" : " Not drawn: " + ChartCatalog.listed(apart.map { "\(context.name($0.claim.entity)) \($0.claim.valueText) (\($0.reason.reason))" }) + ".")
        let title = "美国稀土进口来源 · Where U.S. rare-earth imports come from"
        return ChartCatalog.chart(
            name: "us-import-sources", title: title,
            subtitle: "Percent of U.S. rare-earth imports\(period.map { " (\($0))" } ?? ""), as stated in “\(article?.title ?? "—")” (\(article?.source ?? ""), \(article?.published.dateOnly ?? ""))",
            summary: summary,
            source: "Source: the article as linked; its digest cites the original report's paragraphs. Not official trade statistics.",
            headers: ["供应方 Supplier", "占美国进口份额 Share of U.S. imports", "来源 Source"],
            csvHeaders: ["supplier", "share of U.S. imports", "source"],
            rows: ordered.map { [Chart.Cell(text: context.name($0.entity)), Chart.Cell(text: $0.valueText),
                                 Chart.Cell(text: context.describe($0), url: context.url(for: $0), language: article?.titleLanguage)] }
                + apart.map { [Chart.Cell(text: context.name($0.claim.entity)), Chart.Cell(text: "\($0.claim.valueText), 未绘出 not drawn: \($0.reason.reason)"),
                               Chart.Cell(text: context.describe($0.claim), url: context.url(for: $0.claim), language: article?.titleLanguage)] },
            context: context) { frame, svg in
                let y = legend.draw(top: 4, frame: frame, into: &svg)
                return BarPlot(frame: frame).draw(groups, top: y + 4, maximum: 100, into: &svg)
            }
    }
}
