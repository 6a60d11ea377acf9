/// Horizontal bars, optionally grouped (one bar per series within a group), with each value
/// written at the end of its bar: direct labels instead of a legend lookup.
///
/// Wide, a group's label sits in a column left of its bars; narrow, on a line above them, so the
/// bars take the whole width. Either way the bars end where the longest value label still fits.
struct BarPlot {
    struct Bar {
        var value: Double
        /// The upper bound of a range: drawn as an outline beyond `value`.
        var upper: Double? = nil
        var series: String
        /// CSS class: the series colour (`series-0`…) or `highlight-0`… for the entity in focus.
        var className: String
        var label: String
        var url: String?
    }

    struct Group {
        var label: String
        var bars: [Bar]
    }

    let frame: ChartFrame

    static let barHeight = 14.0, gap = 3.0, groupGap = 8.0

    /// Grouped bars, one group per label and one bar per series that has a value, with the table
    /// rows (label, series, value) that list exactly what is drawn. `highlight` gets the accent
    /// colour (China in these charts).
    /// `display`: how a label reads on the chart and in its table (the data keep their own spelling).
    static func groups(labels: [String], series: [String], highlight: String, display: (String) -> String = { $0 },
                       value: (_ label: String, _ series: String) -> (value: Double, name: String)?,
                       barLabel: (Double) -> String) -> (groups: [Group], rows: [[Chart.Cell]]) {
        var groups: [Group] = []
        var rows: [[Chart.Cell]] = []
        for label in labels {
            var bars: [Bar] = []
            for (index, item) in series.enumerated() {
                guard let found = value(label, item) else { continue }
                bars.append(Bar(value: found.value, series: found.name, className: label == highlight ? "highlight-\(index)" : "series-\(index)",
                                label: barLabel(found.value)))
                rows.append([Chart.Cell(text: display(label)), Chart.Cell(text: found.name), Chart.Cell(text: barLabel(found.value), raw: SVG.number(found.value))])
            }
            groups.append(Group(label: display(label), bars: bars))
        }
        return (groups, rows)
    }

    /// The key of grouped bars: each series' colour, then the highlighted party's colours, so
    /// every fill the bars use is named.
    static func legend(series: [String], highlight: String) -> ChartLegend {
        ChartLegend(items: series.enumerated().map { ChartLegend.Item(symbols: [.swatch("series-\($0.offset)")], label: $0.element) }
            + [ChartLegend.Item(symbols: series.indices.map { .swatch("highlight-\($0)") }, label: highlight)])
    }

    /// Draws the groups from `top`; returns the y after the last one.
    func draw(_ groups: [Group], top: Double, maximum: Double, into svg: inout SVG) -> Double {
        let labelRoom = groups.flatMap(\.bars).map { ChartText.value.width($0.label) }.max() ?? 0
        let left = frame.labelsAbove ? frame.margin : frame.plotLeft
        let right = frame.width - frame.margin - 4 - labelRoom
        func width(_ value: Double) -> Double { maximum > 0 ? (right - left) * value / maximum : 0 }
        var y = top
        for group in groups {
            let groupHeight = Double(group.bars.count) * (Self.barHeight + Self.gap)
            if frame.labelsAbove {
                svg.text(group.label, x: frame.margin, y: y + 11, className: ChartText.rowLabel.rawValue)
                y += 15
            } else {
                svg.text(group.label, x: frame.margin, y: y + groupHeight / 2 + 4, className: ChartText.rowLabel.rawValue)
            }
            for bar in group.bars {
                let title = "\(group.label), \(bar.series): \(bar.label)"
                let linked = frame.links && bar.url != nil
                if linked, let url = bar.url { svg.open("a", [("href", url)]) }
                svg.rect(x: left, y: y, width: width(bar.value), height: Self.barHeight, className: "bar \(bar.className)", title: title)
                var end = left + width(bar.value)
                if let upper = bar.upper, upper > bar.value {
                    svg.rect(x: end, y: y, width: width(upper - bar.value), height: Self.barHeight, className: "bar-range \(bar.className)", title: title)
                    end += width(upper - bar.value)
                }
                if linked { svg.close("a") }
                svg.text(bar.label, x: end + 4, y: y + Self.barHeight - 3, className: ChartText.value.rawValue)
                y += Self.barHeight + Self.gap
            }
            y += Self.groupGap
        }
        return y
    }
}
