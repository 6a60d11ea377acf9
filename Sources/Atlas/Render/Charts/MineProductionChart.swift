/// Mine production by country for each year the USGS gives (each year from its newest edition),
/// and China's share of world mine production over time beside the articles' figures.
enum MineProductionChart {
    static func make(_ context: ChartContext) -> Chart {
        let dataset = context.dataset("usgs-mine-production")
        let rows = dataset?.rows ?? []
        let years = rows.compactMap { $0["year"] }.orderedUnique().sorted()
        func value(_ country: String, _ year: String) -> (Double, String)? {
            let candidates = rows.filter { $0["country"] == country && $0["year"] == year }
            guard let row = candidates.max(by: { ($0["edition"] ?? "") < ($1["edition"] ?? "") }),
                  let tonnes = row["tonnes_reo"].flatMap(Double.init) else { return nil }
            return (tonnes, row["edition"] ?? "")
        }
        let latestYear = years.last ?? ""
        let countries = rows.compactMap { $0["country"] }.orderedUnique()
            .filter { $0 != ReferenceFigures.world && $0 != "Other countries" }
            .compactMap { name in value(name, latestYear).map { (name, $0.0) } }
            .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            .prefix(8)
        var (groups, table) = BarPlot.groups(labels: countries.map(\.0), series: years, highlight: "China", display: context.placeName,
                                             value: { name, year in value(name, year).map { ($0.0, "\(year), USGS \($0.1)") } },
                                             barLabel: { ChartCatalog.amount($0, unit: .tonnes) })
        let maximum = groups.flatMap { $0.bars.map(\.value) }.max() ?? 1
        let claims = context.claims(Comparison.primary(.productionShare), entity: "china")
        let references = context.references.filter { $0.metric == .productionShare && $0.entity == "china" }
            .sorted { ($0.source, $0.year ?? 0) < ($1.source, $1.year ?? 0) }
        let usgs = references.filter { $0.source.hasPrefix("USGS") }
        let iea = references.filter { !$0.source.hasPrefix("USGS") }
        // The USGS series over the years, then each quantity the articles give, beside the
        // latest reference of the same scope (all rare earths: USGS; magnet rare earths: IEA).
        let stage = ChainChart.stage(.productionShare, label: ChartCatalog.chinaShare, context: context, rowLabel: "Articles 文章")
        let stripRows = [StripPlot.Row(label: "USGS, all REE", references: usgs, claims: [])] + stage.rows
        table += ChartCatalog.threeColumns(ChartCatalog.referenceRows(usgs.filter { reference in !stage.rows.contains { $0.references.contains(reference) } },
                                                                      label: ChartCatalog.chinaShare) + stage.table)
        let trend = usgs.map { "\($0.year.map(String.init) ?? "") \($0.valueText)" }.joined(separator: ", ")
        let leader = countries.first.map { "\($0.0) mined the most in \(latestYear), \(ChartCatalog.amount($0.1, unit: .tonnes))" } ?? "No production data"
        let summary = "\(leader). China's share of world mine production by USGS figures: \(trend). The IEA puts China's share of magnet rare-earth mining at "
            + "\(iea.map(\.valueText).joined(separator: ", ")). Articles give \(ChartCatalog.spread(claims)) for all rare earths."
            + ChartCatalog.setApartSentence(stage.apart)
        let title = "稀土矿产量 · Rare-earth mine production by country"
        return ChartCatalog.chart(
            name: "mine-production", title: title,
            subtitle: "Tonnes of REO equivalent per year, \(years.first ?? "")–\(latestYear), each year from the newest USGS edition, as of \(dataset?.asOf ?? "n/a"); lower panel: percent of world",
            summary: summary,
            source: "Source: \(dataset?.edition ?? "USGS") (\(dataset?.title ?? "")); IEA Critical Minerals Dataset (May 2025); full citations on the data page. Articles as linked.",
            headers: ChartCatalog.barHeaders, csvHeaders: ["country or series", "source", "value (t REO or %)"], rows: table, context: context) { frame, svg in
                var y = BarPlot.legend(series: years, highlight: "中国 China").draw(top: 4, frame: frame, into: &svg)
                y = BarPlot(frame: frame).draw(groups, top: y + 4, maximum: maximum, into: &svg)
                y = ChartCatalog.panelTitle("中国占世界矿产量的份额 · China's share of world mine production", top: y + 8, frame: frame, into: &svg)
                return StripPlot(frame: frame).draw(stripRows, top: y + 2, into: &svg, context: context)
            }
    }
}
