/// Whether a figure is stated as a fact, an estimate, a goal, a plan, a forecast or history,
/// from the words that lead to it in its own clause (`aims to cut reliance to 50%`, `预计需要
/// 至少2500亿美元`, `down from over 90%`), then from its period (a year in the future is not a
/// measurement; one three or more years before publication is history).
///
/// The cue nearest before the figure wins. A cue before the clause's first figure also covers
/// the later ones ("aims to cut reliance from 80% to 50%" makes the 50% a target), except a
/// figure whose own words say `now` and the starting point of a change (the 80%).
enum StatusRule {
    struct Cue {
        var word: String
        var status: ClaimStatus
    }

    /// Longer words first where one contains another (`will invest` before `will`).
    static let cues: [Cue] = {
        let table: [(ClaimStatus, [String])] = [
            (.target, ["aim", "aims", "aimed", "aiming", "target", "targets", "targeted", "targeting", "goal", "goals", "objective", "seeks to",
                       "seek to", "seeking to", "strive", "strives", "striving", "hopes to", "hope to", "wants to", "want to", "ambition",
                       "力争", "目标", "争取", "力求", "期望", "希望"]),
            (.plan, ["plans to", "plan to", "planned", "planning to", "plans for", "plan", "scheme", "blueprint", "will invest", "to invest", "will spend", "will provide",
                     "will fund", "will allocate", "will inject", "will build", "will issue", "will contribute", "pledge", "pledged", "pledges", "pledging",
                     "committed to", "commitment", "commits", "intends", "intend to", "set to invest", "earmarked", "earmark",
                     "计划", "拟", "将投资", "将投入", "承诺", "规划", "将斥资", "将出资", "将提供"]),
            (.forecast, ["expected", "expects", "expect", "projected", "projects", "projection", "forecast", "forecasts", "predicted",
                         "predicts", "likely", "could", "may", "might", "potential", "potentially", "would", "is set to", "are set to",
                         "on track to", "will", "预计", "预期", "有望", "将达", "将占", "或将", "可能", "将会", "预测", "将超", "将增", "将升",
                         "将降", "将减", "将在", "仍将", "将保持", "将维持", "将"]),
            (.estimate, ["estimated", "estimate", "estimates", "estimation", "is thought", "are thought", "believed to", "估计", "估算", "测算", "据估"]),
            (.historical, ["historically", "historical", "once held", "once accounted", "once controlled", "once supplied", "once produced",
                           "once had", "once made", "once dominated", "once supplying", "once producing", "once accounting", "once assessed",
                           "once estimated", "once put", "once controlling", "used to", "previously", "formerly", "at its peak", "peak of",
                           "in the past", "down from", "up from", "decades ago", "years ago", "a decade ago", "曾", "曾经", "一度", "过去", "此前", "以往", "昔日"]),
        ]
        return table.flatMap { status, words in words.map { Cue(word: $0, status: status) } }.sorted { $0.word.count > $1.word.count }
    }()

    /// Cues too common to outweigh a more specific one in the same phrase: "力争到2030年将这一比例
    /// 降至50%" is a target, not a forecast.
    static let weak: Set<String> = ["将", "will", "would", "could", "may", "might", "likely"]

    /// "两国将…各自投入至少10亿美元", "the bank will provide…": money someone will put in is a plan.
    static func promisesMoney(_ text: ScanText, clause: Range<Int>, before end: Int) -> Bool {
        let lead = text.lower(Attribution.subClauseStart(text, clause: clause, before: end)..<end)
        // Money set aside for later is a plan however it is said: "approved a ₹7,280 crore scheme",
        // "has budgeted ¥40 billion", "earmarked", "计划投资".
        let ringFenced = ["budgeted", "earmarked", "set aside", "allocated", "approved", "scheme", "package", "预算", "拨出", "设立"].contains(where: lead.includes)
        if ringFenced { return true }
        let future = ["将", "拟", "计划", "will ", "plans", "plan to", "to invest", "set to", "going to", "intends"].contains(where: lead.includes)
        let paying = ["投入", "投资", "提供", "出资", "拨款", "融资", "注资", "invest", "spend", "provide", "fund", "lend", "allocate", "inject", "contribute", "finance"]
            .contains(where: lead.includes)
        return future && paying
    }

    /// The cues by their first character, so a position looks only at the words that can start there.
    static let cueTable = WordTable(cues.map { ($0.word, $0) })

    /// The nearest cue in `range`, with its position; words must stand alone in English.
    static func nearestCue(_ text: ScanText, _ range: Range<Int>) -> (status: ClaimStatus, offset: Int, isWeak: Bool)? {
        guard !range.isEmpty else { return nil }
        var weakest: (status: ClaimStatus, offset: Int, isWeak: Bool)?
        var i = range.upperBound - 1
        while i >= range.lowerBound {
            // ASCII case folding on the key: the cue words are lower-case English or Han.
            let key = text.keys[i] >= 0x41 && text.keys[i] <= 0x5A ? text.keys[i] + 0x20 : text.keys[i]
            guard cueTable.firstKeys.contains(key) else { i -= 1; continue }
            // By the word's keys, made once with the table (the cue words are ASCII and Han, one
            // scalar a character): walking each candidate's `String` and counting its characters
            // at every place a cue could start was half of this search.
            for entry in cueTable.candidates(startingWith: key) where text.matchesIgnoringCase(entry.word, at: i) {
                let cue = entry.value
                let end = i + entry.word.count
                guard end <= range.upperBound else { continue }
                let isHan = cue.word.first!.isHan
                guard isHan || ((i == range.lowerBound || !text.isLetter(i - 1)) && (end == range.upperBound || !text.isLetter(end))) else { continue }
                // "May" the month is not "may" the verb.
                if cue.word == "may", text.isUppercase(i) { continue }
                if weak.contains(cue.word) {
                    if weakest == nil { weakest = (cue.status, i - range.lowerBound, true) }
                    break
                }
                return (cue.status, i - range.lowerBound, false)
            }
            i -= 1
        }
        return weakest
    }

    /// What ends the reach of a clause's opening words ("…, while …", "但…").
    static let contrasts = ["after ", "despite", "although", "while ", "whereas", "but ", "compared", "even ", "yet ", ", and", "，并", "虽然", "尽管", "但", "而", "然而"]

    /// The status the words give (nil when they give none). `segmentBefore` runs from the
    /// previous figure (or the clause start) to this figure; `opening` from the clause start to
    /// its first figure, for figures after the first.
    static func cue(_ text: ScanText, figureIndex k: Int, figures: [FigureMention], clause: Range<Int>) -> ClaimStatus? {
        let figure = figures[k]
        // Words before a contrast ("wants to lift output, but China still processes 65%") are
        // another statement's.
        let segmentStart = max(k > 0 ? figures[k - 1].range.upperBound : clause.lowerBound,
                               Attribution.subClauseStart(text, clause: clause, before: figure.range.lowerBound))
        let startingPoint = PeriodRule.isStartingPoint(text, k, figures: figures)
        // "a production target of 15,000 tons", "提高至全球5%的目标": a cue noun right after it.
        let after = text.lower(figure.range.upperBound..<min(clause.upperBound, figure.range.upperBound + 8))
        let targetNoun = ["的目标", "目标", " target", " goal"].contains(where: after.quickHasPrefix)
        // "China once mined as much as 95%": "once" with a past verb.
        let lead = text.lower(segmentStart..<figure.range.lowerBound)
        // Foundation's backward search only where the bytes hold the word (ASCII letters and a
        // space have no canonical twins, so it cannot be there otherwise).
        if lead.includes("once "), let once = lead.range(of: "once ", options: .backwards), lead[once.upperBound...].split(separator: " ").first.map({ $0.quickHasSuffix("ed") || $0.quickHasSuffix("ing") || ["held", "had", "made", "was", "were", "took", "grew", "ran", "led"].contains(String($0)) }) ?? false {
            return .historical
        }
        if let own = nearestCue(text, segmentStart..<figure.range.lowerBound) {
            // "aims to cut reliance from 80%": the goal is the later figure, 80% is where it starts.
            if startingPoint, own.status != .historical { return nil }
            if targetNoun, own.isWeak { return .target }
            return own.status
        }
        if targetNoun { return .target }
        // "从去年的70%降至目前的约55%": where a change started, contrasted with now, is history.
        if startingPoint, k + 1 < figures.count, PeriodRule.saysNow(text, PeriodRule.ownSegment(k + 1, figures: figures, clause: clause)) { return .historical }
        guard k > 0, !startingPoint else { return nil }
        if PeriodRule.saysNow(text, PeriodRule.nearSegment(text, k, figures: figures, clause: clause)) { return nil }
        guard let opening = nearestCue(text, clause.lowerBound..<figures[0].range.lowerBound), opening.status != .historical else { return nil }
        // The opening words reach the later figures of their own statement only: not past a
        // contrast, a new clause ("…, and the Department of Defense has invested $400 million")
        // or more than one comma.
        let reach = text.lower((clause.lowerBound + opening.offset)..<figure.range.lowerBound)
        if Self.contrasts.contains(where: reach.includes) || reach.filter({ ",，;；".contains($0) }).count > 1 { return nil }
        return opening.status
    }

    /// The status from the cue and the period together, and the period a figure with no stated
    /// year gets: now (the publication) for a measurement, the unspecified past for history.
    static func resolve(cue: ClaimStatus?, period stated: ClaimPeriod?, unit: FigureUnit, published: LocalDateTime) -> (ClaimStatus, ClaimPeriod) {
        var status = cue ?? .stated
        // A plan for a share is a goal for it ("plans to raise its share to 20%").
        if status == .plan, unit == .percent { status = .target }
        guard var period = stated else {
            return status == .historical ? (status, .past) : (status, .current(published: published.year))
        }
        if period.kind == .by, status.isMeasurement {
            // "by 2030" of a measurement is a forecast; "by 2023" in a 2025 article is as of then.
            if (period.to ?? 0) > published.year { status = .forecast } else { period.kind = .asOf }
        }
        if status.isMeasurement {
            let last = period.to ?? period.from ?? published.year
            if period.kind != .since, last > published.year { status = .forecast }
            else if period.kind != .since, last <= published.year - 3 { status = .historical }
        }
        return (status, period)
    }
}
