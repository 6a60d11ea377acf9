/// A chart as a file of its own: what a reader downloads, and what the PNG is rasterized from.
///
/// On the page, HTML around the drawing carries the title, subtitle and source, and site.css
/// colours it. A file on its own has neither, so this one draws the words in (an image shared
/// without its title and source misleads) and carries its own style sheet: the site's light
/// colours, since an image does not know the viewer's colour scheme. Claim marks keep their
/// tooltips but not their links, which would point nowhere outside the site.
enum ChartExport {
    /// The drawing's own margin, so the words line up with its labels.
    static let width = 640.0, padding = 8.0

    /// The site's light palette (`:root` in site.css; a test keeps them equal).
    static let palette: [(name: String, value: String)] = [
        ("--bg", "#fbfaf7"), ("--fg", "#1f2328"), ("--muted", "#57606a"), ("--line", "#d8dee4"),
        ("--series-0", "#9ecae1"), ("--series-1", "#4a90c2"), ("--series-2", "#1c5a8a"),
        ("--highlight-0", "#f0a870"), ("--highlight-1", "#d55e00"), ("--highlight-2", "#8f3e00"),
        ("--claim", "#cc79a7"), ("--claim-stroke", "#7a2a5c"), ("--reference", "#1f2328"),
    ]

    /// The font stack of site.css, for the same look wherever the file is opened.
    static let fonts = #"system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif"#

    static func colour(_ name: String) -> String { palette.first { $0.name == name }?.value ?? "#000" }

    /// The style sheet: each text style's size and weight from `ChartText`, the marks' colours
    /// from the palette.
    static var styleSheet: String {
        var rules = ["text{font-family:\(fonts);fill:\(colour("--fg"));font-size:11px}"]
        for style in ChartText.allCases {
            let muted = [.axis, .legend, .value, .rowSublabel, .exportNote].contains(style)
            rules.append(".\(style.rawValue){font-size:\(SVG.number(style.fontSize))px;font-weight:\(style.fontWeight)\(muted ? ";fill:\(colour("--muted"))" : "")}")
        }
        rules += [
            ".bar-range{fill-opacity:0.25;stroke:\(colour("--fg"));stroke-width:0.75;stroke-dasharray:2 2}",
            ".grid,.row-rule{stroke:\(colour("--line"));stroke-width:1}",
            ".reference-line{stroke:\(colour("--reference"));stroke-width:2.5}",
            ".claim-dot{fill:\(colour("--claim"));stroke:\(colour("--claim-stroke"));stroke-width:1}",
            ".claim-range{fill:\(colour("--claim"));stroke:\(colour("--claim-stroke"));stroke-width:1;opacity:0.85}",
            ".claim-open{fill:none;stroke:\(colour("--claim-stroke"));stroke-width:1.5}",
        ]
        for index in 0..<3 {
            rules.append(".series-\(index){fill:\(colour("--series-\(index)"))}")
            rules.append(".highlight-\(index){fill:\(colour("--highlight-\(index)"))}")
            rules.append(".bar.series-\(index){stroke:\(colour("--series-2"));stroke-width:1}")
            rules.append(".bar.highlight-\(index){stroke:\(colour("--highlight-2"));stroke-width:1}")
        }
        return rules.joined(separator: "\n")
    }

    /// The standalone SVG around a drawing made for `ChartFrame.export`, and its height.
    /// `url`: the chart's page, named under the source when the site's address is known.
    static func document(name: String, title: String, subtitle: String, summary: String, source: String, url: String?,
                         body: String, height: Double) -> (svg: String, height: Double) {
        var svg = SVG()
        let textWidth = width - 2 * padding
        var y = 2 * padding
        for line in ChartText.exportTitle.wrap(title, width: textWidth) {
            y += 19
            svg.text(line, x: padding, y: y, className: ChartText.exportTitle.rawValue)
        }
        y += 4
        for line in ChartText.exportNote.wrap(subtitle, width: textWidth) {
            y += 14
            svg.text(line, x: padding, y: y, className: ChartText.exportNote.rawValue)
        }
        y += 10
        svg.raw("<g transform=\"translate(0 \(SVG.number(y)))\">\(body)</g>")
        y += height + 4
        for line in ChartText.exportNote.wrap(source, width: textWidth) + (url.map { ["稀土地图 · Rare Earth Atlas — \($0)"] } ?? []) {
            y += 14
            svg.text(line, x: padding, y: y, className: ChartText.exportNote.rawValue)
        }
        let total = (y + padding).rounded(.up)
        let id = "chart-\(name)"
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(total))\" "
            + "viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(total))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">\(SVG.escape(title))</title><desc id=\"\(id)-desc\">\(SVG.escape(summary))</desc>"
            + "<style>\n\(styleSheet)\n</style>"
            + "<rect width=\"100%\" height=\"100%\" fill=\"\(colour("--bg"))\"/>"
            + svg.markup + "</svg>\n"
        return (document, total)
    }
}
