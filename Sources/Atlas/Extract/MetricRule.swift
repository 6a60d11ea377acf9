/// Decides what a percentage measures from the words around it.
///
/// The noun phrase after the figure (`85% of the refining capacity`, `90%的稀土精炼产能`) is read
/// first, then the words before it in the same phrase (`在精炼稀土的产能上占据90%`), then the rest
/// of the clause. A cue naming something that is not a supply-chain share (patents, investment,
/// revenue, exports) anywhere in the noun phrase wins, since it is the phrase's head.
enum MetricRule {
    struct Cue {
        var words: [String]
        var metric: Metric?
    }

    /// `metric == nil` marks figures the site does not treat as a share.
    static let cues: [Cue] = [
        Cue(words: ["reserve", "deposit", "resources", "储量", "资源"], metric: .reservesShare),
        Cue(words: ["refin", "process", "separat", "smelt", "精炼", "冶炼", "分离", "加工", "提炼"], metric: .refiningShare),
        Cue(words: ["magnet", "ndfeb", "磁体", "磁材", "永磁", "磁性材料", "钕铁硼"], metric: .magnetShare),
        Cue(words: ["import", "reliance", "reliant", "relies on", "rely on", "relied on", "relying on", "dependence on", "dependent on",
                    "depend on", "depends on", "depended on", "进口", "依赖", "来自", "依存"], metric: .importShare),
        Cue(words: ["mining", "mined", "mines", "mine", "extraction", "extracted", "produc", "output", "supply", "supplies",
                    "supplied", "supplying", "开采", "产量", "生产", "供应", "开采量"], metric: .productionShare),
        Cue(words: ["patent", "专利", "investment", "投资", "revenue", "营收", "收入", "self-sufficien", "自给", "export", "出口", "tariff", "关税",
                    "stake", "股份", "股权", "持股", "股比", "consumption", "消费", "demand", "需求", "国产化", "localis", "localiz", "penetration", "渗透率", "gdp", "interest", "利率", "recycl", "回收", "growth", "增长", "increase",
                    "decrease", "decline", "rose", "rise", "fell", "drop", "surge", "jump", "上涨", "下降", "减少", "增加", "同比", "环比",
                    "market cap", "市值", "manufacturers", "yield", "良率", "foreign exchange", "premium", "discount", "markup", "margin", "溢价",
                    "折价", "利润率"], metric: nil),
    ]

    /// Words after a figure that make it a change or rate, not a level.
    static let changeWords = ["increase", "rise", "jump", "surge", "growth", "decline", "drop", "decrease", "tariff", "duty", "tax",
                              "year-on-year", "stake", "equity", "a year", "per year", "annually", "each year", "every year", "per annum", "增长", "下降", "增加", "减少", "关税", "上涨", "下跌", "同比", "环比", "的关税", "股份"]
    /// Words before a figure that make it a change or rate.
    static let changeWordsBefore = ["by", "rose", "fell", "increased", "decreased", "surged", "grew", "dropped", "jumped", "tariff of", "tariffs of",
                                    "grow", "rise", "fall", "increase", "decrease", "expand", "climb", "年均", "每年",
                                    "tariff", "tariffs", "duty of", "涨", "跌", "增长", "下降", "上涨", "下跌", "减少了", "增加了", "提高了", "关税"]

    struct Windows {
        /// The noun phrase after the figure, up to punctuation, a conjunction or the next figure.
        var after: Range<Int>
        /// The words before the figure in the same phrase.
        var before: Range<Int>
        var clause: Range<Int>
    }

    static func isChange(_ text: ScanText, _ figure: FigureMention) -> Bool {
        let after = text.lower(figure.range.upperBound..<min(text.count, figure.range.upperBound + 16)).trimmingWhitespace
        if changeWords.contains(where: { after.quickHasPrefix($0) }) { return true }
        // "环比下降近40%", "fell by nearly 40%": the hedge stands between the change and the figure.
        let before = FigureScanner.withoutHedge(text.lower(max(0, figure.range.lowerBound - 16)..<figure.range.lowerBound))
        // "up 24% from the previous quarter", "down 8%"; but "making up 94% of the total" is a share.
        for word in ["up", "down"] where before.quickHasSuffix(" " + word) || before == word {
            let head = before.dropLast(word.count).trimmingWhitespace
            if !["make", "makes", "made", "making", "end", "ended", "ends", "ending", "take", "takes", "took", "taking", "set", "sets"].contains(where: { head.quickHasSuffix($0) }) {
                return true
            }
        }
        return changeWordsBefore.contains { word in
            guard before.quickHasSuffix(word) else { return false }
            let head = before.dropLast(word.count)
            return word.first!.isHan || head.isEmpty || !(head.last!.isLetter)
        }
    }

    /// The metric, or nil when the figure is not a share the site compares.
    /// `isChange`: `isChange(text, figure)`, which the caller has already asked.
    static func metric(_ text: ScanText, _ figure: FigureMention, _ windows: Windows, isChange: Bool) -> (metric: Metric, rule: String)? {
        // A part of a whole is at most all of it: "a 200% premium" is a comparison.
        guard !isChange, (figure.high ?? figure.low ?? 0) <= 100 else { return nil }
        let before = text.lower(windows.before)
        let beforeCues = cueHits(before)
        // "imports nearly 90% of its magnets from China": an import verb right before the
        // figure makes it an import share whatever the noun after it.
        // "cut the bloc's reliance on Chinese refined rare earths to below 50%": a noun of
        // dependence reaches further, over the name of what is depended on.
        if let verb = beforeCues.filter({ $0.metric == .importShare }).max(by: { $0.offset < $1.offset }),
           before.count - verb.offset <= (Self.isDependenceNoun(before, at: verb.offset) ? 56 : 24) {
            return (.importShare, "metric-import-verb")
        }
        let after = text.lower(windows.after)
        // "sources 63% of its rare earths from China": an acquiring verb with `from` later on.
        let restOfClause = text.lower(figure.range.upperBound..<windows.clause.upperBound)
        let acquiring = ["sources", "sourced", "buys", "bought", "gets", "got", "obtains", "obtained", "purchases", "purchased", "took", "takes",
                         "receives", "received", "imported", "imports", "从"]
        // The hedge ("about", "nearly") stands between the verb and the figure.
        let verbEnd = FigureScanner.withoutHedge(before)
        if acquiring.contains(where: { verbEnd.quickHasSuffix($0) }), restOfClause.includes(" from ") || restOfClause.includes("来自") {
            return (.importShare, "metric-import-verb")
        }
        let afterCues = cueHits(after)
        // "could rise to between 3% and 5%", "将降至40%": a verb of change before a figure moves
        // to a level; only right before it ("rose 8%") is the figure the change.
        let beforeCuesForStage = beforeCues.filter { $0.metric != nil || !isChangeCue(before, at: $0.offset) }
        // "85% of separation patents", "90%的精炼专利": a stage's share of the world's know-how
        // (measure: technology), not a share of something unrelated.
        if ["patent", "专利"].contains(where: after.includes),
           let stage = mostSpecific(afterCues.filter { $0.metric != nil }), [.productionShare, .refiningShare, .magnetShare].contains(stage) {
            return (stage, "metric-technology")
        }
        if afterCues.contains(where: { $0.metric == nil }) { return nil }
        // "九成的稀土永磁体进口来自中国", "98% of its magnet imports from China": imports are the head,
        // the stage says what was imported.
        if afterCues.contains(where: { $0.metric == .importShare }), after.includes("来自") || after.includes(" from ") || after.includes("从") {
            return (.importShare, "metric-imports-from")
        }
        // "of which 94% came from China": a supplier's part of something bought.
        if afterCues.isEmpty, ["came from", "come from", "comes from", "coming from"].contains(where: { after.trimmingWhitespace.quickHasPrefix($0) }) {
            return (.importShare, "metric-came-from")
        }
        if let metric = mostSpecific(afterCues) { return (refinedByTopic(metric, text, figure, windows), "metric-after") }
        // "70% of U.S. rare earth compound and metal imports": the head noun may stand past an "and".
        var end = windows.after.upperBound
        while end < windows.clause.upperBound, !text.isOne(of: Self.phraseStops, at: end), !FigureScanner.startsFigure(text, at: end) { end += 1 }
        if end > windows.after.upperBound, cueHits(text.lower(windows.after.upperBound..<end)).contains(where: { $0.metric == .importShare }),
           beforeCuesForStage.allSatisfy({ $0.metric != nil }) {
            return (.importShare, "metric-after")
        }
        if !beforeCuesForStage.isEmpty { return mostSpecific(beforeCuesForStage).map { (refinedByTopic($0, text, figure, windows), "metric-before") } }
        // The clause's nearest stage word: "China's share of reserves is 48%, and it mined 270,000
        // tons, or 69% of the world's total" is mining.
        // Within that phrase the narrower stage wins, as in the figure's own ("在稀土永磁体生产环节").
        // The phrases are found by key in the text (a separator is the same character in its lower
        // case), not by splitting the lowered clause character by character.
        var phraseEnd = windows.before.lowerBound
        var position = phraseEnd
        while position > windows.clause.lowerBound {
            position -= 1
            let isStop = text.isOne(of: Self.clauseStops, at: position)
            guard isStop || position == windows.clause.lowerBound else { continue }
            let phrase = (isStop ? position + 1 : position)..<phraseEnd
            if !phrase.isEmpty, let metric = mostSpecific(cueHits(text.lower(phrase)).filter({ $0.metric != nil })) { return (metric, "metric-clause") }
            phraseEnd = position
        }
        return nil
    }

    static let changeCues = ["growth", "增长", "increase", "decrease", "decline", "rose", "rise", "fell", "drop", "surge", "jump", "上涨", "下降", "减少", "增加"]

    static func isChangeCue(_ text: String, at offset: Int) -> Bool {
        let rest = text.dropFirst(offset)
        return changeCues.contains { rest.quickHasPrefix($0) }
    }

    static func isDependenceNoun(_ text: String, at offset: Int) -> Bool {
        let rest = text.dropFirst(offset)
        return ["reliance", "dependence", "dependency", "依赖"].contains { rest.quickHasPrefix($0) }
    }

    /// "约占全球总产量的九成" after "烧结钕铁硼毛坯产量约为30万吨": a generic word for output ("产量",
    /// "output") takes the stage the clause is about, when the clause names one stage only.
    static func refinedByTopic(_ metric: Metric, _ text: ScanText, _ figure: FigureMention, _ windows: Windows) -> Metric {
        guard metric == .productionShare else { return metric }
        let lead = text.lower(windows.clause.lowerBound..<figure.range.lowerBound)
        let own = lead + " " + text.lower(windows.after)
        let specific = ["mining", "mined", "mines", "mine", "extract", "开采", "采", "矿"]
        guard !specific.contains(where: own.includes) else { return metric }
        let topic = cueHits(lead).compactMap(\.metric)
        let stages = Set(topic.filter { $0 == .magnetShare || $0 == .refiningShare })
        guard stages.count == 1, !topic.contains(.reservesShare) else { return metric }
        return stages.first!
    }

    /// Within one phrase the narrower stage wins: "永磁体产量" is magnet production, "refining
    /// production" refining; a non-share cue (patents, exports) beats them all.
    static let specificity: [Metric?] = [nil, .magnetShare, .refiningShare, .importShare, .reservesShare, .productionShare]

    static func mostSpecific(_ hits: [(offset: Int, metric: Metric?)]) -> Metric? {
        guard !hits.isEmpty else { return nil }
        let best = hits.min { specificity.firstIndex(of: $0.metric)! < specificity.firstIndex(of: $1.metric)! }
        return best?.metric
    }

    /// One cue word, indexed by its first character so a position looks only at the words that
    /// can start there.
    struct CueWord: Sendable {
        var index: Int
        var word: String
        var length: Int
        var isHan: Bool
        var metric: Metric?
    }

    static let cueTable: WordTable<CueWord> = {
        var words: [(String, CueWord)] = []
        for cue in cues {
            for word in cue.words {
                words.append((word, CueWord(index: words.count, word: word, length: word.count, isHan: word.first!.isHan, metric: cue.metric)))
            }
        }
        // `cueHits` passes over the inside of ASCII words for this.
        precondition(words.allSatisfy { !$0.1.isHan || $0.1.word.unicodeScalars.first!.value >= 0x80 })
        return WordTable(words)
    }()

    /// Every cue word in `text`, with its character offset; a word's matches do not overlap.
    static func cueHits(_ text: String) -> [(offset: Int, metric: Metric?)] {
        let chars = ScanText(text)
        var hits: [(offset: Int, metric: Metric?)] = []
        var nextAllowed: [Int: Int] = [:]
        let table = cueTable
        for i in 0..<chars.count where table.firstKeys.contains(chars.keys[i]) {
            // Inside an ASCII word no English cue starts, and no other cue starts with ASCII.
            if chars.keys[i] < 0x80, i > 0, chars.keys[i - 1] < 0x80, chars.isLetter(i - 1) { continue }
            for entry in table.candidates(startingWith: chars.keys[i]) {
                let cue = entry.value
                // The word by its keys first: most candidates do not match, and those cost no hashing.
                guard chars.matches(entry.word, at: i), i >= nextAllowed[cue.index, default: 0] else { continue }
                guard i == 0 || cue.isHan || !(chars.isLetter(i - 1) && !chars.isHan(i - 1)) else { continue }
                hits.append((i, cue.metric))
                nextAllowed[cue.index] = i + cue.length
            }
        }
        return hits
    }
}

extension MetricRule {
    // Characters the rules stop at or skip, tested by key (`ScanText.isOne(of:at:)`).
    static let phraseStops = ScanText.OneOf(",，;；。(（")
    static let clauseStops = ScanText.OneOf(",，;；")
}
