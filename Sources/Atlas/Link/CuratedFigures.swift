import Foundation

/// Checks the numbers editors write — in topic explainers, pages, timeline titles and dataset
/// notes — against what the site can show for them.
///
/// A figure in a paragraph (or heading, or table row) is supported when a source linked from
/// that same block states it: an article (`@/articles/SLUG`: any figure in its body), a dataset
/// (`@/data/DATASET`: a value in its rows or notes, or a share computed from it), or the
/// conflicts page (`@/data/conflicts`: any figure compared there). Every other figure is a
/// warning at its file, line and column, with the nearest figure the articles do state, so a
/// slip like 40亿 for 400亿 shows at once. Timeline titles and dataset notes have no links: a
/// title's figure must be one some article or dataset states, a note's one its own dataset does.
public enum CuratedFigures {
    /// One curated Markdown text, with where its body starts in its file.
    public struct Document: Sendable {
        public var file: String
        public var bodyLine: Int
        public var markdown: String
    }

    /// What can back a figure: values by unit, and for the hint, where each comes from.
    struct Evidence {
        struct Item {
            var value: Double
            var unit: FigureUnit
            var source: Source
        }

        /// Where a value comes from, as a hint names it. An article's figure is its position in
        /// the site's claims, its label written only when a hint names it (tens of thousands of
        /// labels were made for a handful).
        enum Source {
            case label(String)
            case claim(Int)
        }
        var items: [Item] = []

        mutating func add(_ figure: FigureMention, label: String) {
            add(low: figure.low, high: figure.high, unit: figure.unit, source: .label(label))
        }

        /// Each bound stated (one for an open or exact figure, two for a range).
        mutating func add(low: Double?, high: Double?, unit: FigureUnit, source: Source) {
            for value in [low, high].compactMap({ $0 }) { items.append(Item(value: value, unit: unit, source: source)) }
        }

        /// Every bound the editor wrote is a value stated here, allowing rounding.
        func supports(_ figure: FigureMention) -> Bool {
            [figure.low, figure.high].compactMap { $0 }.allSatisfy { bound in
                items.contains { $0.unit == figure.unit && CuratedFigures.same(bound, $0.value, unit: figure.unit) }
            }
        }
    }

    static func same(_ written: Double, _ stated: Double, unit: FigureUnit) -> Bool {
        if unit == .percent {
            // "69%" for 69.2%, "66.7%" for two-thirds; not 34% for 40%.
            return abs(written - stated) <= (written == written.rounded() ? 0.5 : 0.05)
        }
        return stated != 0 && abs(written - stated) / abs(stated) <= 0.005
    }

    /// Needs the linked site: its claims, datasets, references and conflicts.
    public static func check(_ documents: [Document], timeline: [Event], site: Site, markdown: Markdown, log: inout DiagnosticLog) {
        let references = site.references
        let slugs = Dictionary(site.articles.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        var articleEvidence: [String: Evidence] = [:]
        func evidence(forArticle slug: String) -> Evidence? {
            if let known = articleEvidence[slug] { return known }
            guard let article = slugs[slug] else { return nil }
            var found = Evidence()
            // The headline counts: "3834吨稀土流美" is stated there.
            for figure in FigureScanner.scan(ScanText(article.title)) + FigureScanner.scan(ScanText(article.sourceText)) {
                found.add(figure, label: "\(Claim(low: figure.low, high: figure.high, qualifier: figure.qualifier, unit: figure.unit, period: .past).valueText) in “\(article.title)” (@/articles/\(slug))")
            }
            articleEvidence[slug] = found
            return found
        }
        var datasetEvidence: [String: Evidence] = [:]
        for dataset in site.datasets {
            var found = Evidence()
            for row in dataset.rows {
                for column in dataset.columns where column.kind == .integer || column.kind == .number {
                    // A column's unit is in its name (`tonnes_reo`, `share_percent`); others (a year) are no figure.
                    let unit: FigureUnit
                    if column.name.contains("tonnes") { unit = .tonnes } else if column.name.contains("percent") || column.name.contains("share") { unit = .percent } else { continue }
                    guard let value = dataset.number(row, column.name) else { continue }
                    found.items.append(.init(value: value, unit: unit, source: .label("\(FigureText.amount(value, unit: unit)) in \(dataset.id) (@/data/\(dataset.id))")))
                }
                for (_, cell) in row.sorted(by: { $0.key < $1.key }) {
                    for figure in FigureScanner.scan(ScanText(cell)) { found.add(figure, label: "a note in \(dataset.id) (@/data/\(dataset.id))") }
                }
            }
            for figure in FigureScanner.scan(ScanText(dataset.notes)) { found.add(figure, label: "\(dataset.id) notes") }
            for reference in references where reference.dataset == dataset.id {
                let value = (reference.value * 10).rounded() / 10
                found.items.append(.init(value: value, unit: reference.unit,
                                         source: .label("\(FigureText.amount(value, unit: reference.unit)) from \(reference.citation) (@/data/\(dataset.id))")))
            }
            datasetEvidence[dataset.id] = found
        }
        var everything = Evidence()
        // By position: a claim's bounds and unit are read in place, not the whole claim copied.
        for position in site.claims.indices {
            everything.add(low: site.claims[position].low, high: site.claims[position].high, unit: site.claims[position].unit, source: .claim(position))
        }
        func label(_ item: Evidence.Item) -> String {
            switch item.source {
            case .label(let label):
                return label
            case .claim(let position):
                let claim = site.claims[position]
                let article = site.articles.first { $0.id == claim.article }
                return "\(claim.valueText) in “\(article?.title ?? "")” (@/articles/\(article?.slug ?? ""))"
            }
        }
        let allData = site.datasets.reduce(into: Evidence()) { $0.items += datasetEvidence[$1.id]?.items ?? [] }
        // Only when a paragraph links the conflicts page: a dense corpus has hundreds of
        // thousands of figures in its groups.
        var conflictEvidence: Evidence?
        func conflicts() -> Evidence {
            if let known = conflictEvidence { return known }
            var found = Evidence()
            for group in site.conflicts {
                for claim in group.claims { found.add(low: claim.low, high: claim.high, unit: claim.unit, source: .label("conflicts")) }
                for apart in group.setApart { found.add(low: apart.claim.low, high: apart.claim.high, unit: apart.claim.unit, source: .label("conflicts")) }
            }
            conflictEvidence = found
            return found
        }

        /// Where the figure stands decides what the editor can do about it: a paragraph can link
        /// its source, a timeline title or a dataset note cannot.
        enum Place {
            case paragraph, timelineTitle, datasetNote
            var problem: String {
                switch self {
                case .paragraph: return "is not stated by any source this paragraph links to"
                case .timelineTitle: return "is not stated by any article or dataset"
                case .datasetNote: return "is not a value in this dataset's rows"
                }
            }
            var hint: String {
                switch self {
                case .paragraph: return "link it in the same paragraph to the article that states it ([…](@/articles/SLUG)) or to a dataset ([…](@/data/DATASET))"
                case .timelineTitle: return "a timeline title cannot link, so write the figure as an article or dataset gives it, or leave it out of the title"
                case .datasetNote: return "a note describes its own rows: give the figure as a row, or take it out of the note"
                }
            }
        }
        func report(_ figure: FigureMention, text: ScanText, at location: SourceLocation, linked: [Evidence], place: Place = .paragraph) {
            let written = text.string(figure.range)
            let value = Claim(low: figure.low, high: figure.high, qualifier: figure.qualifier, unit: figure.unit, period: .past).valueText
            let reading = value == written ? "" : " (read as \(value))"
            // The nearest stated figure of the same unit, from the linked sources first.
            let pool = linked.flatMap(\.items) + everything.items + allData.items
            let nearest = pool.filter { $0.unit == figure.unit && $0.value > 0 }
                .min { abs(log10($0.value / max(figure.low ?? figure.high ?? 1, 1e-9))) < abs(log10($1.value / max(figure.low ?? figure.high ?? 1, 1e-9))) }
            log.warning("the figure `\(written)`\(reading) \(place.problem)", at: location,
                        hint: place.hint + (nearest.map { "; nearest stated: \(label($0))" } ?? ""))
        }

        for document in documents {
            for block in markdown.proseBlocks(document.markdown) {
                let text = ScanText(block.text)
                var linked: [Evidence] = []
                for link in block.links {
                    var identity = link
                    if let hash = identity.firstIndex(of: "#") { identity = String(identity[..<hash]) }
                    while identity.hasSuffix("/") { identity.removeLast() }
                    if identity.hasPrefix("@/articles/"), let found = evidence(forArticle: String(identity.dropFirst(11))) { linked.append(found) }
                    if identity.hasPrefix("@/data/"), let found = datasetEvidence[String(identity.dropFirst(7))] { linked.append(found) }
                    if identity == "@/data/conflicts" { linked.append(conflicts()) }
                }
                for figure in FigureScanner.scan(text) where !linked.contains(where: { $0.supports(figure) }) {
                    report(figure, text: text, at: location(of: figure, in: block, text: text, document: document), linked: linked)
                }
            }
        }
        for event in timeline where event.kind == .curated {
            let text = ScanText(event.summary)
            for figure in FigureScanner.scan(text) where !everything.supports(figure) && !allData.supports(figure) {
                report(figure, text: text, at: event.location ?? SourceLocation(file: "content/timeline.yml", line: 1), linked: [], place: .timelineTitle)
            }
        }
        for dataset in site.datasets {
            let text = ScanText(dataset.notes)
            // A note's figure must be in the dataset's rows, not merely in the note itself.
            var own = datasetEvidence[dataset.id] ?? Evidence()
            own.items.removeAll { if case .label(let label) = $0.source { label.hasSuffix("notes") } else { false } }
            for figure in FigureScanner.scan(text) where !own.items.isEmpty {
                if !own.supports(figure) {
                    report(figure, text: text, at: dataset.notesLocation ?? SourceLocation(file: "content/data/\(dataset.id).meta.yml", line: 1), linked: [own],
                           place: .datasetNote)
                }
            }
        }
    }

    /// The file position of a figure: the block's line plus the lines before it in the block,
    /// and its column found on that source line.
    static func location(of figure: FigureMention, in block: Markdown.ProseBlock, text: ScanText, document: Document) -> SourceLocation {
        let before = text.string(0..<figure.range.lowerBound)
        let lineInBlock = before.filter { $0 == "\n" }.count
        let line = document.bodyLine + block.line - 1 + lineInBlock
        let sourceLines = document.markdown.lines()
        let written = text.string(figure.range)
        var column = 1
        let index = block.line - 1 + lineInBlock
        if index >= 0, index < sourceLines.count, let at = sourceLines[index].range(of: written) {
            column = sourceLines[index][..<at.lowerBound].unicodeScalars.count + 1
        }
        return SourceLocation(file: document.file, line: line, column: column)
    }
}
