/// Finds the figures stated in an article body and turns each into a `Claim` with its quote and
/// what the sentence says about it.
///
/// Pipeline per body: clauses (`ClauseSplitter`) → numbers (`FigureScanner`) → what each number
/// measures (`MetricRule`), whose it is (`Attribution`), of what (`ScopeRule`), when
/// (`PeriodRule`), whether it is a measurement (`StatusRule`), how often (`RateRule`) and who
/// says so (`SpeakerRule`). Nothing here knows any particular article; every rule is tested on
/// its own examples.
public struct ClaimExtractor: Sendable {
    let matcher: EntityMatcher
    /// Entities that name a thing, not a party: an element or a person never holds a share.
    let nonHolders: Set<String>
    let elements: Set<String>
    /// Entity id → type, to tell "the US company MP Materials" (the company's figure) apart
    /// from "the US" (the country's).
    let types: [String: String]

    /// The heavy rare earths (with yttrium), for naming a set of elements.
    static let heavyElements: Set<String> = ["gadolinium", "terbium", "dysprosium", "holmium", "erbium", "thulium", "ytterbium", "lutetium", "yttrium"]

    public init(entities: [Entity]) {
        self.matcher = EntityMatcher(entities: entities)
        self.nonHolders = Set(entities.filter { ["element", "person"].contains($0.type) }.map(\.id))
        self.elements = Set(entities.filter { $0.type == "element" }.map(\.id))
        self.types = Dictionary(entities.map { ($0.id, $0.type) }, uniquingKeysWith: { a, _ in a })
    }

    public func claims(articleID: String, body: String, published: LocalDateTime) -> [Claim] {
        claims(articleID: articleID, in: AnalyzedText(body, matcher: matcher), published: published)
    }

    func claims(articleID: String, in analyzed: AnalyzedText, published: LocalDateTime) -> [Claim] {
        let text = analyzed.text
        let mentions = Attribution.withoutModifiers(text, analyzed.mentions.filter { !nonHolders.contains($0.entity) }, types: types)
        let elementMentions = ElementNames.mentions(in: text, registered: analyzed.mentions.filter { elements.contains($0.entity) })
        let figures = analyzed.figures
        var claims: [Claim] = []
        var seenIDs: [String: Int] = [:]
        var figureIndex = 0
        // What later figures may borrow: the last share named, and the last claim with its clause.
        var lastShare: Claim?
        var lastClaim: [String: (claim: Claim, clause: Int)] = [:]
        for (clauseIndex, splitClause) in analyzed.clauses.enumerated() {
            while figureIndex < figures.count, figures[figureIndex].range.lowerBound < splitClause.lowerBound { figureIndex += 1 }
            var inClause: [FigureMention] = []
            while figureIndex < figures.count, splitClause.contains(figures[figureIndex].range.lowerBound) {
                inClause.append(figures[figureIndex])
                figureIndex += 1
            }
            guard let last = inClause.last else { continue }
            // A figure read across a clause break still belongs whole to its clause: every rule
            // slices from a figure's end to the clause's.
            let clause = splitClause.lowerBound..<max(splitClause.upperBound, last.range.upperBound)
            let periods = PeriodRule.periods(text, clause: clause, figures: inClause, published: published)
            var speakers = SpeakerRule.mayCite(text.string(clause)) ? SpeakerRule.Speakers(text, clause: clause) : nil
            var previousImporter: String?
            var previousAfterEnd = clause.lowerBound
            var previousClaim: Claim?
            // The clause's quote, shared by its claims; its text made for the first of them.
            let quoteRange = Self.trimmed(text, clause)
            var quote: String?
            for (index, figure) in inClause.enumerated() {
                let windows = Self.windows(text, clause: clause, figure: figure,
                                           previous: index > 0 ? inClause[index - 1] : nil,
                                           next: index + 1 < inClause.count ? inClause[index + 1] : nil)
                let segmentStart = index > 0 ? inClause[index - 1].range.upperBound : clause.lowerBound
                let ownStart = max(segmentStart, previousAfterEnd)
                previousAfterEnd = windows.after.upperBound
                let earlier = index > 0 ? inClause[index - 1] : nil
                let previousInClause = previousClaim
                previousClaim = nil
                let restated = earlier.flatMap { e in previousInClause.flatMap { CarryOverRule.restatement(text, of: $0, figure: figure, after: e, ownStart: ownStart) } }
                // Whether a share is a change ("rose 8%"): asked by the silence test and the metric rule.
                let isChange = figure.unit == .percent && MetricRule.isChange(text, figure)
                let silent = isSilent(text, figure, windows: windows, segmentStart: segmentStart, isChange: isChange)
                let ofAmount = earlier.flatMap { e in previousInClause.flatMap { CarryOverRule.shareOfAmount(text, of: $0, figure: figure, after: e, windows: windows, mentions: mentions) } }
                var found = restated ?? ofAmount ?? CarryOverRule.anaphora(text, figure: figure, windows: windows, last: lastShare, mentions: mentions)
                if found == nil, let e = earlier, let previous = previousInClause {
                    found = CarryOverRule.coordinated(text, of: previous, figure: figure, after: e, ownStart: ownStart, hasOwnCue: !silent, clause: clause)
                }
                if found == nil {
                    found = classify(text, figure, windows: windows, segmentStart: segmentStart, mentions: mentions, previousImporter: previousImporter,
                                     isChange: isChange)
                }
                if silent, found == nil || found?.metric == .other, let recent = lastClaim[Self.unitKind(figure.unit)], recent.clause >= clauseIndex - 1,
                   var borrowed = CarryOverRule.topic(figure, previous: recent.claim) {
                    borrowed.entity = Attribution.holder(text, figure, windows: windows, mentions: mentions, types: types)
                    found = borrowed
                }
                // A share held by nobody named ("recycling meets 2% of demand") is not one the
                // site can compare.
                if let share = found, share.unit == .percent, share.metric != .importShare, share.metric != .importDependence, share.entity == nil { found = nil }
                guard var claim = found else { continue }
                if claim.metric == .importShare { previousImporter = claim.importer ?? previousImporter }
                // A price names its element once for the phrase: "Dysprosium oxide prices rose 18% to
                // 1,850 yuan per kilogram".
                let subClause = Attribution.subClauseStart(text, clause: clause, before: figure.range.lowerBound)
                let scopeStart = claim.metric == .price ? subClause : max(ownStart, subClause)
                claim.scope = ScopeRule.scope(text, figure: figure, windows: windows, segmentStart: scopeStart, metric: claim.metric,
                                              elements: elementMentions, heavyElements: Self.heavyElements)
                let speaker = speakers?.speaker(before: figure.range.lowerBound)
                var cue = StatusRule.cue(text, figureIndex: index, figures: inClause, clause: clause)
                // "The IEA estimates…": a figure given as someone's estimate is one.
                if cue == nil, let speaker, text.lower(clause).includes(speaker.lowercased() + " estimate") { cue = .estimate }
                if cue == .forecast || cue == nil, claim.metric == .investment, StatusRule.promisesMoney(text, clause: clause, before: figure.range.lowerBound) { cue = .plan }
                (claim.status, claim.period) = StatusRule.resolve(cue: cue, period: periods[index], unit: figure.unit, published: published)
                if let restated, restated.unit != .percent || restated.rule.quickHasSuffix("restates-previous") {
                    (claim.status, claim.period, claim.scope) = (restated.status, restated.period, restated.scope)
                } else if let restated {
                    claim.scope = restated.scope
                }
                claim.rate = RateRule.rate(text, figure, clause: clause, before: windows.before)
                claim.speaker = speaker
                let quoteText = quote ?? text.string(quoteRange)
                quote = quoteText
                claim.article = articleID
                claim.quote = quoteText
                claim.quoteRange = quoteRange
                claim.figureText = text.string(figure.range)
                previousClaim = claim
                lastClaim[Self.unitKind(claim.unit)] = (claim, clauseIndex)
                if claim.metric.isShare { lastShare = claim }
                // "Both the U.S. and Australia will invest over $1 billion each": one figure per party.
                let parties = Attribution.eachParty(text, figure, clause: clause, mentions: mentions)
                for party in parties.isEmpty ? [claim.entity] : parties.map(Optional.some) {
                    var one = claim
                    one.entity = party
                    // Stable across builds: the article, the quote, the figure's place in it
                    // (and the party, when one figure is several parties').
                    let identity = "\(articleID)\u{1F}\(claim.quote)\u{1F}\(figure.range.lowerBound - quoteRange.lowerBound)"
                        + (parties.isEmpty ? "" : "\u{1F}\(party ?? "")")
                    var id = "c" + Slug.stableHash(identity)
                    if let count = seenIDs[id] { id += "-\(count + 1)" }
                    seenIDs[id, default: 0] += 1
                    one.id = id
                    claims.append(one)
                }
            }
        }
        return Self.markingRepeats(claims)
    }

    /// A figure with no word of what it measures: no cue for a share, no verb or noun for a
    /// tonnage ("巴西以2100万吨位列第二，占比约23%").
    func isSilent(_ text: ScanText, _ figure: FigureMention, windows: MetricRule.Windows, segmentStart: Int, isChange: Bool) -> Bool {
        if figure.unit == .percent {
            return !isChange && (figure.high ?? figure.low ?? 0) <= 100 && MetricRule.cueHits(text.lower(windows.clause.lowerBound..<windows.after.upperBound)).isEmpty
        }
        guard figure.unit == .tonnes else { return false }
        let context = text.lower(segmentStart..<windows.after.upperBound)
        return !Self.tonnageWords.contains(where: context.includes)
    }

    /// Shares, tonnages and money: a figure continues the topic of one of its own kind only.
    static func unitKind(_ unit: FigureUnit) -> String {
        switch unit {
        case .percent: return "share"
        case .tonnes: return "tonnes"
        default: return "money"
        }
    }

    static let reserveWords = ["reserve", "储量", "资源", "resource", "deposit", "contain"]
    static let productionWords = ["produc", "output", "mining", "mined", "capacity", "make ", "makes ", "made ", "making ", "manufactur", "制造", "refin", "process", "collect", "extract", "dig",
                                  "产量", "开采", "生产", "产能", "冶炼", "分离", "采集", "年产", "月产", "日产", "日采", "出矿", "产出", "加工", "处理",
                                  "recover", "retriev", "回收"]
    static let tradeWords = ["export", "import", "出口", "进口", "ship", "sold", "sale", "销", "trade", "贸易", "demand", "需求", "消费", "consum",
                             "stockpile", "储备", "库存", "inventor", "bought", "buy", "purchas", "采购", "收储"]

    static let tonnageWords = reserveWords + productionWords + tradeWords

    /// A figure the article states again (a digest's summary and its section) counts once:
    /// later statements point at the first.
    static func markingRepeats(_ claims: [Claim]) -> [Claim] {
        var first: [String: String] = [:]
        return claims.map { claim in
            var claim = claim
            let key = [claim.metric.rawValue, claim.entity ?? "", claim.importer ?? "", claim.low.map(SVG.number) ?? "", claim.high.map(SVG.number) ?? "",
                       claim.qualifier.rawValue, claim.unit.rawValue, claim.status.rawValue, claim.scope.elements.code, claim.scope.measure?.rawValue ?? "",
                       claim.scope.commodity, claim.period.code, claim.rate?.rawValue ?? ""].joined(separator: "\u{1F}")
            if let earlier = first[key] { claim.duplicateOf = earlier } else { first[key] = claim.id }
            return claim
        }
    }

    func classify(_ text: ScanText, _ figure: FigureMention, windows: MetricRule.Windows, segmentStart: Int,
                  mentions: [EntityMatcher.Mention], previousImporter: String?, isChange: Bool) -> Claim? {
        var claim = Claim(low: figure.low, high: figure.high, qualifier: figure.qualifier, unit: figure.unit,
                          period: ClaimPeriod(kind: .current, resolution: .publication), rule: figure.rule)
        if figure.unit == .percent {
            guard let (metric, rule) = MetricRule.metric(text, figure, windows, isChange: isChange) else { return nil }
            claim.metric = metric
            claim.rule += "+" + rule
            if metric != .importShare, Attribution.isRelativeShare(text, figure, windows: windows, mentions: mentions) {
                // "less than 1.4% of China's output", "5% of its capacity": a share of someone's
                // own total, not of the world's; not comparable with the others.
                return nil
            }
            if metric == .importShare {
                let parties = Attribution.imports(text, figure, windows: windows, mentions: mentions, previousImporter: previousImporter)
                // "reliant on imports for 80%", "依赖进口": imports at all, no supplier; but "日本约六成
                // 稀土进口依赖中国" names one.
                let named = parties.supplier != nil && parties.supplier != parties.importer && Attribution.namesSupplier(text, figure, windows: windows, mentions: mentions)
                if Attribution.isGenericImportReliance(text, windows: windows), !named {
                    claim.metric = .importDependence
                    claim.entity = Attribution.holder(text, figure, windows: windows, mentions: mentions, types: types)
                    return claim
                }
                claim.entity = parties.supplier
                claim.importer = parties.importer
                // "reliant on imports for 80%" names no supplier: that is dependence, not a share.
                if parties.supplier == nil { claim.metric = .importDependence; claim.entity = parties.importer; claim.importer = nil }
            } else {
                claim.entity = Attribution.holder(text, figure, windows: windows, mentions: mentions, types: types)
            }
            return claim
        }
        // The figure's own words: from the previous figure to the end of its noun phrase, so
        // "44 million t of reserves and 270,000 t produced" reads each tonnage's own verb.
        let context = text.lower(segmentStart..<windows.after.upperBound)
        switch figure.unit {
        case .tonnes:
            // The figure's own phrase first (comma to comma), then the words back to the figure
            // before it: "…的稀土储量，Serra Verde…计划月产稀土精矿约400吨" is production.
            let near = text.lower(windows.before.lowerBound..<windows.after.upperBound)
            func metric(_ words: String) -> Metric? {
                if Self.tradeWords.contains(where: words.includes) { return .other }
                if Self.productionWords.contains(where: words.includes) { return .productionTonnes }
                if Self.reserveWords.contains(where: words.includes) { return .reservesTonnes }
                return nil
            }
            claim.metric = metric(near) ?? metric(context) ?? .other
        case .usdPerKg, .usdPerTonne, .cnyPerTonne, .cnyPerKg:
            claim.metric = .price
            // A price is nobody's unless the text says whose market it is ("European prices").
            claim.entity = Attribution.market(text, figure, windows: windows, mentions: mentions)
            return claim
        default:
            // Money's noun may follow a conversion in brackets: "₹7,280 crore (about $870 million) scheme".
            var end = windows.after.upperBound
            while end < windows.clause.upperBound, !text.isOne(of: Self.nounStops, at: end) { end += 1 }
            let context = context + " " + text.lower(windows.after.upperBound..<end)
            claim.metric = ["invest", "fund", "plan", "deal", "agreement", "worth", "subsid", "incentive", "financ", "loan", "grant", "cost",
                            "partnership", "pledg", "commit", "stake", "acquire", "capital", "spend", "budget", "earmark", "allocat", "mobilis", "mobiliz",
                            "set aside", "backed by", "financing", "scheme", "package", "loans", "拨款", "拨付", "支持", "补助",
                            "投资", "基金", "协议", "计划", "投入", "补贴", "融资", "贷款", "资金", "承诺", "出资", "注资", "收购"]
                .contains(where: context.includes) ? .investment : .other
        }
        claim.entity = Attribution.holder(text, figure, windows: windows, mentions: mentions, types: types)
        return claim
    }

    /// The phrase around a figure: bounded by punctuation, conjunctions and the neighbouring
    /// figures, so "70% of extraction and 90% of refining" reads each figure's own noun.
    static func windows(_ text: ScanText, clause: Range<Int>, figure: FigureMention,
                        previous: FigureMention?, next: FigureMention?) -> MetricRule.Windows {
        // "(48%) of the world's reserves": the noun phrase continues after the bracket.
        let afterStart = figure.range.upperBound < clause.upperBound && text.isOne(of: Self.closingBrackets, at: figure.range.upperBound) ? figure.range.upperBound + 1 : figure.range.upperBound
        var end = afterStart
        let limit = min(clause.upperBound, next?.range.lowerBound ?? clause.upperBound)
        // The stop words are tried only where one can start (after) or end (before): at a space
        // or one of four Han characters, not at every character of the phrase.
        let (windowStops, stopsAfter, stopsAfterFirst, stopsBefore, stopsBeforeLast) = (windowStops, stopsAfter, stopsAfterFirst, stopsBefore, stopsBeforeLast)
        while end < limit, !windowStops.contains(text.keys[end]),
              !(stopsAfterFirst.contains(text.keys[end]) && stopsAfter.contains(where: { text.matches($0, at: end) })) { end += 1 }
        var start = figure.range.lowerBound
        let floor = max(clause.lowerBound, previous?.range.upperBound ?? clause.lowerBound)
        while start > floor, !windowStops.contains(text.keys[start - 1]),
              !(stopsBeforeLast.contains(text.keys[start - 1]) && stopsBefore.contains(where: { text.matches($0, at: start - $0.count) })) { start -= 1 }
        return MetricRule.Windows(after: afterStart..<max(afterStart, end), before: start..<figure.range.lowerBound, clause: clause)
    }

    /// What ends a figure's phrase, as character keys (every one a single scalar).
    static let windowStops = KeySet(",，()（）:：、".unicodeScalars.map(\.value))
    static let stopWords = [" and ", " while ", " but ", " whereas ", " with ", " which ", " compared ", "，而", "而"]
    // A subordinate clause starts another statement: "…exposed because China makes 90%",
    // "90% … before production shifted to China".
    static let stopsAfter = (stopWords + [" before ", " after ", " because ", " due to ", " until ", " since "]).map(ScanText.Word.init)
    static let stopsBefore = (stopWords + [" because ", " as ", " since ", " although ", " though ", " if ", " when ", " after ", "因为", "由于"]).map(ScanText.Word.init)
    static let stopsAfterFirst = KeySet(stopsAfter.compactMap(\.keys.first))
    static let stopsBeforeLast = KeySet(stopsBefore.compactMap(\.keys.last))

    static func trimmed(_ text: ScanText, _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, text.isWhitespace(lo) { lo += 1 }
        while hi > lo, text.isWhitespace(hi - 1) { hi -= 1 }
        return lo..<hi
    }
}

extension ClaimExtractor {
    // Characters the rules stop at or skip, tested by key (`ScanText.isOne(of:at:)`).
    static let nounStops = ScanText.OneOf(",，;；。")
    static let closingBrackets = ScanText.OneOf(")）")
}
