/// "China's share along the chain": reserves → mining → refining → magnets, every article's
/// figure as a dot (a bar for a range) beside the reference values.
enum ChainChart {
    static func make(_ context: ChartContext) -> Chart {
        let stages: [(Metric, String)] = [(.reservesShare, "储量 Reserves"), (.productionShare, "开采 Mining"),
                                          (.refiningShare, "精炼 Refining"), (.magnetShare, "磁体 Magnets")]
        var rows: [StripPlot.Row] = []
        var table: [[Chart.Cell]] = []
        var summaries: [String] = []
        for (metric, label) in stages {
            let claims = context.shareClaims(metric, entity: "china")
            let references = latestReferences(context.references.filter { $0.metric == metric && $0.entity == "china" })
            rows.append(StripPlot.Row(label: label, references: references, claims: claims))
            table += ChartCatalog.referenceRows(references, label: label) + ChartCatalog.claimRows(claims, context: context, label: label)
            let reference = references.map { "\($0.source) \($0.valueText)" }.joined(separator: ", ")
            summaries.append("\(label): articles say \(ChartCatalog.spread(claims))" + (reference.isEmpty ? "; no confirmed reference" : "; reference \(reference)"))
        }
        let title = "中国在产业链各环节的份额 · China's share along the chain"
        let summary = "China's share of world rare earths at each stage, as the articles state it and as reference data give it. " + summaries.joined(separator: ". ") + "."
        var svg = SVG()
        let height = StripPlot.draw(rows, top: 4, into: &svg, context: context) + 4
        return Chart(
            name: "china-share-chain", title: title,
            subtitle: "Percent of world total; dots are article figures (bars: ranges, arrows: open bounds), ticks are reference values",
            summary: summary,
            source: "Sources: articles as linked; USGS Mineral Commodity Summaries (reserves, mine production); IEA Critical Minerals Dataset 2025 (magnet rare earths).",
            svg: ChartCatalog.document(name: "china-share-chain", title: title, summary: summary, height: height, body: svg.markup),
            headers: ["stage", "kind", "value", "source"], rows: table)
    }

    /// Per source, only its newest year or edition: the chain compares stages, not years.
    static func latestReferences(_ references: [ReferenceFigure]) -> [ReferenceFigure] {
        var best: [String: ReferenceFigure] = [:]
        for reference in references {
            let key = reference.source.hasPrefix("USGS") ? "USGS" : reference.source
            if let current = best[key], (current.year ?? 0, current.source) >= (reference.year ?? 0, reference.source) { continue }
            best[key] = reference
        }
        return best.values.sorted { ($0.source, $0.year ?? 0) < ($1.source, $1.year ?? 0) }
    }
}
