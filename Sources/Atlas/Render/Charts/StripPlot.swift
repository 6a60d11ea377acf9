/// Rows of 0–100 % axes on which reference values (a tall tick with its source) and the
/// articles' claims (a dot, a bar for a range, an arrow for an open bound) sit side by side, so
/// the spread of what sources say is visible at a glance. Every claim mark links to its quote.
///
/// Each row: its label (beside the row when the chart is wide, above it when narrow), a band of
/// reference labels placed by `LabelPlacer` so that no label covers another or another's tick,
/// then the claims in as many lanes as it takes for no two marks to overlap.
struct StripPlot {
    struct Row {
        var label: String
        /// A second line under the label naming the row's narrower scope ("capacity").
        var sublabel: String? = nil
        var references: [ReferenceFigure]
        var claims: [Claim]
        /// A narrower quantity (one element) that only the chart's own page draws: embedded,
        /// a chart from a large corpus would otherwise carry a row per element per stage.
        var isDetail = false
    }

    let frame: ChartFrame

    static let laneHeight = 13.0, labelLine = 12.0, axisHeight = 16.0

    func x(_ percent: Double) -> Double { frame.plotLeft + (frame.percentRight - frame.plotLeft) * min(max(percent, 0), 100) / 100 }

    /// Draws the key, the axis and the rows from `top`; returns the y after the last row.
    func draw(_ rows: [Row], top: Double, into svg: inout SVG, context: ChartContext) -> Double {
        let leftOut = frame.detail == .full ? 0 : rows.filter(\.isDetail).count
        let rows = frame.detail == .full ? rows : rows.filter { !$0.isDetail }
        let claims = rows.flatMap(\.claims)
        let legend = ChartLegend.strip(
            dots: claims.contains { $0.low == nil || $0.high == nil || $0.low == $0.high },
            ranges: claims.contains { $0.low != nil && $0.high != nil && $0.low != $0.high },
            openBounds: claims.contains { ($0.low == nil) != ($0.high == nil) },
            references: rows.contains { !$0.references.isEmpty })
        var y = legend.draw(top: top, frame: frame, into: &svg)
        axis(at: y, into: &svg)
        y += Self.axisHeight
        for row in rows { y = draw(row, top: y, into: &svg, context: context) }
        // A long chart repeats its axis at the bottom, where the last rows are read.
        if rows.count > 3 {
            axis(at: y + 2, into: &svg)
            y += Self.axisHeight
        }
        if leftOut > 0 {
            let note = "另有\(leftOut)行（单一元素）见图表页 · \(leftOut) more row\(leftOut == 1 ? "" : "s") for single elements on the chart's page"
            for line in ChartText.legend.wrap(note, width: frame.width - 2 * frame.margin) {
                y += 13
                svg.text(line, x: frame.margin, y: y, className: ChartText.legend.rawValue)
            }
            y += 4
        }
        return y
    }

    func axis(at top: Double, into svg: inout SVG) {
        for tick in frame.labelledTicks {
            svg.text("\(Int(tick))%", x: x(tick), y: top + 9, className: ChartText.axis.rawValue, anchor: "middle")
        }
    }

    /// One row from `top`; returns the y below it.
    func draw(_ row: Row, top: Double, into svg: inout SVG, context: ChartContext) -> Double {
        var top = top
        if frame.labelsAbove {
            // Rows stacked under their labels need a rule between them to read as rows.
            svg.line(x1: frame.margin, y1: top + 2, x2: frame.width - frame.margin, y2: top + 2, className: "row-rule")
            top += 6
        }
        let marks = row.claims.count > frame.markLimit ? ClaimSample.thin(ClaimSample.byValue(row.claims), limit: frame.markLimit)
            : row.claims.map { (claim: $0, count: 1) }
        let lanes = assignLanes(marks.map(\.claim))
        let laneCount = max(lanes.values.max().map { $0 + 1 } ?? 1, 1)
        // The label block: above the row when narrow, in the column left of it when wide.
        let column = frame.labelsAbove ? frame.width - 2 * frame.margin : frame.plotLeft - frame.margin - 8
        let labelLines = ChartText.rowLabel.wrap(row.label, width: column).map { ($0, ChartText.rowLabel) }
            + (row.sublabel.map { ChartText.rowSublabel.wrap($0, width: column) } ?? []).map { ($0, ChartText.rowSublabel) }
        let labelBlock = 13.0 * Double(labelLines.count)
        let bandTop = top + (frame.labelsAbove ? labelBlock + 3 : 0)
        let placed = placeReferences(row.references, bandTop: bandTop)
        let bandLines = placed.compactMap(\.line).max().map { $0 + 1 } ?? 0
        let labelBand = Double(bandLines) * Self.labelLine
        let lanesTop = bandTop + labelBand
        let plotBottom = max(lanesTop + 18 + Double(laneCount) * Self.laneHeight,
                             frame.labelsAbove ? 0 : lanesTop + 14 + labelBlock - 6)
        // References no place in the band could take are written under the row.
        let leftOver = placed.filter { $0.line == nil }
        let bottom = plotBottom + (leftOver.isEmpty ? 0 : Double(leftOver.count) * Self.labelLine + 4)

        let labelTop = frame.labelsAbove ? top + 11 : lanesTop + 14
        for (index, (text, style)) in labelLines.enumerated() {
            svg.text(text, x: frame.margin, y: labelTop + 13 * Double(index), className: style.rawValue)
        }
        for tick in frame.gridTicks {
            svg.line(x1: x(tick), y1: bandTop + 2, x2: x(tick), y2: plotBottom - 4, className: "grid")
        }
        for (index, item) in placed.enumerated() {
            let rx = x(item.reference.value)
            svg.open("g", [("class", "reference")])
            svg.element("title", [], text: item.full)
            if let line = item.line, let anchor = item.anchor {
                svg.line(x1: rx, y1: bandTop + 2 + Double(line) * Self.labelLine, x2: rx, y2: plotBottom - 4, className: "reference-line")
                svg.text(item.text, x: anchor == "start" ? rx + 4 : rx - 4, y: bandTop + 11 + Double(line) * Self.labelLine,
                         className: ChartText.reference.rawValue, anchor: anchor)
            } else {
                let line = leftOver.firstIndex { $0.index == index } ?? 0
                svg.line(x1: rx, y1: bandTop + 2, x2: rx, y2: plotBottom - 4, className: "reference-line")
                svg.text("│ " + item.full, x: frame.plotLeft, y: plotBottom + 9 + Double(line) * Self.labelLine, className: ChartText.reference.rawValue)
            }
            svg.close("g")
        }
        for (claim, count) in marks {
            let lane = Double(lanes[claim.id] ?? 0)
            let cy = lanesTop + 12 + lane * Self.laneHeight
            let said = count > 1 ? "\(count) figures, among them " : ""
            let title = "\(claim.valueText): \(said)\(context.describe(claim))" + (frame.quotesInTooltips ? " “\(claim.quote)”" : "")
            if frame.links { svg.open("a", [("href", context.url(for: claim)), ("class", "claim")]) }
            drawClaim(claim, cy: cy, title: title, into: &svg)
            if frame.links { svg.close("a") }
        }
        return bottom
    }

    /// Where each reference's label goes in the band above the claims: a line of the band, a
    /// side of its tick, and the words (the tick runs down from its label). Where the full label
    /// ("USGS MCS 2026 69.2% (2025)") cannot go without covering another, a shorter one
    /// ("MCS 2026 69.2%", then "69.2%") is tried; the tick's tooltip and the table keep the rest.
    /// `line` is nil when no form fits anywhere in the band.
    func placeReferences(_ references: [ReferenceFigure], bandTop: Double)
        -> [(index: Int, reference: ReferenceFigure, full: String, text: String, line: Int?, anchor: String?)] {
        let lines = references.count
        let bandBottom = bandTop + Double(lines) * Self.labelLine + 2
        var options: [[(text: String, line: Int, anchor: String)]] = []
        let candidates = references.map { reference -> [LabelPlacer.Candidate] in
            let rx = x(reference.value)
            var list: [LabelPlacer.Candidate] = []
            var choices: [(String, Int, String)] = []
            for (form, text) in Self.labelForms(reference).enumerated() {
                for line in 0..<lines {
                    let baseline = bandTop + 11 + Double(line) * Self.labelLine
                    let leader = LabelPlacer.Box(minX: rx - 1.5, minY: bandTop + 2 + Double(line) * Self.labelLine, maxX: rx + 1.5, maxY: bandBottom)
                    for anchor in ["start", "end"] {
                        let box = ChartText.reference.box(text, x: anchor == "start" ? rx + 4 : rx - 4, y: baseline, anchor: anchor)
                        // A shortened label costs more than any arrangement of whole ones; then
                        // the fewer lines the band takes, the better.
                        list.append(LabelPlacer.Candidate(box: box, leader: leader, cost: Double(form) * 100 + Double(line) * 10 + (anchor == "start" ? 0 : 1)))
                        choices.append((text, line, anchor))
                    }
                }
            }
            options.append(choices)
            return list
        }
        let chosen = LabelPlacer(bounds: frame.bounds).place(candidates)
        return references.indices.map { index in
            let full = Self.labelForms(references[index])[0]
            guard let option = chosen[index].map({ options[index][$0] }) else { return (index, references[index], full, full, nil, nil) }
            return (index, references[index], full, option.text, option.line, option.anchor)
        }
    }

    /// A reference's label, longest first: source, value and year; the value with its year (or,
    /// for a figure of no one year, its edition), which tells apart the ticks of one row; the value.
    static func labelForms(_ reference: ReferenceFigure) -> [String] {
        let year = reference.year.map { " (\($0))" } ?? ""
        let edition = reference.source.hasPrefix("USGS ") ? String(reference.source.dropFirst(5)) : reference.source
        return ["\(reference.source) \(reference.valueText)\(year)",
                reference.year == nil ? "\(edition) \(reference.valueText)" : "\(reference.valueText)\(year)", reference.valueText].orderedUnique()
    }

    func drawClaim(_ claim: Claim, cy: Double, title: String, into svg: inout SVG) {
        switch (claim.low, claim.high) {
        case let (low?, high?) where low != high:
            svg.element("rect", [("x", SVG.number(x(low))), ("y", SVG.number(cy - 4)), ("width", SVG.number(max(x(high) - x(low), 2))),
                                 ("height", "8"), ("rx", "4"), ("class", "claim-range")], title: title)
        case let (low?, nil):
            // "over 90%": the arrow points to where the value may lie.
            let start = x(low)
            svg.element("path", [("d", "M\(SVG.number(start)) \(SVG.number(cy))h14m-4 -4l4 4l-4 4"), ("class", "claim-open")], title: nil)
            svg.element("circle", [("cx", SVG.number(start)), ("cy", SVG.number(cy)), ("r", "4.5"), ("class", "claim-dot")], title: title)
        case let (nil, high?):
            let end = x(high)
            svg.element("path", [("d", "M\(SVG.number(end)) \(SVG.number(cy))h-14m4 -4l-4 4l4 4"), ("class", "claim-open")], title: nil)
            svg.element("circle", [("cx", SVG.number(end)), ("cy", SVG.number(cy)), ("r", "4.5"), ("class", "claim-dot")], title: title)
        case let (value?, _):
            svg.element("circle", [("cx", SVG.number(x(value))), ("cy", SVG.number(cy)), ("r", "4.5"), ("class", "claim-dot")], title: title)
        default:
            break
        }
    }

    /// Stacks marks that would overlap into lanes, in a fixed order (by value, then id).
    func assignLanes(_ claims: [Claim]) -> [String: Int] {
        var laneEnds: [Double] = []
        var result: [String: Int] = [:]
        for claim in claims.sorted(by: { ($0.low ?? $0.high ?? 0, $0.id) < ($1.low ?? $1.high ?? 0, $1.id) }) {
            let start = x(claim.low ?? claim.high ?? 0) - (claim.low == nil ? 20 : 6)
            let end = x(claim.high ?? claim.low ?? 0) + (claim.high == nil ? 20 : 6)
            if let lane = laneEnds.firstIndex(where: { $0 < start }) {
                laneEnds[lane] = end
                result[claim.id] = lane
            } else {
                result[claim.id] = laneEnds.count
                laneEnds.append(end)
            }
        }
        return result
    }
}
