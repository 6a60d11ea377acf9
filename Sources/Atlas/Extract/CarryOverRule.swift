/// What a figure takes from an earlier one when its own words do not say what it is: the same
/// amount in another currency, the other end of a change, the next item of a list, "this share"
/// said again of another party, or the topic of the sentence before.
///
/// Each rule returns the borrowed claim (value, unit and qualifier are the figure's own) or nil.
enum CarryOverRule {
    static func borrowing(_ previous: Claim, _ figure: FigureMention, rule: String) -> Claim {
        var claim = previous
        (claim.low, claim.high, claim.qualifier, claim.unit) = (figure.low, figure.high, figure.qualifier, figure.unit)
        claim.rule = figure.rule + "+" + rule
        claim.duplicateOf = nil
        return claim
    }

    /// "500 billion rupees (approximately 40 billion RMB)", "约合400亿元人民币": the same amount
    /// in another currency or unit says what the first says, so it takes its fields.
    ///
    /// A share right after another one in a change ("down from over 90%", "from 80% to 50%",
    /// "compared with 97%") is the same quantity at another time or in another state: it takes
    /// the first one's metric and parties, and keeps its own status and period.
    static func restatement(_ text: ScanText, of previous: Claim, figure: FigureMention, after earlier: FigureMention, ownStart: Int) -> Claim? {
        // The words after the earlier figure's own noun phrase, or all of them when it runs on
        // to this figure ("from 80% to 50%").
        let start = ownStart < figure.range.lowerBound ? ownStart : earlier.range.upperBound
        var between = text.lower(start..<figure.range.lowerBound).trimmingWhitespace
        while let first = between.first, ",，".contains(first) { between = String(between.dropFirst()).trimmingWhitespace }
        // "nearly half (48%)": the same share, said twice.
        if figure.unit == .percent, previous.unit == .percent, between == "(" || between == "（" {
            return borrowing(previous, figure, rule: "restates-previous")
        }
        if figure.unit == .percent, previous.unit == .percent, between.count <= 32 {
            let lead = FigureScanner.withoutHedge(between)
            let changes = ["down from", "up from", "compared with", "compared to", "versus", "vs.", "from", "to", "降至", "升至", "降到", "升到", "提高到", "增至",
                           "由", "从", "比", "较"]
            guard changes.contains(where: { lead == $0 || lead.quickHasSuffix(" " + $0) || lead.quickHasSuffix("," + $0) || ($0.first!.isHan && lead.quickHasSuffix($0)) }),
                  MetricRule.cueHits(lead).isEmpty || lead.quickHasSuffix("from") || lead.quickHasSuffix("to") else { return nil }
            return borrowing(previous, figure, rule: "same-quantity-as-previous")
        }
        guard figure.unit != .percent, previous.unit != .percent else { return nil }
        let glue = ["(", "（", "(approximately", "(about", "(around", "(roughly", "(some", "(or", "(约", "（约", "（约合", "(约合", "，约合", ",约合", "约合",
                    "(equivalent to", "(worth", "，合", "(合", "（合", "，相当于", "(相当于", "（相当于", ", or about", ", or"]
        guard glue.contains(between) else { return nil }
        return borrowing(previous, figure, rule: "restates-previous")
    }

    /// "The EU sources 98% of its magnets and about 85% of its refined rare earths from China",
    /// "生产全球逾九成的原生镓和近七成的锗": the next item of a list has the first one's verb. Taken
    /// when the figure has no cue of its own, or when the list's verb is an import verb.
    static func coordinated(_ text: ScanText, of previous: Claim, figure: FigureMention, after earlier: FigureMention, ownStart: Int,
                            hasOwnCue: Bool, clause: Range<Int>) -> Claim? {
        guard figure.unit == previous.unit || (figure.unit == .percent) == (previous.unit == .percent) else { return nil }
        let start = ownStart < figure.range.lowerBound ? ownStart : earlier.range.upperBound
        let between = FigureScanner.withoutHedge(text.lower(start..<figure.range.lowerBound))
        guard ["and", ", and", "和", "及", "与", "、", ",", "，", "as well as", "以及"].contains(between) else { return nil }
        let importVerb = previous.metric == .importShare && previous.rule.contains("import-verb")
        if importVerb {
            let rest = text.lower(figure.range.upperBound..<clause.upperBound)
            guard rest.includes(" from ") || rest.includes("来自") else { return nil }
        } else if hasOwnCue {
            return nil
        }
        return borrowing(previous, figure, rule: "next-in-list")
    }

    /// "…6,000 tons of magnets a year by 2030, about 5% of world production", "mined 270,000 tons,
    /// or 69% of the world's total", "imported 53,700 tons…, about 90% of them from China": a
    /// share put beside an amount is that amount's share, of the world or (with "from") of imports.
    static func shareOfAmount(_ text: ScanText, of previous: Claim, figure: FigureMention, after earlier: FigureMention, windows: MetricRule.Windows,
                              mentions: [EntityMatcher.Mention]) -> Claim? {
        guard figure.unit == .percent, previous.unit == .tonnes else { return nil }
        let between = text.lower(earlier.range.upperBound..<figure.range.lowerBound)
        let tail = FigureScanner.withoutHedge(between)
        guard tail.quickHasSuffix(",") || tail.quickHasSuffix("，") || tail.quickHasSuffix(", or") || tail.quickHasSuffix("，占") || tail.quickHasSuffix("，约占") || tail.quickHasSuffix("accounting for") else { return nil }
        let after = text.lower(windows.after).trimmingWhitespace
        let earlierWords = text.lower(max(windows.clause.lowerBound, earlier.range.lowerBound - 40)..<figure.range.lowerBound)
        var claim = borrowing(previous, figure, rule: "share-of-amount")
        if after.quickHasPrefix("of them") || after.quickHasPrefix("of those"), after.includes(" from ") || after.includes("来自"),
           earlierWords.includes("import") || earlierWords.includes("进口") {
            let supplier = mentions.first { windows.after.contains($0.range.lowerBound) }?.entity
            claim.metric = .importShare
            claim.importer = previous.entity
            claim.entity = supplier
            return supplier == nil ? nil : claim
        }
        guard ["world", "global", "全球", "世界"].contains(where: after.includes) else { return nil }
        let stage = MetricRule.mostSpecific(MetricRule.cueHits(earlierWords).filter { $0.metric != nil && $0.metric != .importShare })
        switch (previous.metric, stage) {
        case (_, .magnetShare?): claim.metric = .magnetShare
        case (_, .refiningShare?): claim.metric = .refiningShare
        case (.reservesTonnes, _): claim.metric = .reservesShare
        case (.productionTonnes, _): claim.metric = .productionShare
        default: return nil
        }
        return claim
    }

    static let anaphors = ["that share", "this share", "the share", "this proportion", "that proportion", "the proportion", "that figure", "this figure",
                           "这一比例", "这一比重", "这个比例", "该比例", "这一份额", "该份额", "这一数字", "此比例"]

    /// "Tokyo targets lowering that share to below 50%", "韩国这一比例更是高达九成": the last share
    /// named, now of the party this phrase names (for imports: the importer).
    static func anaphora(_ text: ScanText, figure: FigureMention, windows: MetricRule.Windows, last: Claim?,
                         mentions: [EntityMatcher.Mention]) -> Claim? {
        guard figure.unit == .percent, let last, last.metric.isShare || last.metric == .importDependence else { return nil }
        let lead = text.lower(max(windows.clause.lowerBound, figure.range.lowerBound - 40)..<figure.range.lowerBound)
        // "…70% of U.S. imports…, and has supplied at least 60% of them every year": "of them".
        let after = text.lower(windows.after).trimmingWhitespace
        let ofThem = ["of them", "of those", "of these"].contains(where: after.quickHasPrefix) && last.metric == .importShare
        guard anaphors.contains(where: lead.includes) || ofThem else { return nil }
        var claim = borrowing(last, figure, rule: "same-share-as-before")
        let own = mentions.filter { $0.range.lowerBound >= windows.clause.lowerBound && $0.range.upperBound <= figure.range.lowerBound }
            .filter { $0.entity != last.entity }
        if let party = own.last?.entity {
            if claim.metric == .importShare { claim.importer = party } else { claim.entity = party }
        }
        return claim
    }

    /// "巴西以2100万吨位列第二，占比约23%" after a sentence on reserves: a figure with no word of
    /// what it is continues the topic of the figure just before (in this clause or the last).
    static func topic(_ figure: FigureMention, previous: Claim?) -> Claim? {
        guard let previous, (figure.unit == .percent) == (previous.unit == .percent), previous.metric != .other else { return nil }
        var claim = borrowing(previous, figure, rule: "topic-of-previous")
        claim.entity = nil
        claim.importer = nil
        return claim
    }
}
