/// A chart's key: every colour and mark the drawing uses, with what it means, in lines that wrap
/// to the chart's width. A legend that leaves out a colour (China's, say) leaves the reader to
/// guess.
struct ChartLegend {
    enum Symbol: Equatable {
        /// A bar's fill: `series-0`…, `highlight-0`….
        case swatch(String)
        /// The outlined part of a bar that shows the upper end of a range, in a series' colour.
        case rangeOutline(String)
        case dot, range, openBound, reference
    }

    struct Item: Equatable {
        var symbols: [Symbol]
        var label: String
    }

    var items: [Item]

    static let lineHeight = 16.0, symbolWidth = 14.0, gap = 14.0

    /// The key of a strip plot: only the kinds of mark it draws.
    static func strip(dots: Bool, ranges: Bool, openBounds: Bool, references: Bool) -> ChartLegend {
        ChartLegend(items: [
            dots ? Item(symbols: [.dot], label: "文章数字 Article figure") : nil,
            ranges ? Item(symbols: [.range], label: "范围 Range") : nil,
            openBounds ? Item(symbols: [.openBound], label: "至少或至多 At least / at most") : nil,
            references ? Item(symbols: [.reference], label: "参考值 Reference value") : nil,
        ].compactMap { $0 })
    }

    /// Draws the items left to right from `top`, wrapping before an item that would cross the
    /// right edge; returns the y below the last line.
    func draw(top: Double, frame: ChartFrame, into svg: inout SVG) -> Double {
        guard !items.isEmpty else { return top }
        var x = frame.margin, y = top
        for item in items {
            let width = Double(item.symbols.count) * Self.symbolWidth + 2 + ChartText.legend.width(item.label)
            if x > frame.margin && x + width > frame.width - frame.margin {
                x = frame.margin
                y += Self.lineHeight
            }
            for symbol in item.symbols {
                Self.draw(symbol, x: x, middle: y + 6, into: &svg)
                x += Self.symbolWidth
            }
            svg.text(item.label, x: x + 2, y: y + 10, className: ChartText.legend.rawValue)
            x += 2 + ChartText.legend.width(item.label) + Self.gap
        }
        return y + Self.lineHeight
    }

    static func draw(_ symbol: Symbol, x: Double, middle: Double, into svg: inout SVG) {
        switch symbol {
        case .swatch(let className):
            svg.rect(x: x, y: middle - 5, width: 10, height: 10, className: "bar \(className)")
        case .rangeOutline(let className):
            svg.rect(x: x, y: middle - 5, width: 10, height: 10, className: "bar-range \(className)")
        case .dot:
            svg.element("circle", [("cx", SVG.number(x + 5)), ("cy", SVG.number(middle)), ("r", "4.5"), ("class", "claim-dot")])
        case .range:
            svg.element("rect", [("x", SVG.number(x)), ("y", SVG.number(middle - 4)), ("width", "11"), ("height", "8"), ("rx", "4"), ("class", "claim-range")])
        case .openBound:
            svg.element("path", [("d", "M\(SVG.number(x + 2)) \(SVG.number(middle))h9m-3 -3l3 3l-3 3"), ("class", "claim-open")])
            svg.element("circle", [("cx", SVG.number(x + 2)), ("cy", SVG.number(middle)), ("r", "2.5"), ("class", "claim-dot")])
        case .reference:
            svg.line(x1: x + 5, y1: middle - 6, x2: x + 5, y2: middle + 6, className: "reference-line")
        }
    }
}
