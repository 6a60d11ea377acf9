/// Horizontal bars, optionally grouped (one bar per series within a group), with each value
/// written at the end of its bar: direct labels instead of a legend lookup.
struct BarPlot {
    struct Bar {
        var value: Double
        /// The upper bound of a range: drawn as an outline beyond `value`.
        var upper: Double? = nil
        var series: String
        /// CSS class: the series colour (`series-0`…) or `highlight` for the entity in focus.
        var className: String
        var label: String
        var url: String?
    }

    struct Group {
        var label: String
        var bars: [Bar]
    }

    static let left = 150.0, right = 560.0, barHeight = 14.0, gap = 3.0

    /// Grouped bars, one group per label and one bar per series that has a value, with the table
    /// rows (label, series, value) that list exactly what is drawn. `highlight` gets the accent
    /// colour (China in these charts).
    static func groups(labels: [String], series: [String], highlight: String,
                       value: (_ label: String, _ series: String) -> (value: Double, name: String)?,
                       barLabel: (Double) -> String, cell: (Double) -> String) -> (groups: [Group], rows: [[Chart.Cell]]) {
        var groups: [Group] = []
        var rows: [[Chart.Cell]] = []
        for label in labels {
            var bars: [Bar] = []
            for (index, item) in series.enumerated() {
                guard let found = value(label, item) else { continue }
                bars.append(Bar(value: found.value, series: found.name, className: label == highlight ? "highlight-\(index)" : "series-\(index)",
                                label: barLabel(found.value)))
                rows.append([Chart.Cell(text: label), Chart.Cell(text: found.name), Chart.Cell(text: cell(found.value))])
            }
            groups.append(Group(label: label, bars: bars))
        }
        return (groups, rows)
    }

    static func draw(_ groups: [Group], top: Double, maximum: Double, into svg: inout SVG) -> Double {
        var y = top
        for group in groups {
            let groupHeight = Double(group.bars.count) * (barHeight + gap)
            svg.text(group.label, x: 8, y: y + groupHeight / 2 + 4, className: "row-label")
            for bar in group.bars {
                let width = (right - left) * bar.value / maximum
                let title = "\(group.label), \(bar.series): \(bar.label)"
                if let url = bar.url { svg.open("a", [("href", url)]) }
                svg.rect(x: left, y: y, width: width, height: barHeight, className: "bar \(bar.className)", title: title)
                var end = left + width
                if let upper = bar.upper, upper > bar.value {
                    let extra = (right - left) * (upper - bar.value) / maximum
                    svg.rect(x: end, y: y, width: extra, height: barHeight, className: "bar-range \(bar.className)", title: title)
                    end += extra
                }
                if bar.url != nil { svg.close("a") }
                svg.text(bar.label, x: end + 4, y: y + barHeight - 3, className: "value-label")
                y += barHeight + gap
            }
            y += 8
        }
        return y
    }

    /// A legend line for grouped bars: a swatch and the series name each.
    static func legend(_ series: [(name: String, className: String)], top: Double, into svg: inout SVG) {
        var x = left
        for item in series {
            svg.rect(x: x, y: top - 9, width: 10, height: 10, className: "bar \(item.className)")
            svg.text(item.name, x: x + 14, y: top, className: "legend-label")
            x += 14 + Double(item.name.count) * 7 + 16
        }
    }
}
