/// Rows of 0–100 % axes on which reference values (a tall tick with its source) and the
/// articles' claims (a dot, a bar for a range, an arrow for an open bound) sit side by side, so
/// the spread of what sources say is visible at a glance. Every claim mark links to its quote.
struct StripPlot {
    struct Row {
        var label: String
        /// A second line under the label naming the row's narrower scope ("capacity").
        var sublabel: String? = nil
        var references: [ReferenceFigure]
        var claims: [Claim]
    }

    static let left = 150.0, right = 620.0, laneHeight = 13.0
    /// Marks a row draws one by one; a fuller row draws each distinct value once, with a count,
    /// so the chart's size does not grow with the corpus.
    static let markLimit = 60

    static func x(_ percent: Double) -> Double { left + (right - left) * min(max(percent, 0), 100) / 100 }

    /// Draws the rows from `top`; returns the y after the last row.
    static func draw(_ rows: [Row], top: Double, into svg: inout SVG, context: ChartContext) -> Double {
        var y = top + 16
        // Axis labels once, at the top.
        for tick in stride(from: 0.0, through: 100, by: 25) {
            svg.text("\(Int(tick))%", x: x(tick), y: top + 8, className: "axis-label", anchor: "middle")
        }
        for row in rows {
            let marks = row.claims.count > markLimit ? ClaimSample.thin(ClaimSample.byValue(row.claims), limit: markLimit)
                : row.claims.map { (claim: $0, count: 1) }
            let lanes = assignLanes(marks.map(\.claim))
            let laneCount = max(lanes.values.max().map { $0 + 1 } ?? 1, 1)
            // A band of reference labels on top (one line each), then the claim lanes.
            let labelBand = Double(row.references.count) * 12
            let height = max(18 + labelBand + Double(laneCount) * laneHeight, row.sublabel == nil ? 0 : labelBand + 34)
            svg.text(row.label, x: 8, y: y + labelBand + 14, className: "row-label")
            if let sublabel = row.sublabel { svg.text(sublabel, x: 8, y: y + labelBand + 27, className: "row-sublabel") }
            for tick in stride(from: 0.0, through: 100, by: 25) {
                svg.line(x1: x(tick), y1: y + 2, x2: x(tick), y2: y + height - 4, className: "grid")
            }
            for (index, reference) in row.references.enumerated() {
                let rx = x(reference.value)
                let label = "\(reference.source) \(reference.valueText)\(reference.year.map { " (\($0))" } ?? "")"
                // Labels run right of the tick unless they would leave the chart.
                let fitsRight = rx + 4 + Double(label.count) * 6.3 <= 636
                svg.open("g", [("class", "reference")])
                svg.line(x1: rx, y1: y + 2 + Double(index) * 12, x2: rx, y2: y + height - 4, className: "reference-line")
                svg.text(label, x: fitsRight ? rx + 4 : rx - 4, y: y + 11 + Double(index) * 12, className: "reference-label", anchor: fitsRight ? "start" : "end")
                svg.close("g")
            }
            for (claim, count) in marks {
                let lane = Double(lanes[claim.id] ?? 0)
                let cy = y + labelBand + 12 + lane * laneHeight
                let said = count > 1 ? "\(count) figures, among them " : ""
                let title = "\(claim.valueText): \(said)\(context.describe(claim)) “\(claim.quote)”"
                svg.open("a", [("href", context.url(for: claim)), ("class", "claim")])
                drawClaim(claim, cy: cy, title: title, into: &svg)
                svg.close("a")
            }
            y += height
        }
        return y
    }

    static func drawClaim(_ claim: Claim, cy: Double, title: String, into svg: inout SVG) {
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
    static func assignLanes(_ claims: [Claim]) -> [String: Int] {
        var laneEnds: [Double] = []
        var result: [String: Int] = [:]
        for claim in claims.sorted(by: { ($0.low ?? $0.high ?? 0, $0.id) < ($1.low ?? $1.high ?? 0, $1.id) }) {
            let start = x(claim.low ?? claim.high ?? 0) - 6
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
