/// Every chart the site can draw, by the name editors embed it with.
enum ChartCatalog {
    static let builders: [(name: String, make: @Sendable (ChartContext) -> Chart)] = [
        ("china-share-chain", ChainChart.make),
        ("reserves", ReservesChart.make),
        ("mine-production", MineProductionChart.make),
        ("refining", RefiningChart.make),
        ("us-import-sources", ImportSourcesChart.make),
    ]

    static var names: [String] { builders.map(\.name) }

    /// Each chart on its own core: they read the same context and share nothing else.
    static func all(_ context: ChartContext) -> [Chart] { Parallel.map(builders.map(\.make)) { $0(context) } }

    /// A chart drawn at each width (`ChartFrame`) and as a standalone file. `draw` draws the
    /// chart's body for a frame from y = 0 and returns its height.
    static func chart(name: String, title: String, subtitle: String, summary: String, source: String,
                      headers: [String], csvHeaders: [String], rows: [[Chart.Cell]], context: ChartContext,
                      draw: (ChartFrame, inout SVG) -> Double) -> Chart {
        func body(_ frame: ChartFrame) -> (markup: String, height: Double) {
            var svg = SVG()
            let height = draw(frame, &svg) + 4
            return (svg.markup, height)
        }
        let wide = body(.wide), narrow = body(.narrow), export = body(.export)
        var embeddedWide = ChartFrame.wide, embeddedNarrow = ChartFrame.narrow
        embeddedWide.detail = .embedded
        embeddedNarrow.detail = .embedded
        let lighter = (wide: body(embeddedWide), narrow: body(embeddedNarrow))
        let standalone = ChartExport.document(name: name, title: title, subtitle: subtitle, summary: summary, source: source,
                                              url: context.site.config.absoluteURL("data/\(name)/"), body: export.markup, height: export.height)
        return Chart(name: name, title: title, subtitle: subtitle, summary: summary, source: source,
                     wide: document(name: name, title: title, summary: summary, frame: .wide, height: wide.height, body: wide.markup),
                     narrow: document(name: name, title: title, summary: summary, frame: .narrow, height: narrow.height, body: narrow.markup),
                     embedded: lighter.wide.markup == wide.markup && lighter.narrow.markup == narrow.markup ? nil : TrustedHTML(
                        document(name: name, title: title, summary: summary, frame: .wide, height: lighter.wide.height, body: lighter.wide.markup)
                            + document(name: name, title: title, summary: summary, frame: .narrow, height: lighter.narrow.height, body: lighter.narrow.markup)),
                     standalone: standalone.svg, standaloneHeight: standalone.height,
                     headers: headers, csvHeaders: csvHeaders, rows: rows)
    }

    /// The SVG element around a chart's drawing, labelled by its title and a plain-language
    /// description for screen readers, sized by its viewBox so the page never shifts. The page
    /// hides one of the two drawings (`display: none`), which hides it from screen readers too;
    /// ids differ so each names its own title.
    ///
    /// It is a `group`, not an `img`: an image's children are presentational, which would hide
    /// the claim marks that link to their quotes (axe: nested-interactive). Charts without links
    /// are `img`.
    static func document(name: String, title: String, summary: String, frame: ChartFrame, height: Double, body: String) -> String {
        let id = frame.kind == .wide ? "chart-\(name)" : "chart-\(name)-\(frame.kind.rawValue)"
        let role = body.contains("<a ") ? "group" : "img"
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-\(frame.kind.rawValue)\" viewBox=\"0 0 \(SVG.number(frame.width)) \(SVG.number(height.rounded(.up)))\" role=\"\(role)\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\"><title id=\"\(id)-title\">\(SVG.escape(title))</title>"
            + "<desc id=\"\(id)-desc\">\(SVG.escape(summary))</desc>\(body)</svg>"
    }

    /// The heading of a chart's second panel, wrapped to the width; returns the y below it.
    static func panelTitle(_ text: String, top: Double, frame: ChartFrame, into svg: inout SVG) -> Double {
        var y = top
        for line in ChartText.panelTitle.wrap(text, width: frame.width - 2 * frame.margin) {
            y += 15
            svg.text(line, x: frame.margin, y: y, className: ChartText.panelTitle.rawValue)
        }
        return y + 4
    }

    /// The columns of the bar charts' tables (their share panel's rows included).
    static let barHeaders = ["国家或项目 Country or row", "来源 Source", "数值 Value"]
    /// The first column of a share panel's rows in those tables.
    static let chinaShare = "中国份额 China's share"

    /// Rows a chart's table shows for one group of claims before it samples them.
    static let tableRowLimit = 40

    /// The columns of a chart table that lists claims: which row, what kind of value, the value
    /// as stated, what it is a figure of (period, status, scope), and where it comes from.
    static let claimHeaders = ["项目 Row", "类别 Kind", "数值 Value", "口径 What it measures", "来源 Source"]
    static let claimCSVHeaders = ["row", "kind", "value", "what it is", "source"]

    /// What a table row is, for readers (both languages) and for the CSV (`raw`).
    static func kind(_ raw: String) -> Chart.Cell {
        let text: String
        switch raw {
        case "article": text = "文章 Article"
        case "reference": text = "参考值 Reference"
        case "set apart": text = "未绘出 Set apart"
        default: text = raw.hasPrefix("set apart: ") ? "未绘出 Set apart: " + raw.dropFirst("set apart: ".count) : raw
        }
        return Chart.Cell(text: text, raw: raw)
    }

    /// Table rows for claims: value, what it is, quote link. A long group shows a sample of
    /// distinct values and a last row saying how many there are and where all of them are.
    static func claimRows(_ claims: [Claim], context: ChartContext, label: String) -> [[Chart.Cell]] {
        let shown = ClaimSample.spread(claims, limit: tableRowLimit)
        var rows = shown.map { claim in
            [Chart.Cell(text: label), kind("article"), Chart.Cell(text: claim.valueText), Chart.Cell(text: context.what(claim)),
             Chart.Cell(text: context.describe(claim), url: context.url(for: claim), language: context.articlesByID[claim.article]?.titleLanguage)]
        }
        if shown.count < claims.count, let metric = claims.first?.metric {
            rows.append([Chart.Cell(text: label), kind("article"), Chart.Cell(text: "…"), Chart.Cell(text: ""),
                         Chart.Cell(text: "\(shown.count) of \(claims.count) figures shown, one per distinct value; all are in the claim ledger",
                                    url: context.site.config.basePath + metric.ledgerList)])
        }
        return rows
    }

    /// Rows for figures kept out of the drawing, each with why; a long list shows a sample of
    /// distinct values and says where all of them are.
    static func setApartRows(_ items: [SetApartClaim], context: ChartContext, label: String) -> [[Chart.Cell]] {
        let shown = Set(ClaimSample.spread(items.map { $0.claim }, limit: tableRowLimit).map { $0.id })
        var rows = items.filter { shown.contains($0.claim.id) }.map { item in
            [Chart.Cell(text: label), kind("set apart: \(item.reason.reason)"), Chart.Cell(text: item.claim.valueText),
             Chart.Cell(text: context.what(item.claim)),
             Chart.Cell(text: context.describe(item.claim), url: context.url(for: item.claim), language: context.articlesByID[item.claim.article]?.titleLanguage)]
        }
        if shown.count < items.count, let metric = items.first?.claim.metric {
            rows.append([Chart.Cell(text: label), kind("set apart"), Chart.Cell(text: "…"), Chart.Cell(text: ""),
                         Chart.Cell(text: "\(shown.count) of \(items.count) figures set apart shown; all are in the claim ledger",
                                    url: context.site.config.basePath + metric.ledgerList)])
        }
        return rows
    }

    static func referenceRows(_ references: [ReferenceFigure], label: String) -> [[Chart.Cell]] {
        references.map { reference in
            [Chart.Cell(text: label), kind("reference"), Chart.Cell(text: reference.valueText),
             Chart.Cell(text: [reference.year.map(String.init), reference.elements.label, reference.measure.label].compactMap { $0 }.joined(separator: " · ")),
             Chart.Cell(text: "\(reference.source): \(reference.detail)")]
        }
    }

    /// Claim-table rows (`claimHeaders`) as the three columns (label, source, value) the bar
    /// charts' tables use for their share panel; what a figure is goes with its source.
    static func threeColumns(_ rows: [[Chart.Cell]]) -> [[Chart.Cell]] {
        rows.map { row in
            let kind = (row[1].raw ?? "").hasPrefix("set apart") ? " (\(row[1].text))" : ""
            return [row[0], Chart.Cell(text: row[4].text + (row[3].text.isEmpty ? "" : " — " + row[3].text) + kind, url: row[4].url, language: row[4].language), row[2]]
        }
    }

    /// " Set apart, not drawn: 80% (medium and heavy rare earths only); …." or nothing.
    static func setApartSentence(_ apart: [SetApartClaim]) -> String {
        apart.isEmpty ? "" : " Set apart, not drawn: " + listed(apart.map { "\($0.claim.valueText) (\($0.reason.reason))" }) + "."
    }

    /// The first few items and how many more: a summary's length must not grow with the corpus.
    static func listed(_ items: [String], limit: Int = 5) -> String {
        items.count <= limit ? items.joined(separator: "; ")
            : items.prefix(limit).joined(separator: "; ") + "; and \(items.count - limit) more, in the table and the claim ledger"
    }

    /// "from 34% to 49% across 4 articles": the lowest and highest figures as stated, never a
    /// midpoint of a range. A repeat in the same article is one figure.
    static func spread(_ claims: [Claim]) -> String {
        let distinct = claims.filter { $0.duplicateOf == nil }
        guard let lowest = distinct.min(by: { ($0.sortValue, $0.id) < ($1.sortValue, $1.id) }),
              let highest = distinct.max(by: { ($0.high ?? $0.sortValue, $1.id) < ($1.high ?? $1.sortValue, $0.id) }) else { return "no article gives a figure" }
        let articles = Set(distinct.map { $0.article }).count
        let across = "\(articles) article\(articles == 1 ? "" : "s")"
        if lowest.valueText == highest.valueText { return "\(lowest.valueText) in \(across)" }
        return "from \(lowest.valueText) to \(highest.valueText) across \(across)"
    }

    /// An amount as the site writes it elsewhere ("44 million t", "91.3%"), for bars and tables.
    static func amount(_ value: Double, unit: FigureUnit) -> String { FigureText.amount(value, unit: unit) }
}
