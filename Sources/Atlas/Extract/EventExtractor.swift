/// Finds the dated events in an article body: each date expression (`DateRule`) in its clause,
/// kept apart as a target when it lies after publication or follows a goal word (`by 2030`,
/// `力争`, `计划`), and dropped when it only dates a statistic (`production in 2024 was 270 kt`).
public struct EventExtractor: Sendable {
    let matcher: EntityMatcher

    public init(entities: [Entity]) {
        self.matcher = EntityMatcher(entities: entities)
    }

    static let targetWords = ["by ", "by around ", "by about ", "by the end of ", "target", "targeted for ", "aims to", "aim to", "plans to", "plan to",
                              "will ", "expected to", "projected", "goal", "scheduled for ", "slated for ", "planned for ",
                              "力争", "计划", "预计", "将于", "将在", "拟", "目标", "到", "争取", "有望", "将"]
    /// Words that make a whole clause about the future: a date in it that is not in the past
    /// is a plan, and a month named without a year is the coming one.
    static let futureWords = [" will ", " plans ", " plan to ", "scheduled", "starting", "escalat", "is set to", " aims ", "aiming", "targeted",
                              "计划", "将于", "将在", "拟", "预计", "力争", "有望"]

    public func events(articleID: String, body: String, published: LocalDateTime) -> [Event] {
        events(articleID: articleID, in: AnalyzedText(body, matcher: matcher), published: published)
    }

    func events(articleID: String, in analyzed: AnalyzedText, published: LocalDateTime) -> [Event] {
        let text = analyzed.text
        let dates = DateRule.scan(text, published: published)
        guard !dates.isEmpty else { return [] }
        let mentions = analyzed.mentions
        let figures = analyzed.figures
        var events: [Event] = []
        var seen: [String: Int] = [:]
        for clause in analyzed.clauses {
            let inClause = dates.filter { clause.contains($0.range.lowerBound) }
            for var date in inClause {
                // Plans are stated before their date ("plans to impose … starting February 1",
                // "scheduled for …"); a future word after it belongs to another verb.
                let lead = text.lower(clause.lowerBound..<date.range.lowerBound)
                let future = Self.futureWords.contains(where: lead.includes)
                // A month or day named without a year in a clause about plans is the next one.
                if future, ["en-md", "en-m", "zh-md", "zh-m"].contains(date.rule), isBefore(date, published) {
                    date.year += 1
                    // 29 February may not exist next year: keep the month, drop the day.
                    if let m = date.month, let d = date.day, LocalDateTime(year: date.year, month: m, day: d).calendarProblem != nil {
                        date.day = nil
                        date.precision = .month
                    }
                }
                let before = text.lower(max(clause.lowerBound, date.range.lowerBound - 14)..<date.range.lowerBound)
                let near = text.string(max(clause.lowerBound, date.range.lowerBound - 6)..<date.range.lowerBound)
                let goal = Self.targetWords.contains { word in
                    word.first!.isHan ? (near.includes(word) && word != "到") : before.quickHasSuffix(word)
                } || (near.quickHasSuffix("到") && date.precision == .year)
                // A year or month next to a measurement qualifies the measurement ("8% lower in
                // December", "2,900 tons last year"), unless the clause is about plans.
                if Self.isStatistic(text, date: date, clause: clause, figures: figures), !goal, !future { continue }
                if Self.isDateline(text, date: date, clause: clause) { continue }
                let after = isAfter(date, published)
                let notPast = after || !isBefore(date, published)
                let status: Event.Status = after || goal || (future && notPast) ? .target : .happened
                let quoteRange = ClaimExtractor.trimmed(text, clause)
                let quote = text.string(quoteRange)
                let identity = "\(articleID)\u{1F}\(quote)\u{1F}\(date.range.lowerBound - quoteRange.lowerBound)"
                var id = "e" + Slug.stableHash(identity)
                if let count = seen[id] { id += "-\(count + 1)" }
                seen[id, default: 0] += 1
                let actors = mentions.filter { clause.contains($0.range.lowerBound) }.map(\.entity).orderedUnique()
                events.append(Event(id: id, year: date.year, month: date.month, day: date.day, precision: date.precision, kind: .event,
                                    status: status, summary: quote, actors: actors, article: articleID, quote: quote,
                                    source: nil, sourceURL: nil, rule: date.rule + (date.relative ? "+relative" : ""),
                                    approximation: date.approximation))
            }
        }
        return events
    }

    /// A Chinese report's dateline, "【Rare Earth Exchanges网 1月5日报道】": the day the report
    /// was filed, which the article's own date already gives, not something that happened then.
    static func isDateline(_ text: ScanText, date: DateMention, clause: Range<Int>) -> Bool {
        // The brackets found by key (each is one scalar, with no other spelling): the lead can be
        // most of a long clause, and reading it as characters was half a percent of a build.
        let opening: UInt32 = 0x3010, closing: UInt32 = 0x3011 // 【 】
        guard let open = (clause.lowerBound..<date.range.lowerBound).last(where: { text.keys[$0] == opening }),
              !(open..<date.range.lowerBound).contains(where: { text.keys[$0] == closing }) else { return false }
        guard let close = (date.range.upperBound..<min(clause.upperBound, date.range.upperBound + 8)).first(where: { text.keys[$0] == closing })
        else { return false }
        let head = text.string(date.range.upperBound..<close)
        return ["报道", "讯", "电"].contains { head.quickHasSuffix($0) }
    }

    static let eventWords = ["announc", "signed", "sign ", "impos", "launch", "introduc", "enact", "banned", "halted", "visit", "met ", "meeting", "began",
                             "started", "opened", "passed", "approved", "issued", "took effect", "suspend",
                             "宣布", "签署", "实施", "发布", "启动", "开始", "采集", "开会", "会晤", "访问", "通过", "出台", "颁布", "生效", "暂停", "投产", "成立", "举行"]
    static let changeWords = ["surged", "soared", "jumped", "plunged", "plummeted", "decreased", "increased", "declined", "dropped", "fell ", "rose ",
                              "doubled", "tripled", "halved", "激增", "暴增", "暴跌", "骤降", "大增", "大跌", "下降", "增长", "减少", "增加", "下跌", "上涨", "翻番"]
    static let financialWords = ["loss", "profit", "revenue", "sales", "debt", "亏损", "利润", "营收", "收入", "债务"]

    /// A year or month that only says when a measurement was taken: the measurement stands in
    /// the date's own phrase ("surged to 352.8 tons in June", "a net loss of $65 million last
    /// year"), or the date opens the clause on its own ("In 2024, China's share was 85%"). A
    /// phrase that names an act ("the announcement … in April 2025") is an event all the same.
    static func isStatistic(_ text: ScanText, date: DateMention, clause: Range<Int>, figures: [FigureMention]) -> Bool {
        guard date.precision != .day else { return false }
        var start = date.range.lowerBound, end = date.range.upperBound
        // A comma between digits is a thousands separator, not a phrase boundary.
        func isStop(_ k: Int) -> Bool {
            phraseStops.contains(text.keys[k]) && !(text.keys[k] == 0x2C && k > 0 && k + 1 < text.count && text.isNumber(k - 1) && text.isNumber(k + 1))
        }
        while start > clause.lowerBound, !isStop(start - 1) { start -= 1 }
        while end < clause.upperBound, !isStop(end) { end += 1 }
        let phrase = text.lower(start..<end)
        if eventWords.contains(where: phrase.includes) { return false }
        // "In December 2025, exports … decreased by 8%", "surged to 352.8 tons in June": a change
        // dated to a month is something that happened then; a year's level is a statistic.
        // The base or span of a change ("a 660% increase from May", "rose 30% between January
        // and April") is not when something happened.
        let clauseText = text.lower(clause)
        let lead = text.lower(max(clause.lowerBound, date.range.lowerBound - 40)..<date.range.lowerBound)
        let isBase = ["from ", "between ", "than ", "since ", "compared with ", "compared to ", "versus ", "较", "比"].contains(where: lead.quickHasSuffix)
            || (lead.quickHasSuffix("and ") && lead.includes("between "))
        // The change must be the date's own: in its phrase, or in the clause a bare "In
        // December 2025," opens.
        let rest = phrase.quickReplacing(text.lower(date.range), with: "").trimmingWhitespace
        let bare = ["", "in", "by", "as of", "since", "during", "until"].contains(rest)
        if date.precision == .month, !isBase, changeWords.contains(where: (bare ? clauseText : phrase).includes) { return false }
        func isMeasurement(_ figure: FigureMention) -> Bool {
            [.percent, .tonnes, .usdPerKg, .usdPerTonne, .cnyPerTonne, .cnyPerKg].contains(figure.unit) || financialWords.contains(where: phrase.includes)
        }
        if figures.contains(where: { (start..<end).contains($0.range.lowerBound) && isMeasurement($0) }) { return true }
        // "In 2024," on its own, followed by the measurement.
        return bare && figures.contains { clause.contains($0.range.lowerBound) && isMeasurement($0) }
    }

    /// What ends a date's phrase, as character keys.
    static let phraseStops = KeySet(",，;；()（）".unicodeScalars.map(\.value))

    /// Before publication at the date's own precision (the publication's own month is not).
    func isBefore(_ date: DateMention, _ published: LocalDateTime) -> Bool {
        switch date.precision {
        case .year: return date.year < published.year
        case .month: return (date.year, date.month ?? 0) < (published.year, published.month)
        case .day: return (date.year, date.month ?? 0, date.day ?? 0) < (published.year, published.month, published.day)
        }
    }

    func isAfter(_ date: DateMention, _ published: LocalDateTime) -> Bool {
        Self.isAfter(year: date.year, month: date.month, day: date.day, precision: date.precision, published)
    }

    /// After publication at the date's own precision: "2025-11" is after a 2025-10-21 article,
    /// "2025" is not after anything published in 2025.
    static func isAfter(year: Int, month: Int?, day: Int?, precision: Event.Precision, _ published: LocalDateTime) -> Bool {
        switch precision {
        case .year: return year > published.year
        case .month: return (year, month ?? 0) > (published.year, published.month)
        case .day: return (year, month ?? 0, day ?? 0) > (published.year, published.month, published.day)
        }
    }
}
