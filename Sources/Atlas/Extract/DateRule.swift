/// A date found in text, at the precision the text gives it.
struct DateMention: Hashable, Sendable {
    var range: Range<Int>
    var year: Int
    var month: Int?
    var day: Int?
    var precision: Event.Precision
    /// Resolved from a relative expression (`次日`, `本月23号`, `last year`).
    var relative: Bool
    var rule: String
    /// `本月初`, `2025年底`, `mid-2025`, `一年后`: where in the period, or only roughly when.
    var approximation: Event.Approximation? = nil
}

/// Reads date expressions in Chinese and English and resolves the relative ones against the
/// publication date or the date stated just before:
/// `2025年10月9日`, `2025年4月`, `10月9日`, `本月23号`, `次日`, `去年`, `力争30年`,
/// `July 1, 2025`, `1 July 2025`, `In December 2025`, `on January 12`, `in 2023`, `by 2030`,
/// `last year`, `the fourth quarter of 2026`.
enum DateRule {
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    static let shortMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func scan(_ text: ScanText, published: LocalDateTime) -> [DateMention] {
        let lower = text.lowercased()
        var result: [DateMention] = []
        var anchors: [(range: Range<Int>, offset: Int)] = []
        let startKeys = startKeys, sameOrNextDayStarts = sameOrNextDayStarts
        var i = 0
        while i < text.count {
            if lower.isInsideASCIIWord(i) { i = lower.endOfASCIILetters(from: i); continue }
            guard startKeys.contains(lower.keys[i]) else { i += 1; continue }
            // Inside an English word no date starts: every rule for a word (months, "last year",
            // "the next day") wants its start, and the others want a digit or a Han character.
            if lower.continuesWord(i) { i += 1; continue }
            if sameOrNextDayStarts.contains(lower.keys[i]), let anchor = sameOrNextDay(text, lower, at: i) {
                anchors.append(anchor)
                i = anchor.range.upperBound
            } else if var found = chinese(text, at: i, published: published) ?? english(text, lower, at: i, published: published) {
                if found.approximation == nil { found.approximation = approximation(text, lower, around: found) }
                result.append(found)
                i = found.range.upperBound
            } else {
                i += 1
            }
        }
        // "次日", "on the same day": the day of the nearest dated day before, else after.
        for anchor in anchors {
            let days = result.filter { $0.precision == .day && !$0.relative }
            guard let base = days.last(where: { $0.range.upperBound <= anchor.range.lowerBound }) ?? days.first(where: { $0.range.lowerBound >= anchor.range.upperBound }),
                  let m = base.month, let d = base.day else { continue }
            let date = anchor.offset == 0 ? (base.year, m, d) : nextDay(base.year, m, d)
            result.append(DateMention(range: anchor.range, year: date.0, month: date.1, day: date.2, precision: .day, relative: true,
                                      rule: anchor.offset == 0 ? "same-day" : "next-day"))
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    static let sameOrNextDayPhrases = [("次日", 1), ("翌日", 1), ("第二天", 1), ("同日", 0), ("当天", 0), ("同一天", 0),
                                       ("the next day", 1), ("the following day", 1), ("the same day", 0)]
    static let chineseRelativeYears = [("今年", 0), ("去年", -1), ("明年", 1), ("一年后", 1), ("两年后", 2), ("三年后", 3)]
    static let chineseRelativeMonths: [(String, Int, Event.Approximation?)] = [("本月初", 0, .early), ("本月底", 0, .late), ("上个月", -1, nil), ("上月", -1, nil)]
    /// After a Chinese year or month: which part of it (`2025年底`, `4月初`, `10月中旬`). A bare
    /// `中` is left out (`2025年中国…`), and so are `初步` and `初次` (preliminary, first time).
    static let chineseParts: [(String, Event.Approximation)] = [("上旬", .early), ("中旬", .middle), ("下旬", .late), ("初", .early), ("底", .late), ("末", .late)]
    /// Before an English month or year: `early July`, `mid-2025`, `by the end of 2025`.
    static let englishParts: [(String, Event.Approximation)] = [("early ", .early), ("mid-", .middle), ("mid ", .middle), ("late ", .late), ("end of ", .late)]

    /// Where in its period a month or year is placed, or whether a relative one is only rough
    /// (`一年后` counts from an unstated day of the publication year).
    static func approximation(_ text: ScanText, _ lower: ScanText, around date: DateMention) -> Event.Approximation? {
        guard date.precision != .day else { return nil }
        if date.rule.quickHasPrefix("zh-") {
            let end = date.range.upperBound
            if let part = chineseParts.first(where: { FigureScanner.matches(text, at: end, $0.0) }),
               !(part.0 == "初" && end + 1 < text.count && text.isOne(of: Self.notEarlyAfter, at: end + 1)) {
                return part.1
            }
            return date.rule == "zh-relative-year" && text.string(date.range).quickHasSuffix("后") ? .about : nil
        }
        let before = lower.string(max(0, date.range.lowerBound - 7)..<date.range.lowerBound)
        return englishParts.first { before.quickHasSuffix($0.0) }?.1
    }
    static let englishRelativeYears = [("last year", -1), ("this year", 0), ("next year", 1)]
    /// A date expression can only start at a digit or at the first character of one of the
    /// words above or of a month name; every other position is skipped at once.
    static let startKeys: KeySet = {
        var keys = Set((48...57).map(UInt32.init))
        let words = sameOrNextDayPhrases.map(\.0) + chineseRelativeYears.map(\.0) + chineseRelativeMonths.map(\.0) + ["本月"]
            + englishRelativeYears.map(\.0) + months + shortMonths
        for word in words { keys.insert(ScanText.key(word.first!)) }
        return KeySet(keys)
    }()

    /// The phrases as keys, with whether each is Han, worked out once rather than at every position.
    static let sameOrNextDayWords = sameOrNextDayPhrases.map { (word: ScanText.Word($0.0), offset: $0.1, isHan: $0.0.first!.isHan) }
    /// The keys those phrases start with (a Han character is its own lower case): most
    /// positions where a date may start (every digit) start none of them.
    static let sameOrNextDayStarts = KeySet(sameOrNextDayPhrases.map { ScanText.key($0.0.first!) })

    static func sameOrNextDay(_ text: ScanText, _ lower: ScanText, at i: Int) -> (range: Range<Int>, offset: Int)? {
        for (word, offset, isHan) in sameOrNextDayWords {
            let source = isHan ? text : lower
            if source.matches(word, at: i), i == 0 || !lower.isLetter(i - 1) || isHan {
                return (i..<(i + word.count), offset)
            }
        }
        return nil
    }

    // MARK: Chinese

    static func digits(_ text: ScanText, at i: Int, max: Int = 4) -> (value: Int, end: Int)? {
        var j = i
        var value = 0
        // By key: an ASCII digit is the only ASCII character with a whole-number value.
        while j < text.count, j - i < max, text.isDigit(j) { value = value * 10 + Int(text.keys[j] - 0x30); j += 1 }
        guard j > i, j == text.count || !(text.isASCII(j) && text.isNumber(j)) else { return nil }
        return (value, j)
    }

    /// The Chinese words as keys, and the characters they start with: a Han character that
    /// starts none of them cannot start a Chinese date (those start with a digit).
    static let chineseRelativeYearWords = chineseRelativeYears.map { (ScanText.Word($0.0), $0.1) }
    static let chineseRelativeMonthWords = chineseRelativeMonths.map { (ScanText.Word($0.0), $0.1, $0.2) }
    static let thisMonth = ScanText.Word("本月")
    static let chineseStartKeys = KeySet((chineseRelativeYears.map(\.0) + chineseRelativeMonths.map(\.0) + ["本月"]).map { ScanText.key($0.first!) })

    static func chinese(_ text: ScanText, at i: Int, published: LocalDateTime) -> DateMention? {
        func valid(_ y: Int, _ m: Int?, _ d: Int?) -> Bool {
            guard (1990...2060).contains(y) else { return false }
            if let m, !(1...12).contains(m) { return false }
            if let m, let d { return LocalDateTime(year: y, month: m, day: d).calendarProblem == nil }
            return true
        }
        // Every Chinese date starts with one of those words or with a digit: at any other ASCII
        // character (the start of most English words) none is tried.
        guard text.keys[i] < 0x80 ? text.isDigit(i) : chineseStartKeys.contains(text.keys[i]) else { return nil }
        for (word, offset) in chineseRelativeYearWords where text.matches(word, at: i) {
            return DateMention(range: i..<(i + word.count), year: published.year + offset, month: nil, day: nil, precision: .year, relative: true, rule: "zh-relative-year")
        }
        for (word, offset, part) in chineseRelativeMonthWords where text.matches(word, at: i) {
            let month = published.month + offset
            return DateMention(range: i..<(i + word.count), year: month < 1 ? published.year - 1 : published.year, month: month < 1 ? 12 : month,
                               day: nil, precision: .month, relative: true, rule: "zh-relative-month", approximation: part)
        }
        if text.matches(thisMonth, at: i), let day = digits(text, at: i + 2, max: 2), day.end < text.count, text.isOne(of: Self.dayMarks, at: day.end),
           valid(published.year, published.month, day.value) {
            return DateMention(range: i..<(day.end + 1), year: published.year, month: published.month, day: day.value, precision: .day, relative: true, rule: "zh-this-month")
        }
        guard i == 0 || !(text.isASCII(i - 1) && text.isNumber(i - 1)), text.isASCII(i), text.isNumber(i), let first = digits(text, at: i) else { return nil }
        let end = first.end
        guard end < text.count else { return nil }
        if text[end] == "年" {
            var year = first.value
            // "力争30年商业化": a two-digit year after a goal word.
            if end - i == 2 {
                let before = text.string(max(0, i - 3)..<i)
                guard ["力争", "到", "预计", "计划", "争取", "目标"].contains(where: before.quickHasSuffix) else { return nil }
                year += 2000
            } else if end - i != 4 {
                return nil
            }
            if let month = digits(text, at: end + 1, max: 2), month.end < text.count, text[month.end] == "月" {
                if let day = digits(text, at: month.end + 1, max: 2), day.end < text.count, text.isOne(of: Self.dayMarks, at: day.end), valid(year, month.value, day.value) {
                    return DateMention(range: i..<(day.end + 1), year: year, month: month.value, day: day.value, precision: .day, relative: false, rule: "zh-ymd")
                }
                if valid(year, month.value, nil) {
                    return DateMention(range: i..<(month.end + 1), year: year, month: month.value, day: nil, precision: .month, relative: false, rule: "zh-ym")
                }
            }
            // "2025年" alone; not "2025年度" fiscal years? Those are still years.
            guard valid(year, nil, nil) else { return nil }
            return DateMention(range: i..<(end + 1), year: year, month: nil, day: nil, precision: .year, relative: end - i == 2, rule: "zh-y")
        }
        if text[end] == "月", end - i <= 2 {
            let month = first.value
            let year = inferYear(month: month, published: published)
            if let day = digits(text, at: end + 1, max: 2), day.end < text.count, text.isOne(of: Self.dayMarks, at: day.end), valid(year, month, day.value) {
                return DateMention(range: i..<(day.end + 1), year: year, month: month, day: day.value, precision: .day, relative: false, rule: "zh-md")
            }
            // "4月": a month alone, but not a duration ("3个月" never matches; "5月份" does).
            guard valid(year, month, nil), !(end + 1 < text.count && text[end + 1] == "以") else { return nil }
            return DateMention(range: i..<(end + 1), year: year, month: month, day: nil, precision: .month, relative: false, rule: "zh-m")
        }
        return nil
    }

    /// A month or day without a year is the publication year's, unless that would put it
    /// months after publication (then it is last year's: news reports the recent past).
    static func inferYear(month: Int, published: LocalDateTime) -> Int {
        month > published.month + 1 ? published.year - 1 : published.year
    }

    static func nextDay(_ y: Int, _ m: Int, _ d: Int) -> (Int, Int, Int) {
        if LocalDateTime(year: y, month: m, day: d + 1).calendarProblem == nil { return (y, m, d + 1) }
        return m == 12 ? (y + 1, 1, 1) : (y, m + 1, 1)
    }

    // MARK: English

    /// Month names by first character, with their numbers; short names both with the period
    /// and with the space that may follow them. Spelled out once, not at every position.
    static let monthTable = WordTable(months.enumerated().map { ($1, $0 + 1) })
    static let shortMonthTable = WordTable(shortMonths.enumerated().flatMap { index, name in [(name + ".", index + 1), (name + " ", index + 1)] })

    static func monthAt(_ lower: ScanText, _ i: Int) -> (month: Int, end: Int)? {
        guard i == 0 || !lower.isLetter(i - 1), i < lower.count else { return nil }
        // Every long name opens with its short one: "the", "and", "said" are ruled out by bits.
        guard shortMonthTable.mayOpenIgnoringCase(lower, at: i) || monthTable.mayOpenIgnoringCase(lower, at: i) else { return nil }
        let key = lower.keys[i]
        for month in monthTable.candidates(startingWith: key) where lower.matches(month.word, at: i) {
            let end = i + month.word.count
            if end == lower.count || !lower.isLetter(end) { return (month.value, end) }
        }
        // The period and space forms of one name are tried together, in the names' order, as
        // the name itself was.
        for month in shortMonthTable.candidates(startingWith: key) where lower.matches(month.word, at: i) {
            let length = month.word.count - 1
            if month.value == 5 || month.value == 3 { continue }  // "may" the verb, "mar" the verb
            return (month.value, i + length + (lower[i + length] == "." ? 1 : 0))
        }
        return nil
    }

    static func english(_ text: ScanText, _ lower: ScanText, at i: Int, published: LocalDateTime) -> DateMention? {
        func valid(_ y: Int, _ m: Int, _ d: Int?) -> Bool {
            (1990...2060).contains(y) && (d == nil || LocalDateTime(year: y, month: m, day: d!).calendarProblem == nil)
        }
        // "July 1, 2025", "July 2025", "on January 12"
        if let (month, end) = monthAt(lower, i) {
            var j = end
            while j < text.count, text[j] == " " { j += 1 }
            if let day = digits(text, at: j, max: 2), (1...31).contains(day.value) {
                var k = day.end
                if FigureScanner.matches(lower, at: k, "st") || FigureScanner.matches(lower, at: k, "nd") || FigureScanner.matches(lower, at: k, "rd") || FigureScanner.matches(lower, at: k, "th") { k += 2 }
                if FigureScanner.matches(text, at: k, ", "), let year = digits(text, at: k + 2), year.end - (k + 2) == 4, valid(year.value, month, day.value) {
                    return DateMention(range: i..<year.end, year: year.value, month: month, day: day.value, precision: .day, relative: false, rule: "en-mdy")
                }
                if FigureScanner.matches(text, at: k, " "), let year = digits(text, at: k + 1), year.end - (k + 1) == 4, valid(year.value, month, day.value) {
                    return DateMention(range: i..<year.end, year: year.value, month: month, day: day.value, precision: .day, relative: false, rule: "en-mdy")
                }
                let year = inferYear(month: month, published: published)
                guard valid(year, month, day.value), !(k < text.count && (text.isLetter(k) || text[k] == "%")) else { return nil }
                return DateMention(range: i..<k, year: year, month: month, day: day.value, precision: .day, relative: false, rule: "en-md")
            }
            if let year = digits(text, at: j), year.end - j == 4, valid(year.value, month, nil) {
                return DateMention(range: i..<year.end, year: year.value, month: month, day: nil, precision: .month, relative: false, rule: "en-my")
            }
            // "in April": a month alone, after a preposition.
            let before = lower.string(max(0, i - 6)..<i)
            if monthPrepositions.contains(where: before.quickHasSuffix) {
                let year = inferYear(month: month, published: published)
                return DateMention(range: i..<end, year: year, month: month, day: nil, precision: .month, relative: false, rule: "en-m")
            }
            return nil
        }
        // "1 July 2025"
        if text.isASCII(i), text.isNumber(i), i == 0 || !(text.isLetter(i - 1) || text.isNumber(i - 1)),
           let day = digits(text, at: i, max: 2), day.end < text.count, text[day.end] == " ", let (month, end) = monthAt(lower, day.end + 1),
           FigureScanner.matches(text, at: end, " "), let year = digits(text, at: end + 1), year.end - (end + 1) == 4, valid(year.value, month, day.value) {
            return DateMention(range: i..<year.end, year: year.value, month: month, day: day.value, precision: .day, relative: false, rule: "en-dmy")
        }
        // "last year", "this year", "next year"
        for (phrase, offset) in englishRelativeYearWords where lower.matches(phrase, at: i) && (i == 0 || !lower.isLetter(i - 1)) {
            return DateMention(range: i..<(i + phrase.count), year: published.year + offset, month: nil, day: nil, precision: .year, relative: true, rule: "en-relative-year")
        }
        // "in 2023", "by 2030", "quarter of 2026": a bare year after a preposition.
        if text.isASCII(i), text.isNumber(i), i == 0 || !(text.isLetter(i - 1) || text.isNumber(i - 1)), let year = digits(text, at: i), year.end - i == 4,
           (1990...2060).contains(year.value), year.end == text.count || !(text[year.end] == "s" || text[year.end] == "%" || text.isLetter(year.end)) {
            let before = lower.string(max(0, i - 16)..<i)
            if yearPrepositions.contains(where: before.quickHasSuffix),
               !FigureScanner.matches(text, at: year.end, " to ") {
                return DateMention(range: i..<year.end, year: year.value, month: nil, day: nil, precision: .year, relative: false, rule: "en-y")
            }
        }
        return nil
    }
}

extension DateRule {
    /// The words before a month alone ("in April") and before a bare year ("by 2030").
    static let monthPrepositions = ["in ", "since ", "until ", "by ", "from ", "early ", "late ", "mid-"]
    static let yearPrepositions = ["in ", "by ", "until ", "before ", "after ", "during ", "since ", "of ", "end of ", "early ", "mid-", "late ", "around ", "about ", "from ",
                                   "targeted for ", "scheduled for ", "slated for ", "planned for ", "expected in "]
    static let englishRelativeYearWords = englishRelativeYears.map { (word: ScanText.Word($0.0), offset: $0.1) }

    // Characters the rules stop at or skip, tested by key (`ScanText.isOne(of:at:)`).
    static let notEarlyAfter = ScanText.OneOf("步次")
    static let dayMarks = ScanText.OneOf("日号")
}
