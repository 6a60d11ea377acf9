/// Finds the figures stated in an article body and turns each into a `Claim` with its quote.
///
/// Pipeline per body: clauses (`ClauseSplitter`) → numbers (`FigureScanner`) → what each number
/// measures (`MetricRule`), whose it is (`Attribution`), which year (`YearRule`). Nothing here
/// knows any particular article; every rule is tested on its own examples.
public struct ClaimExtractor: Sendable {
    let matcher: EntityMatcher
    /// Entities that name a thing, not a party: an element or a person never holds a share.
    let nonHolders: Set<String>

    public init(entities: [Entity]) {
        self.matcher = EntityMatcher(entities: entities)
        self.nonHolders = Set(entities.filter { ["element", "person"].contains($0.type) }.map(\.id))
    }

    public func claims(articleID: String, body: String) -> [Claim] {
        claims(articleID: articleID, in: AnalyzedText(body, matcher: matcher))
    }

    func claims(articleID: String, in analyzed: AnalyzedText) -> [Claim] {
        let text = analyzed.text
        let mentions = analyzed.mentions.filter { !nonHolders.contains($0.entity) }
        let figures = analyzed.figures
        var claims: [Claim] = []
        var seenIDs: [String: Int] = [:]
        for clause in analyzed.clauses {
            let inClause = figures.filter { clause.contains($0.range.lowerBound) }
            var previousImporter: String?
            for (index, figure) in inClause.enumerated() {
                let windows = Self.windows(text, clause: clause, figure: figure,
                                           previous: index > 0 ? inClause[index - 1] : nil,
                                           next: index + 1 < inClause.count ? inClause[index + 1] : nil)
                guard var claim = classify(text, figure, windows: windows, mentions: mentions, previousImporter: previousImporter) else { continue }
                if claim.metric == .importShare { previousImporter = claim.importer ?? previousImporter }
                let quoteRange = Self.trimmed(text, clause)
                claim.article = articleID
                claim.quote = text.string(quoteRange)
                claim.quoteRange = quoteRange
                claim.figureText = text.string(figure.range)
                // Stable across builds: the article, the quote and the figure's place in it.
                let identity = "\(articleID)\u{1F}\(claim.quote)\u{1F}\(figure.range.lowerBound - quoteRange.lowerBound)"
                var id = "c" + Slug.stableHash(identity)
                if let count = seenIDs[id] { id += "-\(count + 1)" }
                seenIDs[id, default: 0] += 1
                claim.id = id
                claims.append(claim)
            }
        }
        return claims
    }

    func classify(_ text: ScanText, _ figure: FigureMention, windows: MetricRule.Windows,
                  mentions: [EntityMatcher.Mention], previousImporter: String?) -> Claim? {
        var claim = Claim(id: "", article: "", metric: .other, entity: nil, importer: nil, low: figure.low, high: figure.high,
                          qualifier: figure.qualifier, unit: figure.unit, year: YearRule.year(text, figure, clause: windows.clause),
                          quote: "", quoteRange: 0..<0, figureText: "", rule: figure.rule)
        if figure.unit == .percent {
            guard let (metric, rule) = MetricRule.metric(text, figure, windows) else { return nil }
            claim.metric = metric
            claim.rule += "+" + rule
            if metric != .importShare, Attribution.isRelativeShare(text, figure, windows: windows, mentions: mentions) {
                // "less than 1.4% of China's output", "5% of its capacity": a share of someone's
                // own total, not of the world's; not comparable with the others.
                return nil
            }
            if metric == .importShare, Attribution.isGenericImportReliance(text, windows: windows) {
                claim.metric = .importDependence
                claim.entity = Attribution.holder(text, figure, windows: windows, mentions: mentions)
                return claim
            }
            if metric == .importShare {
                let parties = Attribution.imports(text, figure, windows: windows, mentions: mentions, previousImporter: previousImporter)
                claim.entity = parties.supplier
                claim.importer = parties.importer
                // "reliant on imports for 80%" names no supplier: that is dependence, not a share.
                if parties.supplier == nil { claim.metric = .importDependence; claim.entity = parties.importer; claim.importer = nil }
            } else {
                claim.entity = Attribution.holder(text, figure, windows: windows, mentions: mentions)
            }
            return claim
        }
        let context = MetricRule.lower(text, windows.clause)
        switch figure.unit {
        case .tonnes:
            claim.metric = context.includes("reserve") || context.includes("储量") ? .reservesTonnes
                : ["produc", "output", "mining", "mined", "产量", "开采", "生产"].contains(where: context.includes) ? .productionTonnes : .other
        case .usdPerKg, .cnyPerTonne, .cnyPerKg:
            claim.metric = .price
        default:
            claim.metric = ["invest", "fund", "plan", "deal", "agreement", "worth", "subsid", "incentive", "投资", "基金", "协议", "计划", "投入", "补贴"]
                .contains(where: context.includes) ? .investment : .other
        }
        claim.entity = Attribution.holder(text, figure, windows: windows, mentions: mentions)
        return claim
    }

    /// The phrase around a figure: bounded by punctuation, conjunctions and the neighbouring
    /// figures, so "70% of extraction and 90% of refining" reads each figure's own noun.
    static func windows(_ text: ScanText, clause: Range<Int>, figure: FigureMention,
                        previous: FigureMention?, next: FigureMention?) -> MetricRule.Windows {
        let stops: Set<Character> = [",", "，", "(", ")", "（", "）", ":", "：", "、"]
        let stopWords = [" and ", " while ", " but ", " whereas ", " with ", " which ", " compared ", "，而", "而"]
        // "(48%) of the world's reserves": the noun phrase continues after the bracket.
        let afterStart = figure.range.upperBound < clause.upperBound && ")）".contains(text[figure.range.upperBound]) ? figure.range.upperBound + 1 : figure.range.upperBound
        var end = afterStart
        let limit = min(clause.upperBound, next?.range.lowerBound ?? clause.upperBound)
        while end < limit, !stops.contains(text[end]), !stopWords.contains(where: { FigureScanner.matches(text, at: end, $0) }) { end += 1 }
        var start = figure.range.lowerBound
        let floor = max(clause.lowerBound, previous?.range.upperBound ?? clause.lowerBound)
        while start > floor, !stops.contains(text[start - 1]),
              !stopWords.contains(where: { FigureScanner.matches(text, at: start - $0.count, $0) }) { start -= 1 }
        return MetricRule.Windows(after: afterStart..<max(afterStart, end), before: start..<figure.range.lowerBound, clause: clause)
    }

    static func trimmed(_ text: ScanText, _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, text.isWhitespace(lo) { lo += 1 }
        while hi > lo, text.isWhitespace(hi - 1) { hi -= 1 }
        return lo..<hi
    }
}
