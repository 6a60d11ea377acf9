import Testing
@testable import Atlas

/// Rules that read bytes or keys where they used to read characters must answer as the
/// character-reading versions did, including for texts where bytes and characters disagree
/// (combining marks, CR LF, full-width commas).
@Suite struct ByteReadingRuleTests {
    /// `RateRule.lastWords` against the `split`, `suffix` and `joined` it replaces.
    @Test func lastWordsAreThoseSplittingCharactersGives() {
        let pieces = ["annual", "output", " ", "  ", ",", "，", "，\u{301}", " \u{301}", "e\u{301}", "日均", "\r\n", "\r", "x", "约"]
        var random = QuickAffixTests.Sequence(state: 42)
        for _ in 0..<3000 {
            let text = (0..<random.next(9)).map { _ in pieces[random.next(pieces.count)] }.joined()
            for count in [2, 5] {
                let expected = text.split(whereSeparator: { $0 == " " || $0 == "，" || $0 == "," }).suffix(count).joined(separator: " ")
                #expect(Array(RateRule.lastWords(text, count).unicodeScalars) == Array(expected.unicodeScalars), "\(text.unicodeScalars.map(\.value))")
            }
        }
    }

    /// `Attribution.lastWordBeforeThe` against splitting the characters at spaces.
    @Test func lastWordBeforeTheIsWhatSplittingGives() {
        let pieces = ["the", "by", " ", "  ", "in", "e\u{301}", " \u{301}", "\u{301}", "在", "x", "\r\n", "thé"]
        var random = QuickAffixTests.Sequence(state: 7)
        for _ in 0..<3000 {
            let text = (0..<random.next(7)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let words = text.split(separator: " ")
            var expected = words.last.map(String.init) ?? ""
            if expected == "the", words.count >= 2 { expected = String(words[words.count - 2]) }
            #expect(Array(Attribution.lastWordBeforeThe(text).unicodeScalars) == Array(expected.unicodeScalars), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// `PeriodRule.englishLead` (words split and folded from the bytes) against splitting and
    /// lowercasing the characters, with words that lowercase to something else than they fold to.
    @Test func aYearsLeadIsWhatSplittingCharactersGives() {
        func reference(_ before: String) -> String? {
            PeriodRule.englishLead(words: before.split(whereSeparator: { $0 == " " || $0 == "-" }).map { $0.lowercased() })
        }
        let pieces = ["as", "AS", "of", "OF", "at", "by", "By", "since", "before", "the", "end", "mid", " ", "-", "İ", "Ｂｙ", "é", "e\u{301}",
                      "年", "\r\n", "June", "q4", "SINCE"]
        var random = QuickAffixTests.Sequence(state: 99)
        for _ in 0..<4000 {
            let text = (0..<random.next(8)).map { _ in pieces[random.next(pieces.count)] }.joined(separator: random.next(3) == 0 ? "" : " ")
            #expect(PeriodRule.englishLead(text) == reference(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// `EventExtractor.isDateline` (brackets found by key) against finding them as characters,
    /// for every date the date rule finds in bodies with brackets in various places.
    @Test func datelinesAreThoseFoundByCharacters() {
        func reference(_ text: ScanText, _ date: DateMention, _ clause: Range<Int>) -> Bool {
            let lead = text.string(clause.lowerBound..<date.range.lowerBound)
            guard let open = lead.lastIndex(of: "【"), !lead[open...].contains("】") else { return false }
            let tail = text.string(date.range.upperBound..<min(clause.upperBound, date.range.upperBound + 8))
            guard let close = tail.firstIndex(of: "】") else { return false }
            return ["报道", "讯", "电"].contains { tail[..<close].quickHasSuffix($0) }
        }
        let bodies = ["【Rare Earth Exchanges网 1月5日报道】 中国于1月3日发布稀土价格指数。",
                      "【新华社 2025年3月2日电】稀土出口于3月1日恢复。",
                      "【】1月5日报道】 又于1月6日讯】",
                      "【新华社 1月5日电\u{301}】 and 【\u{301}记者 2月1日讯】",
                      "据报道 1月5日报道】 【 2月3日",
                      "【Reuters, June 4 report】 China said on June 3 it would act."]
        var checked = 0
        for body in bodies {
            let text = ScanText(body).withLowerCase()
            let dates = DateRule.scan(text, published: LocalDateTime(year: 2026, month: 1, day: 6))
            for clause in ClauseSplitter.clauses(text) {
                for date in dates where clause.contains(date.range.lowerBound) && date.range.upperBound <= clause.upperBound {
                    #expect(EventExtractor.isDateline(text, date: date, clause: clause) == reference(text, date, clause), "\(body) \(date.range)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 8)
    }
}
