import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Atlas

/// Every chart of the real site, in each of its drawings (wide, narrow, the downloadable file),
/// read back from its SVG: no text covers other text or a mark, nothing leaves the drawing, and
/// the narrow one fits a phone. Text boxes are estimated the way the label placer estimates
/// them (`ChartText`); the browser test (`ChartBrowserTests`) measures the real ones.
@Suite struct ChartLayoutTests {
    typealias Box = LabelPlacer.Box

    /// What a drawing shows, read from its markup: texts with their boxes, and marks.
    final class Drawing: NSObject, XMLParserDelegate {
        var width = 0.0
        var texts: [(text: String, className: String, box: Box)] = []
        var marks: [(kind: String, box: Box)] = []
        private var offsets: [Double] = [0]
        private var stack: [String] = []
        private var pending: (x: Double, y: Double, className: String, anchor: String)?
        private var content = ""

        static func read(_ svg: String) throws -> Drawing {
            let drawing = Drawing()
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = drawing
            guard parser.parse() else { throw ChartTests.Failure(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")") }
            return drawing
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            stack.append(name)
            func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }
            let dy = offsets.last ?? 0
            let className = attributes["class"] ?? ""
            switch name {
            case "svg":
                width = attributes["viewBox"]?.split(separator: " ").dropFirst(2).first.flatMap { Double($0) } ?? 0
            case "g":
                let shift = attributes["transform"].flatMap { $0.hasPrefix("translate(0 ") ? Double($0.dropFirst(12).dropLast()) : nil } ?? 0
                offsets.append(dy + shift)
            case "text":
                pending = (number("x") ?? 0, (number("y") ?? 0) + dy, className, attributes["text-anchor"] ?? "start")
                content = ""
            case "rect":
                guard let x = number("x"), let y = number("y"), let w = number("width"), let h = number("height") else { return }
                marks.append((className, Box(minX: x, minY: y + dy, maxX: x + w, maxY: y + dy + h)))
            case "circle":
                guard let cx = number("cx"), let cy = number("cy"), let r = number("r") else { return }
                marks.append((className, Box(minX: cx - r, minY: cy + dy - r, maxX: cx + r, maxY: cy + dy + r)))
            case "line" where className == "reference-line":
                guard let x1 = number("x1"), let y1 = number("y1"), let y2 = number("y2") else { return }
                marks.append((className, Box(minX: x1 - 1.25, minY: min(y1, y2) + dy, maxX: x1 + 1.25, maxY: max(y1, y2) + dy)))
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if stack.last == "text" { content += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
            if name == "g" { offsets.removeLast() }
            if name == "text", let text = pending {
                let style = ChartText(rawValue: text.className) ?? .rowLabel
                texts.append((content, text.className, style.box(content, x: text.x, y: text.y, anchor: text.anchor)))
                pending = nil
            }
        }
    }

    static func drawings() throws -> [(name: String, svg: String)] {
        let (charts, _) = try ChartTests.charts()
        return charts.flatMap { [("\($0.name) wide", $0.wide), ("\($0.name) narrow", $0.narrow), ("\($0.name) download", $0.standalone)] }
    }

    @Test func noChartLabelOverlapsAnotherOrAMarkOrLeavesTheDrawing() throws {
        for (name, svg) in try Self.drawings() {
            let drawing = try Drawing.read(svg)
            #expect(drawing.texts.count > 10, "\(name)")
            for (index, text) in drawing.texts.enumerated() {
                #expect(text.box.minX >= 0 && text.box.maxX <= drawing.width, "\(name): “\(text.text)” leaves the drawing (\(text.box.minX)–\(text.box.maxX))")
                for other in drawing.texts[(index + 1)...] where text.box.intersects(other.box) {
                    Issue.record("\(name): “\(text.text)” overlaps “\(other.text)”")
                }
                for mark in drawing.marks where text.box.intersects(mark.box) {
                    Issue.record("\(name): “\(text.text)” covers a mark (\(mark.kind))")
                }
            }
            for mark in drawing.marks {
                #expect(mark.box.minX >= 0 && mark.box.maxX <= drawing.width, "\(name): a \(mark.kind) leaves the drawing")
            }
        }
    }

    /// The narrow drawing is drawn for a phone: 320 units, shown at about its own size on a
    /// 360 px screen, so its text is as large as the wide one's on a desktop.
    @Test func theNarrowDrawingIsMadeForAPhone() throws {
        let (charts, _) = try ChartTests.charts()
        for chart in charts {
            let wide = try Drawing.read(chart.wide), narrow = try Drawing.read(chart.narrow)
            #expect(wide.width == 640 && narrow.width == 320)
            // The same words: each row, value and reference is labelled in both, only placed
            // (or, for a crowded reference, shortened) differently.
            let wideWords = Set(wide.texts.filter { $0.className != "reference-label" && $0.className != "panel-title" }.map(\.text))
            let narrowWords = Set(narrow.texts.filter { $0.className != "reference-label" && $0.className != "panel-title" }.map(\.text))
            let axis = Set(["25%", "75%"])
            #expect(wideWords.subtracting(narrowWords).subtracting(axis).isEmpty, "\(chart.name): \(wideWords.subtracting(narrowWords))")
            #expect(narrow.texts.filter { $0.className == "reference-label" }.count == wide.texts.filter { $0.className == "reference-label" }.count)
            // Claim marks: the same quotes linked.
            func links(_ svg: String) -> [String] { svg.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.sorted() }
            #expect(links(chart.wide) == links(chart.narrow))
            #expect(links(chart.standalone).isEmpty, "\(chart.name): the download links back into the site")
        }
    }

    /// Embedded in another page, a crowded chart is lighter: a row draws at most `markLimit`
    /// distinct values (the lowest and highest among them), rows of single elements are left to
    /// the chart's page with a note saying how many, and tooltips do not quote; its own page
    /// draws every mark.
    @Test func anEmbeddedChartIsLighterThanItsOwnPage() throws {
        let (_, site) = try ChartTests.charts()
        let context = ChartContext(site: site)
        let claims = (0..<80).map { index in
            Claim(id: "c\(index)", article: site.articles[index % site.articles.count].id, metric: .productionShare, entity: "china",
                  low: Double(index), high: Double(index), unit: .percent, period: .current(published: 2025), quote: "quote \(index)")
        }
        let rows = [StripPlot.Row(label: "开采 Mining", references: [], claims: claims),
                    StripPlot.Row(label: "开采 Mining", sublabel: "铈 Cerium", references: [], claims: Array(claims.prefix(3)), isDetail: true)]
        func draw(_ frame: ChartFrame) -> String {
            var svg = SVG()
            _ = StripPlot(frame: frame).draw(rows, top: 0, into: &svg, context: context)
            return svg.markup
        }
        var embedded = ChartFrame.narrow
        embedded.detail = .embedded
        let full = draw(.narrow), light = draw(embedded)
        #expect(full.components(separatedBy: "class=\"claim-dot\"").count - 1 == 1 + 60 + 3)
        #expect(light.components(separatedBy: "class=\"claim-dot\"").count - 1 == 1 + 16)
        #expect(light.contains("#q-c0\"") && light.contains("#q-c79\""), "the lowest and highest stay")
        #expect(!light.contains("Cerium") && light.contains("另有1行（单一元素）见图表页"))
        #expect(full.contains("“quote 0”") && !light.contains("“quote"))
        // The real site: the chart's page draws the full chart, the home page the embedded one.
        let chain = try #require(try ChartTests.charts().charts.first { $0.name == "china-share-chain" })
        let embeddedHTML = try #require(chain.embedded?.html)
        let quote = try #require(site.claims.first { $0.metric == .reservesShare && $0.entity == "china" }?.quote)
        #expect(chain.wide.contains(SVG.escape(quote)) && !embeddedHTML.contains(SVG.escape(quote)))
    }

    /// Every fill a bar uses is in its chart's legend: China's highlight colours too.
    @Test func legendsNameEveryColour() throws {
        for (name, svg) in try Self.drawings() {
            let drawing = try Drawing.read(svg)
            let fills = Set(drawing.marks.filter { $0.kind.hasPrefix("bar ") || $0.kind.hasPrefix("bar-range") }
                .flatMap { $0.kind.split(separator: " ").dropFirst() }.map(String.init))
            // Legend swatches sit left of a legend label on the same line.
            let legendLines = drawing.texts.filter { $0.className == "legend-label" }.map(\.box)
            let swatches = drawing.marks.filter { mark in legendLines.contains { abs(($0.minY + $0.maxY) / 2 - (mark.box.minY + mark.box.maxY) / 2) < 4 } }
            let named = Set(swatches.flatMap { $0.kind.split(separator: " ").dropFirst() }.map(String.init))
            #expect(fills.subtracting(named).isEmpty, "\(name): no legend for \(fills.subtracting(named).sorted())")
            if drawing.marks.contains(where: { $0.kind == "claim-dot" }) { #expect(drawing.texts.contains { $0.text.contains("Article figure") }, "\(name)") }
            if drawing.marks.contains(where: { $0.kind == "reference-line" }) { #expect(drawing.texts.contains { $0.text.contains("Reference value") }, "\(name)") }
        }
    }

    /// Numbers on charts and in their tables are written for people: no run of seven or more
    /// digits ("44000000", "44,000,000"); the CSV keeps the raw values.
    @Test func chartsWriteAmountsForPeople() throws {
        let (charts, _) = try ChartTests.charts()
        let raw = try Regex(#"\d(?:,?\d){6,}"#)
        for chart in charts {
            for text in try Drawing.read(chart.wide).texts + Drawing.read(chart.narrow).texts + Drawing.read(chart.standalone).texts {
                #expect(text.text.firstMatch(of: raw) == nil, "\(chart.name): “\(text.text)”")
            }
            for cell in chart.rows.joined() { #expect(cell.text.firstMatch(of: raw) == nil, "\(chart.name) table: “\(cell.text)”") }
            #expect(chart.headers.allSatisfy { $0.unicodeScalars.contains { $0.properties.isIdeographic } && $0.contains(where: \.isASCII) },
                    "\(chart.name): headers in both languages: \(chart.headers)")
        }
        let reserves = try #require(charts.first { $0.name == "reserves" })
        #expect(reserves.rows.contains { $0[0].text == "China" && $0[2].text == "44 million t" })
        #expect(reserves.csv.contains(",44000000\n"))
    }

    /// The builder measures text in the sizes site.css draws it in, and the downloaded file is
    /// coloured like the page in its light scheme.
    @Test func textStylesAndColoursMatchTheStyleSheet() throws {
        let css = try String(contentsOf: TestPaths.repository.appendingPathComponent("templates/assets/site.css"), encoding: .utf8)
        for style in ChartText.allCases where !style.rawValue.hasPrefix("export") {
            let rules = css.split(separator: "\n").filter { $0.contains("svg.chart .\(style.rawValue)") && $0.contains("font-size") }
            #expect(rules.count == 1, "\(style.rawValue): \(rules)")
            #expect(rules.first?.contains("font-size: \(SVG.number(style.fontSize))px") == true, "\(style.rawValue): \(rules)")
            #expect(rules.first?.contains("font-weight: \(style.fontWeight)") == (style.fontWeight != 400), "\(style.rawValue): \(rules)")
        }
        #expect(css.contains("svg.chart text { fill: var(--fg); font-size: 11px; }"))
        let root = try #require(css.components(separatedBy: ":root {").dropFirst().first?.components(separatedBy: "}").first)
        for (name, value) in ChartExport.palette {
            #expect(root.contains("\(name): \(value);"), "\(name) is not \(value) in site.css")
        }
    }
}
