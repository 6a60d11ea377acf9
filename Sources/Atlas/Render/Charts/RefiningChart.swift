/// The IEA's refining shares for magnet rare earths, observed and projected, with the articles'
/// refining figures for China.
enum RefiningChart {
    static func make(_ context: ChartContext) -> Chart {
        let dataset = context.dataset("iea-magnet-ree-shares")
        let rows = (dataset?.rows ?? []).filter { $0["stage"] == "refining" && $0["entity"] != "Top 3 combined" }
        let years = rows.compactMap { $0["year"] }.orderedUnique().sorted()
        let entities = rows.compactMap { $0["entity"] }.orderedUnique()
        var (groups, table) = BarPlot.groups(labels: entities, series: years, highlight: "China", value: { entity, year in
            guard let row = rows.first(where: { $0["entity"] == entity && $0["year"] == year }), let share = row["share_percent"].flatMap(Double.init) else { return nil }
            return (share, "IEA, \(year)" + (row["basis"] == "observed" ? "" : " (projection)"))
        }, barLabel: { SVG.number($0) + "%" }, cell: { SVG.number($0) })
        var svg = SVG()
        BarPlot.legend(years.enumerated().map { ($0.offset == 0 ? $0.element : $0.element + " projected", "series-\($0.offset)") }, top: 14, into: &svg)
        var y = BarPlot.draw(groups, top: 24, maximum: 100, into: &svg)
        svg.text("文章中的中国精炼份额 · Articles on China's refining share", x: 8, y: y + 16, className: "panel-title")
        // Each quantity on its own row: the IEA's magnet-rare-earth share beside the articles'
        // figures for the same elements, all rare earths and capacity apart.
        let claims = context.claims(Comparison.primary(.refiningShare), entity: "china")
        let stage = ChainChart.stage(.refiningShare, label: "China share", context: context, rowLabel: "China 中国")
        y = StripPlot.draw(stage.rows, top: y + 22, into: &svg, context: context)
        table += ChartCatalog.threeColumns(stage.table.filter { $0[1].text != "reference" })
        let china = rows.filter { $0["entity"] == "China" }.compactMap { row in row["year"].map { "\($0): \(row["share_percent"] ?? "")%" } }
        let summary = "By IEA figures China refines most magnet rare earths (\(china.joined(separator: ", ")); later years are projections). "
            + "Articles put China's share of all rare-earth refining \(ChartCatalog.spread(claims))."
            + ChartCatalog.setApartSentence(stage.apart)
        let title = "稀土精炼份额 · Refining shares for magnet rare earths"
        return Chart(
            name: "refining", title: title,
            subtitle: "Percent of world refining of Nd, Pr, Dy, Tb (IEA base case), as of \(dataset?.asOf ?? "n/a")",
            summary: summary,
            source: "Source: \(dataset?.edition ?? "IEA") (\(dataset?.title ?? "")); full citation on the data page. Articles as linked.",
            svg: ChartCatalog.document(name: "refining", title: title, summary: summary, height: y + 4, body: svg.markup),
            headers: ["entity or series", "source", "share (%)"], rows: table)
    }
}
