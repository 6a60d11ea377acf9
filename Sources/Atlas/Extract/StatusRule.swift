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
                     "will fund", "will allocate", "will inject", "will build", "will issue", "will contribute", "pledge", "pledged", "pledges",
                     "committed to", "commitment", "commits", "intends", "intend to", "set to invest", "earmarked", "earmark",
                     "计划", "拟", "将投资", "将投入", "承诺", "规划", "将斥资", "将出资", "将提供"]),
            (.forecast, ["expected", "expects", "expect", "projected", "projects", "projection", "forecast", "forecasts", "predicted",
                         "predicts", "likely", "could", "may", "might", "potential", "potentially", "would", "is set to", "are set to",
                         "on track to", "will", "预计", "预期", "有望", "将达", "将占", "或将", "可能", "将会", "预测", "将超", "将增", "将升",
                         "将降", "将减", "将在"]),
            (.estimate, ["estimated", "estimate", "estimates", "estimation", "is thought", "are thought", "believed to", "估计", "估算", "测算", "据估"]),
            (.historical, ["historically", "historical", "once held", "once accounted", "once controlled", "once supplied", "once produced",
                           "once had", "once made", "once dominated", "used to", "previously", "formerly", "at its peak", "peak of",
                           "in the past", "down from", "up from", "曾", "曾经", "一度", "过去", "此前", "以往", "昔日"]),
        ]
        return table.flatMap { status, words in words.map { Cue(word: $0, status: status) } }.sorted { $0.word.count > $1.word.count }
    }()

    /// The cues by their first character, so a position looks only at the words that can start there.
    static let cuesByFirst: [UInt32: [Cue]] = Dictionary(grouping: cues) { ScanText.key($0.word.first!) }

    /// The nearest cue in `range`, with its position; words must stand alone in English.
    static func nearestCue(_ text: ScanText, _ range: Range<Int>) -> (status: ClaimStatus, offset: Int)? {
        guard !range.isEmpty else { return nil }
        let chars = ScanText(text.string(range)).lowercased()
        var i = chars.count - 1
        while i >= 0 {
            for cue in cuesByFirst[chars.keys[i]] ?? [] where chars.matches(cue.word, at: i) {
                let isHan = cue.word.first!.isHan
                let end = i + cue.word.count
                guard isHan || ((i == 0 || !chars.isLetter(i - 1)) && (end == chars.count || !chars.isLetter(end))) else { continue }
                // "May" the month is not "may" the verb.
                if cue.word == "may", text.isUppercase(range.lowerBound + i) { continue }
                return (cue.status, i)
            }
            i -= 1
        }
        return nil
    }

    /// The status the words give (nil when they give none). `segmentBefore` runs from the
    /// previous figure (or the clause start) to this figure; `opening` from the clause start to
    /// its first figure, for figures after the first.
    static func cue(_ text: ScanText, figureIndex k: Int, figures: [FigureMention], clause: Range<Int>) -> ClaimStatus? {
        let figure = figures[k]
        let segmentStart = k > 0 ? figures[k - 1].range.upperBound : clause.lowerBound
        let startingPoint = PeriodRule.isStartingPoint(text, k, figures: figures)
        if let own = nearestCue(text, segmentStart..<figure.range.lowerBound) {
            // "aims to cut reliance from 80%": the goal is the later figure, 80% is where it starts.
            if startingPoint, own.status != .historical { return nil }
            return own.status
        }
        // "a production target of 15,000 tons", "15,000吨的目标": a cue noun right after it.
        let after = text.string(figure.range.upperBound..<min(clause.upperBound, figure.range.upperBound + 8)).lowercased()
        if ["的目标", "目标", " target", " goal"].contains(where: after.hasPrefix) { return .target }
        guard k > 0, !startingPoint else { return nil }
        let own = PeriodRule.ownSegment(k, figures: figures, clause: clause)
        if PeriodRule.saysNow(text, own) { return nil }
        // "projected to meet 5% by 2023, even after investing $1.5 billion": a contrast or a
        // time clause of its own ends the reach of the opening words.
        let words = text.string(own).lowercased()
        if ["after ", "despite", "although", "while ", "whereas", "but ", "compared", "even ", "yet ", "虽然", "尽管", "但", "而", "然而"].contains(where: words.includes) {
            return nil
        }
        return nearestCue(text, clause.lowerBound..<figures[0].range.lowerBound).map(\.status).flatMap { $0 == .historical ? nil : $0 }
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
