/// Rare-earth reserves by country from USGS (both editions, so revisions show), with the
/// articles' figures for China's share of world reserves against the USGS-derived share.
enum ReservesChart {
    static func make(_ context: ChartContext) -> Chart {
        let dataset = context.dataset("usgs-reserves")
        let rows = dataset?.rows ?? []
        let editions = rows.compactMap { $0["edition"] }.orderedUnique().sorted()
        let latest = editions.last ?? ""
        let countries = rows.filter { $0["edition"] == latest && $0["country"] != ReferenceFigures.world && $0["country"] != "Other countries" }
            .compactMap { row -> (String, Double)? in
                guard let name = row["country"], let value = row["tonnes_reo"].flatMap(Double.init) else { return nil }
                return (name, value)
            }
            .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            .prefix(8)
        var (groups, table) = BarPlot.groups(labels: countries.map(\.0), series: editions, highlight: "China", display: context.placeName, value: { name, edition in
            rows.first(where: { $0["country"] == name && $0["edition"] == edition })?["tonnes_reo"].flatMap(Double.init).map { ($0, "USGS \(edition)") }
        }, barLabel: { ChartCatalog.amount($0, unit: .tonnes) })
        let maximum = groups.flatMap { $0.bars.map(\.value) }.max() ?? 1
        let panelTitle = "中国占世界储量的份额 · China's share of world reserves"
        let primary = Comparison.primary(.reservesShare)
        let claims = context.claims(primary, entity: "china")
        let references = context.references.filter { $0.metric == .reservesShare && $0.entity == "china" }
        let stage = ChainChart.stage(.reservesShare, label: ChartCatalog.chinaShare, context: context, rowLabel: "China 中国")
        var stripRows = stage.rows
        // The main row shows both editions, so the revision shows.
        if let main = stripRows.firstIndex(where: { $0.sublabel == nil }) { stripRows[main].references = references } else {
            stripRows.insert(StripPlot.Row(label: "China 中国", references: references, claims: []), at: 0)
        }
        table += ChartCatalog.threeColumns(stage.table)
        let leader = countries.first.map { "\($0.0) has the largest reserves, \(ChartCatalog.amount($0.1, unit: .tonnes)) (USGS \(latest))" } ?? "No reserves data"
        let apart = ChartCatalog.setApartSentence(stage.apart)
        let summary = "\(leader). Articles put China's share of world reserves \(ChartCatalog.spread(claims)); "
            + "from USGS, China holds \(references.map { "\($0.valueText) (\($0.source))" }.joined(separator: " and ")) of world reserves, an upper bound because the world total is printed as a minimum." + apart
        let title = "各国稀土储量 · Rare-earth reserves by country"
        return ChartCatalog.chart(
            name: "reserves", title: title,
            subtitle: "Tonnes of rare-earth oxide (REO) equivalent, USGS Mineral Commodity Summaries, as of \(dataset?.asOf ?? "n/a"); lower panel: percent of world",
            summary: summary,
            source: "Source: \(dataset?.edition ?? "USGS") (\(dataset?.title ?? "")); full citation under Reference datasets on the data page. Articles as linked.",
            headers: ChartCatalog.barHeaders, csvHeaders: ["country or series", "source", "value (t REO or %)"], rows: table, context: context) { frame, svg in
                var y = BarPlot.legend(series: editions.map { "USGS \($0)" }, highlight: "中国 China").draw(top: 4, frame: frame, into: &svg)
                y = BarPlot(frame: frame).draw(groups, top: y + 4, maximum: maximum, into: &svg)
                y = ChartCatalog.panelTitle(panelTitle, top: y + 8, frame: frame, into: &svg)
                return StripPlot(frame: frame).draw(stripRows, top: y + 2, into: &svg, context: context)
            }
    }
}
