/// "China's share along the chain": reserves → mining → refining → magnets, every article's
/// figure as a dot (a bar for a range) beside the reference values of the same scope.
///
/// Each row is one quantity: all rare earths' output (or reserves) first, then, in rows of their
/// own, capacity, narrower sets of elements, and the IEA's magnet-rare-earth shares with the
/// articles' figures for the same set. Targets, forecasts, history and multi-year averages are
/// not measurements of now: they are listed in the table as set apart, with the reason.
enum ChainChart {
    static let stages: [(metric: Metric, label: String)] = [(.reservesShare, "储量 Reserves"), (.productionShare, "开采 Mining"),
                                                           (.refiningShare, "精炼 Refining"), (.magnetShare, "磁体 Magnets")]

    static func make(_ context: ChartContext) -> Chart {
        var rows: [StripPlot.Row] = []
        var table: [[Chart.Cell]] = []
        var summaries: [String] = []
        var apartTotal: [String] = []
        for (metric, label) in stages {
            let stage = self.stage(metric, label: label, context: context)
            rows += stage.rows
            table += stage.table
            summaries += stage.summaries
            apartTotal += stage.apart.map { "\($0.claim.valueText) (\(label), \($0.reason.reason))" }
        }
        let title = "中国在产业链各环节的份额 · China's share along the chain"
        let summary = "China's share of the world at each stage, one quantity per row. " + summaries.joined(separator: ". ") + "."
            + (apartTotal.isEmpty ? "" : " Not drawn: " + ChartCatalog.listed(apartTotal) + ".")
        return ChartCatalog.chart(
            name: "china-share-chain", title: title,
            subtitle: "Percent of world total, all rare earths unless a row says otherwise. Marks are article figures stated as measurements of now, "
                + "beside reference values of the same scope; targets, forecasts, history and averages over years are listed in the table, not drawn.",
            summary: summary,
            source: "Sources: articles as linked; USGS Mineral Commodity Summaries (reserves, mine production, all rare earths); IEA Critical Minerals Dataset 2025 (magnet rare earths, magnets).",
            headers: ChartCatalog.claimHeaders, csvHeaders: ChartCatalog.claimCSVHeaders, rows: table, context: context) { frame, svg in
                StripPlot(frame: frame).draw(rows, top: 4, into: &svg, context: context)
            }
    }

    /// A stage's rows for China, one per quantity, each with its current figures and the
    /// latest reference values of the same scope; its table rows; a sentence per row; and the
    /// figures set apart (targets, history, averages) with why.
    static func stage(_ metric: Metric, label: String, context: ChartContext, rowLabel: String? = nil)
        -> (rows: [StripPlot.Row], table: [[Chart.Cell]], summaries: [String], apart: [SetApartClaim]) {
        var rows: [StripPlot.Row] = [], table: [[Chart.Cell]] = [], summaries: [String] = []
        let comparisons = self.comparisons(metric, context: context)
        for comparison in comparisons {
            let claims = context.claims(comparison, entity: "china")
            let references = ReferenceFigures.latest(Conflicts.matchingReferences(context.references, metric: metric, entity: "china", comparison: comparison))
            let sublabel = comparison == Comparison.primary(metric) ? nil : shortLabel(comparison, context: context)
            var row = StripPlot.Row(label: rowLabel ?? label, sublabel: sublabel, references: references, claims: claims)
            if case .element = comparison.elements { row.isDetail = true }
            rows.append(row)
            let name = label + (sublabel.map { " · \($0)" } ?? "")
            table += ChartCatalog.referenceRows(references, label: name) + ChartCatalog.claimRows(claims, context: context, label: name)
            let reference = references.map { "\($0.source) \($0.valueText)" }.joined(separator: ", ")
            switch (claims.isEmpty, reference.isEmpty) {
            case (false, false): summaries.append("\(name): articles \(ChartCatalog.spread(claims)); \(reference)")
            case (false, true): summaries.append("\(name): articles \(ChartCatalog.spread(claims))")
            default: summaries.append("\(name): \(reference), no article figure")
            }
        }
        let apart = context.setApart(from: Comparison.primary(metric), entity: "china", besides: comparisons)
        table += ChartCatalog.setApartRows(apart, context: context, label: label)
        return (rows, table, summaries, apart)
    }

    /// The quantities a stage has figures or references for, the main one first.
    static func comparisons(_ metric: Metric, context: ChartContext) -> [Comparison] {
        let primary = Comparison.primary(metric)
        var found: [Comparison] = [primary]
        // Each quantity once, in the order first met, so the rows are the same from build to build.
        let measured = (context.valuedClaimsByHolder["china"] ?? []).filter { $0.metric == metric && $0.unit == .percent }
            .map(Comparison.init).filter { $0.commodity == ClaimScope.rareEarths }.orderedUnique()
        let withReference = context.references.filter { $0.metric == metric && $0.entity == "china" && $0.unit == .percent }
            .map { Comparison(metric: metric, elements: $0.elements, measure: $0.measure) }
        for comparison in measured + withReference where !found.contains(comparison) {
            // Only quantities with at least one figure of now or a reference.
            let hasClaims = context.hasClaims(comparison, entity: "china")
            if hasClaims || withReference.contains(comparison) { found.append(comparison) }
        }
        // Rows with neither a figure nor a reference say nothing: the main row too is left out
        // then (all refining figures may be of capacity, say).
        let rows = [primary] + found.dropFirst().sorted { Conflicts.order($0) < Conflicts.order($1) }
        return rows.filter { context.hasClaims($0, entity: "china") || withReference.contains($0) }
    }

    /// "capacity", "magnet REE (Nd Pr Dy Tb)", "heavy REE, technology".
    static func shortLabel(_ comparison: Comparison, context: ChartContext) -> String {
        var parts: [String] = []
        switch comparison.elements {
        case .all: break
        case .magnet: parts.append("magnet REE 磁性稀土")
        case .heavy: parts.append("heavy REE 重稀土")
        case .mediumHeavy: parts.append("medium-heavy 中重稀土")
        case .light: parts.append("light REE 轻稀土")
        case .element(let id):
            // "镝 Dysprosium (Dy)" from the registry, else "铈 Cerium" from the element names.
            let chinese = ElementNames.names.first { $0.id == id && !$0.spelling.unicodeScalars.allSatisfy(\.isASCII) }?.spelling
            parts.append(context.entityNames[id].map { [$0.nameZh, $0.name].filter { !$0.isEmpty }.joined(separator: " ") }
                ?? [chinese, id.prefix(1).uppercased() + id.dropFirst()].compactMap { $0 }.joined(separator: " "))
        }
        if let measure = comparison.measure, measure != Comparison.primaryMeasure(comparison.metric) {
            switch measure {
            case .capacity: parts.append("capacity 产能")
            case .technology: parts.append("technology 技术")
            case .resources: parts.append("resources 资源量")
            default: parts.append(measure.rawValue)
            }
        }
        return parts.joined(separator: ", ")
    }
}
