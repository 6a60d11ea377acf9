import Foundation

/// When each figure of a clause holds: the period expressions of the clause (`in 2024`,
/// `as of 2024,`, `from 2020 to 2023`, `since the late 1990s`, `by 2030`, `截至2024年底`,
/// `2010年以来`, `去年`, `in June`), each bound to the one figure it qualifies.
///
/// A year belongs to the clause that states the figure, not to the nearest number: in "now
/// sources about 60% from China, down from over 90% in 2009" the year is the 90%'s, and the 60%
/// has none (it is current). English puts a figure's year after it (`69% in 2024`) or opens
/// the clause with it (`In 2024, …`); Chinese puts it before (`2024年的69%`). An opening period
/// covers every figure of the clause that has none of its own, unless the figure's own phrase
/// says `now` or is the starting point of a change (`from 80% to 50% by 2030`).
enum PeriodRule {
    struct Mention: Equatable {
        var range: Range<Int>
        var period: ClaimPeriod
    }

    /// Per figure (in the order given), the period its clause states for it, or nil.
    static func periods(_ text: ScanText, clause: Range<Int>, figures: [FigureMention], published: LocalDateTime) -> [ClaimPeriod?] {
        guard !figures.isEmpty else { return [] }
        let mentions = scan(text, clause: clause, figures: figures, published: published)
        var own: [(mention: Mention, distance: Int)?] = Array(repeating: nil, count: figures.count)
        var opening: Mention?
        // Read by key, not by making the range a `String` of characters each compared with six:
        // only an ASCII or non-Han character can be one of them (`;` also as U+037E).
        func hasStop(_ range: Range<Int>) -> Bool {
            range.contains { i in
                let key = text.keys[i]
                if key < 0x80 { return key == 0x2C || key == 0x3B || key == 0x3A }
                return !text.isHan(i) && text.isOne(of: Self.clauseMarks, at: i)
            }
        }
        for mention in mentions {
            let next = figures.firstIndex { $0.range.lowerBound >= mention.range.upperBound }
            let previous = figures.lastIndex { $0.range.upperBound <= mention.range.lowerBound }
            let forward = isChineseStyle(text, mention)
            let stopAfter = next.map { hasStop(mention.range.upperBound..<figures[$0].range.lowerBound) } ?? true
            let stopBefore = previous.map { hasStop(figures[$0].range.upperBound..<mention.range.lowerBound) } ?? true
            var owner: Int?
            switch (previous, next) {
            case (nil, let k?):
                if isTightBefore(text, mention.range.upperBound, figures[k].range.lowerBound) {
                    owner = k
                } else if isOpener(text, mention, clause: clause) {
                    if opening == nil { opening = mention }
                } else if !stopAfter, forward || isNearBefore(text, mention.range.upperBound, figures[k].range.lowerBound) {
                    owner = k
                }
            case (let j?, nil):
                // Chinese puts a figure's year before it: one after the last figure dates
                // another verb ("预计2027年底投产"), unless it stands in brackets.
                let between = text.lower(figures[j].range.upperBound..<mention.range.lowerBound)
                let subordinate = [" before ", " after ", " when ", " until ", " because ", " while ", " once ", ", so ", " so that "].contains(where: between.includes)
                if !forward && !subordinate || text.string(max(0, mention.range.lowerBound - 1)..<mention.range.lowerBound).contains(where: { "(（".contains($0) }) {
                    owner = j
                }
            case (let j?, let k?):
                if isTightBefore(text, mention.range.upperBound, figures[k].range.lowerBound) {
                    owner = k
                } else if forward {
                    owner = !stopAfter || isOpener(text, mention, clause: clause) ? k : nil
                } else {
                    owner = stopBefore && !stopAfter ? k : j
                }
            default:
                continue
            }
            guard let owner else { continue }
            let distance = mention.range.lowerBound >= figures[owner].range.upperBound
                ? mention.range.lowerBound - figures[owner].range.upperBound : figures[owner].range.lowerBound - mention.range.upperBound
            if own[owner] == nil || distance < own[owner]!.distance { own[owner] = (mention, distance) }
        }
        // An opening period ("In 2024, …", "截至2024年底，…") covers the figures of the statement it
        // opens, not those of a later clause ("2025年10月，美澳签署协议，两国将各投入…").
        var assigned: [Mention?] = own.map { $0?.mention }
        if let opening {
            for k in figures.indices where assigned[k] == nil {
                // "In 2019, before the coup, Myanmar's mines produced …": a short aside between the
                // opening and its statement does not count as a new clause.
                let reach = text.string(opening.range.upperBound..<figures[k].range.lowerBound)
                let pieces = reach.split(omittingEmptySubsequences: false, whereSeparator: { ",，;；".contains($0) })
                let asides = pieces.dropFirst().dropLast().filter { $0.split(separator: " ").count <= 4 && !$0.contains(where: { $0.isHan }) }.count
                let stops = reach.filter { ",，;；".contains($0) }.count - asides
                // "到2030年，随着…投产，中国储量占比可能降至40%": a Chinese deadline or as-of date
                // governs its whole sentence, however many commas follow.
                let governs = isChineseStyle(text, opening) && [.by, .asOf, .since].contains(opening.period.kind)
                if stops <= 1 || governs, !saysNow(text, nearSegment(text, k, figures: figures, clause: clause)), !isStartingPoint(text, k, figures: figures) {
                    assigned[k] = opening
                }
            }
        }
        // "49% of reserves and 69% of production as of 2024": a period after coordinated figures
        // covers each of them.
        for j in figures.indices.reversed() {
            guard let stated = own[j], stated.mention.range.lowerBound >= figures[j].range.upperBound else { continue }
            var k = j - 1
            while k >= 0, assigned[k] == nil {
                let between = text.lower(figures[k].range.upperBound..<figures[k + 1].range.lowerBound)
                guard between.count <= 50, [" and ", "和", "及", "、", "与"].contains(where: between.includes),
                      !between.contains(where: { ";；,，".contains($0) }), !saysNow(text, ownSegment(k, figures: figures, clause: clause)) else { break }
                assigned[k] = stated.mention
                k -= 1
            }
        }
        // "2,700 tons in 2024, which is less than 1.5% of global production", "…27万吨，约占全球
        // 产量的69%", "with China supplying 70% of those imports over the period": a figure that
        // restates the one before it, or refers to its period, shares it.
        for k in figures.indices.dropFirst() where assigned[k] == nil && assigned[k - 1] != nil {
            let between = text.lower(figures[k - 1].range.upperBound..<figures[k].range.lowerBound)
            let after = text.lower(figures[k].range.upperBound..<ownSegment(k, figures: figures, clause: clause).upperBound)
            // "…in 2025, roughly 12% of global mine output": an apposition restates the figure.
            let tail = FigureScanner.withoutHedge(between)
            let apposition = tail.quickHasSuffix(",") || tail.quickHasSuffix("，")
            // "followed by Malaysia at 13% and Japan at 6%": a list shares its period.
            let list = between.includes("followed by") || (between.count <= 40 && [" and ", "、", "和", "及"].contains(where: between.includes)
                                                           && !between.contains { ";；".contains($0) } && !between.includes(", while") && !between.includes(", but"))
            if apposition || list || [", which is", ", which was", ", which represents", ", representing", ", accounting for", ", equivalent to", ", or ", "相当于",
                "，占", ",占", "，约占", ",约占", "，约为", "，相当于"].contains(where: between.includes)
                || ["over the period", "in the same period", "during the same period", "over the same period", "同期"].contains(where: { between.includes($0) || after.includes($0) }) {
                assigned[k] = assigned[k - 1]
            }
        }
        return assigned.map { $0?.period }
    }

    /// A year written the Chinese way (`2024年`, `截至2024年底`, `去年`, `6月`) leads the figure it
    /// dates; an English one (`in 2024`) follows it.
    static func isChineseStyle(_ text: ScanText, _ mention: Mention) -> Bool {
        let words = text.string(mention.range)
        if words.contains(where: { $0.isHan }) { return true }
        let end = mention.range.upperBound
        return end < text.count && (text[end] == "年" || text[end] == "财" || text.isHan(end)) && !text.isLetter(max(0, mention.range.lowerBound - 1))
    }

    /// A period that opens its statement: at the clause start or right after a comma, in a
    /// phrase of its own ("In 2024, …", "As of end-2024, …", "据…数据，截至2024年底，…").
    static func isOpener(_ text: ScanText, _ mention: Mention, clause: Range<Int>) -> Bool {
        var k = mention.range.lowerBound
        while k > clause.lowerBound, !text.isOne(of: Self.clauseMarks, at: k - 1) { k -= 1 }
        let lead = text.string(k..<mention.range.lowerBound).trimmingWhitespace
        let words = lead.split(separator: " ").count
        let short = lead.contains(where: { $0.isHan }) ? lead.count <= 4 : words <= 4
        guard short else { return false }
        // It must stand alone: followed by a comma (after 底/末/初/以来 and the like) or by the
        // statement's subject in Chinese.
        var end = mention.range.upperBound
        while end < clause.upperBound, text.isOne(of: Self.timeSuffixes, at: end) || text.isDigit(end) { end += 1 }
        if end < clause.upperBound, text.isOne(of: Self.commas, at: end) { return true }
        return lead.isEmpty
    }

    /// "in 2024 China produced 69%": an English period a few words before its figure, with no
    /// conjunction between ("began production in 2024 and plans to produce 5,000 tons" is not).
    static func isNearBefore(_ text: ScanText, _ end: Int, _ figureStart: Int) -> Bool {
        let gap = text.lower(end..<figureStart)
        let words = gap.split(separator: " ")
        return words.count <= 4 && !words.contains { ["and", "but", "while", "or", "then", "yet"].contains($0) }
    }

    /// From the previous figure's end to the next figure's start: the words that are this
    /// figure's alone.
    static func ownSegment(_ k: Int, figures: [FigureMention], clause: Range<Int>) -> Range<Int> {
        let start = k > 0 ? figures[k - 1].range.upperBound : clause.lowerBound
        let end = k + 1 < figures.count ? figures[k + 1].range.lowerBound : clause.upperBound
        return start..<max(start, end)
    }

    /// The figure's own words: from the previous figure to the end of this one's phrase (up to
    /// a comma), where a "now" would be this figure's.
    static func nearSegment(_ text: ScanText, _ k: Int, figures: [FigureMention], clause: Range<Int>) -> Range<Int> {
        let segment = ownSegment(k, figures: figures, clause: clause)
        var end = figures[k].range.upperBound
        while end < segment.upperBound, !text.isOne(of: Self.segmentStops, at: end) { end += 1 }
        return segment.lowerBound..<end
    }

    static let nowWords = ["now", "currently", "today", "at present", "presently", "these days", "still", "目前", "现在", "当前", "如今", "现阶段", "眼下", "现今",
                           "仍", "依然", "至今"]

    static func saysNow(_ text: ScanText, _ range: Range<Int>) -> Bool {
        // "仍将" and "will still" speak of the future, not of now.
        let phrase = text.lower(range).quickReplacing("仍将", with: "将").quickReplacing("will still", with: "will")
        return nowWords.contains { word in
            word.first!.isHan ? phrase.includes(word) : phrase.includesWord(word)
        }
    }

    /// `from 80% to 50%`, `由97%降至69%`: the first figure of a change is where it started.
    static func isStartingPoint(_ text: ScanText, _ k: Int, figures: [FigureMention]) -> Bool {
        guard k + 1 < figures.count else { return false }
        let before = text.lower(max(0, figures[k].range.lowerBound - 14)..<figures[k].range.lowerBound).trimmingWhitespace
        let between = text.lower(figures[k].range.upperBound..<figures[k + 1].range.lowerBound)
        let starts = ["from", "from over", "from about", "from around", "from nearly", "from more than", "from less than", "由", "从"]
        // "已从去年的70%降至目前的约55%": Chinese puts the time between 从 and the figure.
        let chineseStart = ["从", "由"].contains { word in before.lastLiteralRange(of: word).map { before.distance(from: $0.upperBound, to: before.endIndex) <= 6 } ?? false }
        guard starts.contains(where: { before.quickHasSuffix($0) }) || chineseStart else { return false }
        return [" to ", "to ", "降至", "升至", "降到", "升到", "提高到", "提高至", "减少到", "减少至", "增至", "增加到", "下降到", "下降至", "到", "至"].contains(where: between.includes)
    }

    /// A period right before a figure with nothing but a few linking characters between
    /// (`2024年的69%`, `2024年占69%`): Chinese word order, where the year leads its figure.
    static func isTightBefore(_ text: ScanText, _ end: Int, _ figureStart: Int) -> Bool {
        guard figureStart >= end, figureStart - end <= 8 else { return false }
        for k in end..<figureStart {
            if text.isASCII(k) && text.isLetter(k) { return false }
            if text.isOne(of: Self.openerStops, at: k) { return false }
        }
        return true
    }

    // MARK: scanning

    static func isYearDigits(_ text: ScanText, _ i: Int) -> Int? {
        guard i + 4 <= text.count, (i..<(i + 4)).allSatisfy({ text.isDigit($0) }) else { return nil }
        if i > 0, text.isDigit(i - 1) || (text.isASCII(i - 1) && text.isLetter(i - 1)) || text[i - 1] == "." || text[i - 1] == "$" { return nil }
        if i > 1, text[i - 1] == ",", text.isDigit(i - 2) { return nil }
        if i + 4 < text.count, text.isDigit(i + 4) || text[i + 4] == "%" || text[i + 4] == "％" || text[i + 4] == "." && i + 5 < text.count && text.isDigit(i + 5) { return nil }
        if i + 5 < text.count, text[i + 4] == ",", text.isDigit(i + 5) { return nil }
        let value = (i..<(i + 4)).reduce(0) { $0 * 10 + Int(text.keys[$1] - 0x30) }
        return (1950...2060).contains(value) ? value : nil
    }

    /// Units and scales that make a four-digit number a quantity, not a year.
    static let quantityAfter = [" ton", " tonne", " metric", " billion", " million", " thousand", " kg", " mw", " gw", " units", " yuan", " dollars",
                                "万", "亿", "吨", "千", "元", "美元", "公斤", "台", "家", "个", "种", "项", "人", "名", "件", "辆"]

    static func scan(_ text: ScanText, clause: Range<Int>, figures: [FigureMention], published: LocalDateTime) -> [Mention] {
        var result: [Mention] = []
        var i = clause.lowerBound
        let figures = figures.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var nextFigure = 0
        let startKeys = startKeys
        while i < clause.upperBound {
            // Figures come in text order: skip those behind, step over the one we are in.
            while nextFigure < figures.count, figures[nextFigure].range.upperBound <= i { nextFigure += 1 }
            if nextFigure < figures.count, figures[nextFigure].range.contains(i) { i = figures[nextFigure].range.upperBound; continue }
            if !mayStart(text, at: i, keys: startKeys) {
                i += 1
            } else if let found = year(text, at: i, clause: clause, published: published) ?? relative(text, at: i, published: published)
                ?? decade(text, at: i) ?? month(text, at: i, published: published) {
                // "2024-25 tons" read as a range of years overlaps a figure: it is not a period.
                if !figures.contains(where: { $0.range.overlaps(found.range) }), found.range.upperBound <= clause.upperBound {
                    result.append(found)
                }
                i = max(found.range.upperBound, i + 1)
            } else {
                i += 1
            }
        }
        return result
    }

    /// The keys the four readers can start at: digits (a year, a decade, `6月`), the first
    /// characters of the relative years and, in either case, the first letters of the English
    /// ones and of the months.
    static let startKeys: KeySet = {
        let english = (relativeYears.map(\.0) + DateRule.months).map { $0.unicodeScalars.first!.value }.filter { $0 < 0x80 }
        return KeySet((0x30...0x39).map(UInt32.init) + english + english.map { $0 & ~0x20 }
                      + relativeYears.map { $0.0.unicodeScalars.first!.value }.filter { $0 >= 0x80 })
    }()

    /// Whether a period may start at `i`: a key of `startKeys`, and for an English word, the
    /// start of one (as `relative` and `month` require). Most positions of a clause start none.
    static func mayStart(_ text: ScanText, at i: Int, keys: KeySet) -> Bool {
        keys.contains(text.keys[i]) && !text.continuesWord(i)
    }

    static func lowerBefore(_ text: ScanText, _ i: Int, _ count: Int) -> String {
        text.lower(max(0, i - count)..<i)
    }

    /// What joins two years of a range, as keys in the case written and in upper case ("2020 TO
    /// 2023"), made once instead of for every year.
    static let yearConnectors = [" to ", " and ", "-", "–", "—", "~", "～", "至", "到", " through ", " until "]
        .map { (spelling: $0, word: ScanText.Word($0), upper: ScanText.Word($0.uppercased())) }
    /// "its 2022 peak", "the 2024 level": the words before a year that make it name a noun.
    static let yearDeterminers = ["its", "the", "a", "their", "'s"].map { (word: $0, spaced: " " + $0) }

    static func year(_ text: ScanText, at i: Int, clause: Range<Int>, published: LocalDateTime) -> Mention? {
        guard let first = isYearDigits(text, i) else { return nil }
        var end = i + 4
        let after = text.lower(end..<min(text.count, end + 10))
        if quantityAfter.contains(where: { after.quickHasPrefix($0) }), !after.quickHasPrefix("年") { return nil }
        let isDecade = after.quickHasPrefix("s") && first % 10 == 0 && !(end + 1 < text.count && text.isLetter(end + 1))
        if isDecade { end += 1 }
        if after.quickHasPrefix("年代") { end += 2 }
        let decadeWords = isDecade || after.quickHasPrefix("年代")
        let before = lowerBefore(text, i, 24).trimmingTrailingSpaces
        // "close to its 2022 peak", "the 2024 level": a year naming another noun dates that noun.
        if yearDeterminers.contains(where: { before.quickHasSuffix($0.spaced) || before == $0.word || before.quickHasSuffix($0.word) && $0.word == "'s" }),
           FigureScanner.matches(text, at: i + 4, " "), i + 5 < text.count, text.isLetter(i + 5), !["to ", "and", "thr", "unt"].contains(text.lower((i + 5)..<min(text.count, i + 8))) {
            return nil
        }
        // A second year: "2020 to 2023", "2020-2023", "2020—2023年", "2020年至2023年", "2024-25".
        var k = end
        if k < text.count, text[k] == "年", !decadeWords { k += 1 }
        for (connector, word, upper) in yearConnectors where text.matches(word, at: k) || text.matches(upper, at: k) {
            let start = k + word.count
            var second: Int?
            if let y = isYearDigits(text, start) { second = y } else if ["-", "–", "—"].contains(connector), start + 2 <= text.count,
                text.isDigit(start), text.isDigit(start + 1), !(start + 2 < text.count && text.isDigit(start + 2)) {
                second = first / 100 * 100 + Int(text.keys[start] - 0x30) * 10 + Int(text.keys[start + 1] - 0x30)
            }
            guard let last = second, last > first, last - first <= 60 else { continue }
            if connector == " and ", !before.quickHasSuffix("between") { continue }
            // "到2030年" after a year is a range only when the first year starts it ("从2020年到2030年", "2020年至2030年").
            var stop = start + (isYearDigits(text, start) != nil ? 4 : 2)
            if stop < text.count, text[stop] == "年" { stop += 1 }
            return Mention(range: (before.quickHasSuffix("from") ? i - 5 : i)..<stop,
                           period: ClaimPeriod(kind: .range, from: first, to: last, resolution: .stated))
        }
        let ending = end < text.count && text[end] == "年" && !decadeWords ? end + 1 : end
        let tail = text.string(ending..<min(text.count, ending + 6))
        // Chinese: "2010年以来", "2010年起", "截至2024年底", "2030年前".
        if ["以来", "起", "开始"].contains(where: tail.quickHasPrefix) || before.quickHasSuffix("自") && tail.quickHasPrefix("以") {
            return Mention(range: i..<ending, period: ClaimPeriod(kind: .since, from: first, isDecade: decadeWords, resolution: .stated))
        }
        if before.quickHasSuffix("截至") || before.quickHasSuffix("截止") || before.quickHasSuffix("截止到") || before.quickHasSuffix("截至到") {
            return Mention(range: i..<ending, period: ClaimPeriod(kind: .asOf, to: first, resolution: .stated))
        }
        if (tail.quickHasPrefix("前") && !["前三", "前两", "前几", "前半", "前一", "前四", "前后"].contains(where: tail.quickHasPrefix)) || tail.quickHasPrefix("之前") {
            return Mention(range: i..<ending, period: ClaimPeriod(kind: .by, to: first, resolution: .stated))
        }
        // "到2030年", "至2030年" is a deadline; "降至2024年的69%" is a change to a dated value.
        if before.quickHasSuffix("到") || before.quickHasSuffix("至"), !"降升增减高长加少达提".contains(before.dropLast().last ?? " ") {
            return Mention(range: i..<ending, period: ClaimPeriod(kind: .by, to: first, resolution: .stated))
        }
        // English lead words, possibly with a month or "the end of" between: "as of end-2024",
        // "as of December 2024", "since the late 1990s", "by the end of 2030".
        let lead = englishLead(before)
        switch lead {
        case "since":
            return Mention(range: i..<ending, period: ClaimPeriod(kind: .since, from: first, isDecade: decadeWords, resolution: .stated))
        case "as of":
            return Mention(range: i..<ending, period: ClaimPeriod(kind: .asOf, to: first, resolution: .stated))
        case "by":
            return Mention(range: i..<ending, period: ClaimPeriod(kind: .by, to: first, resolution: .stated))
        default:
            break
        }
        if decadeWords {
            return Mention(range: i..<ending, period: ClaimPeriod(kind: .range, from: first, to: first + 9, isDecade: true, resolution: .stated))
        }
        return Mention(range: i..<ending, period: .year(first))
    }

    /// The lead word before a year, skipping the words that may stand between (`the end of`,
    /// a month name, `the late`).
    /// Made once: building it at every year read was most of the lead's time.
    static let leadFillers: Set<String> = Set(["the", "end", "of", "late", "early", "mid", "middle", "start", "beginning", "close", "around", "about",
                                               "year", "year-end", "fiscal", "first", "second", "third", "fourth", "half", "quarter", "q1", "q2", "q3", "q4", "h1", "h2"])
        .union(Set(DateRule.months)).union(Set(DateRule.shortMonths))

    static func englishLead(_ before: String) -> String? { englishLead(words: leadWords(before)) }

    /// The lead named by the last of `words` (lowercased) that is not a filler.
    static func englishLead(words: [String]) -> String? {
        var words = words
        let fillers = leadFillers
        while let last = words.last, fillers.contains(last) {
            // "as of end of", "by the end of": stop at the lead.
            if last == "of", words.count >= 2, words[words.count - 2] == "as" { return "as of" }
            words.removeLast()
        }
        guard let last = words.last else { return nil }
        switch last {
        case "since": return "since"
        case "by", "before": return "by"
        case "at" where words.count >= 2 && words[words.count - 2] == "as": return "as of"
        default: return nil
        }
    }

    /// `text` split at spaces and hyphens, each word lowercased. Where the text is cut by scalar
    /// (`LoneScalars.words`), ASCII letters are folded instead: a word with another scalar then
    /// never lowercases to the ASCII words it is compared with (none of those scalars lowercases
    /// to ASCII alone), and folding leaves it unlike them too. Splitting and lowercasing the
    /// characters was most of reading a year's lead in the dense synthetic corpus.
    static func leadWords(_ text: String) -> [String] {
        guard let words = LoneScalars.words(in: text, separatedBy: [" ", "-"]) else {
            return text.split(whereSeparator: { $0 == " " || $0 == "-" }).map { $0.lowercased() }
        }
        return words.map { String(decoding: $0.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self) }
    }

    static let relativeYears: [(String, Int)] = [("last year", -1), ("this year", 0), ("next year", 1), ("past year", -1), ("previous year", -1),
                                                 ("去年", -1), ("今年", 0), ("明年", 1), ("上一年", -1), ("上年", -1)]

    static func relative(_ text: ScanText, at i: Int, published: LocalDateTime) -> Mention? {
        let key = text.keys[i]
        guard relativeFirstKeys.contains(key >= 0x41 && key <= 0x5A ? key + 0x20 : key) else { return nil }
        for (phrase, offset, isHan) in relativeForms {
            let matched = isHan ? FigureScanner.matches(text, at: i, phrase) : FigureScanner.matchesIgnoringCase(text, at: i, phrase)
            guard matched, isHan || i == 0 || !text.isLetter(i - 1) else { continue }
            return Mention(range: i..<(i + phrase.count), period: .year(published.year + offset, resolution: .relative))
        }
        return nil
    }

    /// Tried at every position of every clause, so most positions are turned away by their first
    /// character before any phrase is compared.
    private static let relativeForms = relativeYears.map { ($0.0, $0.1, $0.0.first!.isHan) }
    private static let relativeFirstKeys = Set(relativeYears.map { $0.0.unicodeScalars.first!.value })

    /// "the 1990s" without a four-digit form: "90年代", "上世纪90年代".
    static func decade(_ text: ScanText, at i: Int) -> Mention? {
        guard text.isDigit(i), i + 4 <= text.count, text.isDigit(i + 1), !(i > 0 && text.isDigit(i - 1)),
              FigureScanner.matches(text, at: i + 2, "年代") else { return nil }
        let tens = Int(text.keys[i] - 0x30) * 10 + Int(text.keys[i + 1] - 0x30)
        let from = (tens >= 50 ? 1900 : 2000) + tens
        let before = text.string(max(0, i - 3)..<i)
        let start = before.quickHasSuffix("上世纪") ? i - 3 : i
        let tail = text.string((i + 4)..<min(text.count, i + 7))
        if ["以来", "起", "开始"].contains(where: tail.quickHasPrefix) {
            return Mention(range: start..<(i + 4), period: ClaimPeriod(kind: .since, from: from, isDecade: true, resolution: .stated))
        }
        return Mention(range: start..<(i + 4), period: ClaimPeriod(kind: .range, from: from, to: from + 9, isDecade: true, resolution: .stated))
    }

    /// A month without a year (`in June`, `6月`): the publication year's, or last year's when it
    /// would lie months after publication (news reports the recent past).
    private static let monthFirstKeys = KeySet(DateRule.months.map { $0.unicodeScalars.first!.value })

    static func month(_ text: ScanText, at i: Int, published: LocalDateTime) -> Mention? {
        if text.isDigit(i), !(i > 0 && (text.isDigit(i - 1) || text[i - 1] == "年")) {
            var k = i
            var value = 0
            while k < text.count, k - i < 2, text.isDigit(k) { value = value * 10 + Int(text.keys[k] - 0x30); k += 1 }
            guard k < text.count, text[k] == "月", (1...12).contains(value), !(k + 1 < text.count && text[k + 1] == "以") else { return nil }
            return Mention(range: i..<(k + 1), period: .year(DateRule.inferYear(month: value, published: published), resolution: .publication))
        }
        // Only an ASCII letter lowers to the first letter of an English month: every other word
        // start is turned away before its ten characters are copied and lowered.
        guard text.keys[i] < 0x80, monthFirstKeys.contains(text.keys[i] | 0x20), text.isLetter(i), !(i > 0 && text.isLetter(i - 1)) else { return nil }
        let lower = text.lower(i..<min(text.count, i + 10))
        for (index, name) in DateRule.months.enumerated() where lower.quickHasPrefix(name) && name != "may" {
            let end = i + name.count
            guard end == text.count || !text.isLetter(end) else { continue }
            // "June 2025" is read as the year at 2025; "in June" alone needs a preposition.
            var j = end
            while j < text.count, text[j] == " " || text[j] == "," { j += 1 }
            if isYearDigits(text, j) != nil { return nil }
            let before = lowerBefore(text, i, 8)
            let lead = lowerBefore(text, i, 12)
            guard ["in ", "since ", "until ", "by ", "from ", "early ", "late ", "mid-", "of "].contains(where: before.quickHasSuffix)
                    || ["in the ", "the "].contains(where: lead.quickHasSuffix) && FigureScanner.matchesIgnoringCase(text, at: end, " quarter") else { return nil }
            return Mention(range: i..<end, period: .year(DateRule.inferYear(month: index + 1, published: published), resolution: .publication))
        }
        return nil
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

extension PeriodRule {
    // Characters the rules stop at or skip, tested by key (`ScanText.isOne(of:at:)`).
    static let clauseMarks = ScanText.OneOf(",，;；:：")
    static let timeSuffixes = ScanText.OneOf("底末初年来以起前后中度月日号")
    static let commas = ScanText.OneOf(",，")
    static let segmentStops = ScanText.OneOf(",，;；")
    static let openerStops = ScanText.OneOf(",，;；:：()（）")
}
