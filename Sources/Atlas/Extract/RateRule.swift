/// How often a tonnage or amount recurs, from the words at the figure (`350 tons of sea mud
/// daily`, `100 metric tons annually`, `年产5000吨`, `500 tons last quarter`). Shares have none.
enum RateRule {
    static let after: [(String, Rate)] = [
        (" per day", .perDay), (" a day", .perDay), (" daily", .perDay), (" each day", .perDay), (" every day", .perDay), ("/day", .perDay), ("/d", .perDay),
        (" per month", .perMonth), (" a month", .perMonth), (" monthly", .perMonth), (" each month", .perMonth), ("/month", .perMonth),
        (" per quarter", .perQuarter), (" a quarter", .perQuarter), (" quarterly", .perQuarter), (" last quarter", .perQuarter),
        (" this quarter", .perQuarter), (" in the quarter", .perQuarter), (" each quarter", .perQuarter),
        (" per year", .perYear), (" a year", .perYear), (" annually", .perYear), (" of annual", .perYear), (" annual", .perYear), (" per annum", .perYear), (" each year", .perYear),
        (" every year", .perYear), (" yearly", .perYear), ("/year", .perYear), ("/yr", .perYear), (" tpa", .perYear), (" pa", .perYear),
        ("/年", .perYear), ("每年", .perYear), ("/天", .perDay), ("每天", .perDay), ("每日", .perDay), ("每月", .perMonth),
    ]
    static let before: [(String, Rate)] = [
        ("daily", .perDay), ("每天", .perDay), ("每日", .perDay), ("日产", .perDay), ("日均", .perDay),
        ("monthly", .perMonth), ("每月", .perMonth), ("月产", .perMonth), ("月均", .perMonth),
        ("quarterly", .perQuarter), ("每季度", .perQuarter), ("单季", .perQuarter), ("季度", .perQuarter),
        ("annual", .perYear), ("yearly", .perYear), ("每年", .perYear), ("年产", .perYear), ("年产量", .perYear), ("年产能", .perYear),
        ("年均", .perYear), ("年处理", .perYear), ("日采", .perDay), ("月产", .perMonth), ("年采", .perYear),
    ]

    /// "in the September quarter", for each month, made once.
    static let quarterPhrases = DateRule.months.map { " \($0) quarter" }

    /// `before` is the figure's own phrase before it (to the last comma or conjunction).
    static func rate(_ text: ScanText, _ figure: FigureMention, clause: Range<Int>, before ownPhrase: Range<Int>) -> Rate? {
        guard figure.unit != .percent else { return nil }
        // "in the September quarter": a quarter named by its last month.
        let tailWords = text.lower(figure.range.upperBound..<min(clause.upperBound, figure.range.upperBound + 60))
        if quarterPhrases.contains(where: { tailWords.includes($0) }) || tailWords.includes(" in the quarter") { return .perQuarter }
        // "350 tons of sea mud daily": a few words may stand between the unit and the rate.
        let tail = text.lower(figure.range.upperBound..<min(clause.upperBound, figure.range.upperBound + 24))
        var best: (Int, Rate)?
        for (word, rate) in after {
            guard let at = tail.literalRange(of: word) else { continue }
            let offset = tail.distance(from: tail.startIndex, to: at.lowerBound)
            let end = tail.index(at.lowerBound, offsetBy: word.count)
            // Whole words, and "a quarter of" is a fraction, not a rate.
            if end < tail.endIndex, tail[end].isLetter, !word.last!.isHan { continue }
            if word == " a quarter", tail[end...].quickHasPrefix(" of") { continue }
            // Only a short phrase of the figure's own noun may stand between.
            let between = tail[..<at.lowerBound]
            if between.contains(where: { ",;，；。(（".contains($0) }) || between.split(separator: " ", omittingEmptySubsequences: true).count > 5 { continue }
            if best == nil || offset < best!.0 { best = (offset, rate) }
        }
        if let best { return best.1 }
        // "actual quarterly output remains at 500 tons", "日均出矿量一度降至不足100吨": the rate word
        // may lead the figure's own phrase. Money takes a rate only from a word right before it
        // ("annual investment of $2 billion"), not from a plant's "annual capacity" nearby.
        let head = text.lower(max(ownPhrase.lowerBound, figure.range.lowerBound - 40)..<figure.range.lowerBound)
        let isMoney = ![.tonnes].contains(figure.unit)
        let near = head.contains(where: { $0.isHan }) ? String(head.suffix(isMoney ? 4 : 14))
            : lastWords(head, isMoney ? 2 : 5)
        for (word, rate) in before where near.includes(word) { return rate }
        return nil
    }

    /// The last `count` words of `text`, words being split at spaces and commas of either width,
    /// joined by spaces: `split(whereSeparator:).suffix(count).joined(separator: " ")`, cut by
    /// scalar where that is the same (`LoneScalars.words`): splitting the characters was a third
    /// of a percent of a build.
    static func lastWords(_ text: String, _ count: Int) -> String {
        let words = LoneScalars.words(in: text, separatedBy: [" ", ",", "，"]) ?? text.split(whereSeparator: { $0 == " " || $0 == "，" || $0 == "," })
        return words.suffix(count).joined(separator: " ")
    }
}
