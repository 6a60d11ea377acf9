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
        }, barLabel: { ChartCatalog.amount($0, unit: .percent) })
        // Each quantity on its own row: the IEA's magnet-rare-earth share beside the articles'
        // figures for the same elements, all rare earths and capacity apart.
        let claims = context.claims(Comparison.primary(.refiningShare), entity: "china")
        let stage = ChainChart.stage(.refiningShare, label: ChartCatalog.chinaShare, context: context, rowLabel: "China 中国")
        table += ChartCatalog.threeColumns(stage.table.filter { $0[1].raw != "reference" })
        let china = rows.filter { $0["entity"] == "China" }.compactMap { row in row["year"].map { "\($0): \(row["share_percent"] ?? "")%" } }
        let summary = "By IEA figures China refines most magnet rare earths (\(china.joined(separator: ", ")); later years are projections). "
            + "Articles put China's share of all rare-earth refining \(ChartCatalog.spread(claims))."
            + ChartCatalog.setApartSentence(stage.apart)
        let title = "稀土精炼份额 · Refining shares for magnet rare earths"
        return ChartCatalog.chart(
            name: "refining", title: title,
            subtitle: "Percent of world refining of Nd, Pr, Dy, Tb (IEA base case), as of \(dataset?.asOf ?? "n/a")",
            summary: summary,
            source: "Source: \(dataset?.edition ?? "IEA") (\(dataset?.title ?? "")); full citation on the data page. Articles as linked.",
            headers: ChartCatalog.barHeaders, csvHeaders: ["entity or series", "source", "share (%)"], rows: table, context: context) { frame, svg in
                let series = years.enumerated().map { $0.offset == 0 ? $0.element : $0.element + " 预测 projected" }
                var y = BarPlot.legend(series: series, highlight: "中国 China").draw(top: 4, frame: frame, into: &svg)
                y = BarPlot(frame: frame).draw(groups, top: y + 4, maximum: 100, into: &svg)
                y = ChartCatalog.panelTitle("文章中的中国精炼份额 · Articles on China's refining share", top: y + 8, frame: frame, into: &svg)
                return StripPlot(frame: frame).draw(stage.rows, top: y + 2, into: &svg, context: context)
            }
    }
}
