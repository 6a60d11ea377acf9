/// Decides whose share a figure is, and for import shares who imports.
///
/// The holder is the nearest entity before the figure in its phrase (`China holds 34%`), else an
/// entity introduced by `from`/`by` after it (`90% … coming from China`), else the nearest one
/// earlier in the clause (the sentence's subject). For imports, the supplier is the entity after
/// `on`/`from`/`来自` or named as an adjective (`Chinese rare earths`), and the importer is the one
/// owning the imports (`Japan's dependence`, `U.S. imports`, `美国…进口`).
enum Attribution {
    static let supplierMarkers = ["from ", "on ", "upon ", "来自", "从", "对", "依赖", "依靠", "仰赖", "自"]
    static let adjectives: Set<String> = ["Chinese", "American", "Japanese", "Australian", "Malaysian", "Estonian", "Indian", "Russian",
                                          "Burmese", "Vietnamese", "Brazilian", "Canadian", "Korean", "European", "African", "Ukrainian"]

    /// `Malaysia (13%)`: an entity named right before the bracket that holds the figure.
    static func labelling(_ text: ScanText, _ figure: FigureMention, mentions: [EntityMatcher.Mention]) -> String? {
        // "Brazil at 23%", "India at 7.5%": a ranking's item.
        for link in [" at ", " with "] where figure.range.lowerBound >= link.count && FigureScanner.matches(text, at: figure.range.lowerBound - link.count, link) {
            if let named = mentions.last(where: { $0.range.upperBound == figure.range.lowerBound - link.count }) { return named.entity }
        }
        var k = figure.range.lowerBound
        while k > 0, text[k - 1] == " " { k -= 1 }
        guard k > 0, text[k - 1] == "(" || text[k - 1] == "（" else { return nil }
        k -= 1
        while k > 0, text[k - 1] == " " { k -= 1 }
        return mentions.last(where: { $0.range.upperBound == k })?.entity
    }

    static let speechVerbs = SpeakerRule.englishVerbs + [" told", " announced"] + SpeakerRule.chineseVerbs.filter { ["表示", "称", "指出"].contains($0) } + ["披露", "宣布", "透露"]

    /// "MP Materials said Mountain Pass produced…": the one who says is not the one who produced.
    static func isSpeaker(_ text: ScanText, _ mention: EntityMatcher.Mention) -> Bool {
        let after = text.lower(mention.range.upperBound..<min(text.count, mention.range.upperBound + 11))
        return speechVerbs.contains { after.quickHasPrefix($0) && (after.count == $0.count || !(after.dropFirst($0.count).first?.isLetter ?? false)) }
    }

    /// `types` (entity id → type) lets "the country" or "the company" name the last party of that kind.
    static func holder(_ text: ScanText, _ figure: FigureMention, windows: MetricRule.Windows,
                       mentions allMentions: [EntityMatcher.Mention], types: [String: String] = [:]) -> String? {
        // A speaker whose report names another party before the figure ("MP Materials said
        // Mountain Pass produced…") is not the holder; "MP Materials claims a target of…" is.
        let inClause = allMentions.filter { windows.clause.contains($0.range.lowerBound) }
        let speakers = Set(inClause.filter { speaker in
            isSpeaker(text, speaker) && inClause.contains { $0.range.lowerBound > speaker.range.upperBound && $0.range.upperBound <= figure.range.lowerBound }
        }.map(\.range.lowerBound))
        let mentions = speakers.isEmpty ? allMentions : allMentions.filter { !speakers.contains($0.range.lowerBound) }
        if let labelled = labelling(text, figure, mentions: mentions) { return labelled }
        // The phrase's subject: "MP Materials' Mountain Pass mine in California supplied 12%".
        let inBefore = mentions.filter { windows.before.contains($0.range.lowerBound) && $0.range.upperBound <= figure.range.lowerBound }
        if let subject = inBefore.first(where: { !isPrepositionObject(text, $0) }) { return outsideOf(text, subject) }
        // "…coming from China, which controls over 90%": a relative clause's subject is the
        // party right before "which".
        let lead = text.lower(max(0, windows.before.lowerBound - 9)..<windows.before.lowerBound)
        if lead.quickHasSuffix("which ") || lead.quickHasSuffix("who ") || lead.quickHasSuffix("that "),
           let antecedent = mentions.last(where: { $0.range.upperBound <= windows.before.lowerBound && windows.before.lowerBound - $0.range.upperBound <= 9 }) {
            return outsideOf(text, antecedent)
        }
        let inAfter = mentions.filter { windows.after.contains($0.range.lowerBound) }
        if let introduced = inAfter.first(where: { precededByMarker(text, $0, ["from ", "by "]) }) { return introduced.entity }
        // Else the clause's subject: its first party that is not the object of a preposition
        // ("MP Materials produced 47,000 tons at Mountain Pass in 2025, roughly 12%…", "Lynas…,
        // with about 12% of separation capacity outside China").
        let clauseBefore = mentions.filter { windows.clause.contains($0.range.lowerBound) && $0.range.upperBound <= figure.range.lowerBound && !isInsideName(text, $0) }
        let region = subClauseStart(text, clause: windows.clause, before: figure.range.lowerBound)
        let own = clauseBefore.filter { $0.range.lowerBound >= region }
        // A sub-clause of its own ("…, while the Belgian group Solvay plans to invest €100 million")
        // whose subject is not a registered party is nobody's we know, not the main clause's.
        let ownSubjectUnknown = region > windows.clause.lowerBound && own.isEmpty && startsWithSubject(text, from: region, to: figure.range.lowerBound)
        if let subject = own.first(where: { !isPrepositionObject(text, $0) })
            ?? (ownSubjectUnknown ? nil : clauseBefore.filter({ $0.range.lowerBound < region }).first(where: { !isPrepositionObject(text, $0) }))
            ?? (ownSubjectUnknown ? nil : inBefore.first ?? clauseBefore.last) { return outsideOf(text, subject) }
        if ownSubjectUnknown { return nil }
        if let after = inAfter.first { return outsideOf(text, after) }
        // "the country previously held a 19% share", "该国", "the deposit": the party last named
        // of that kind.
        if let kind = referredKind(text, from: region, to: figure.range.lowerBound),
           let named = mentions.last(where: { $0.range.upperBound <= region && kinds[kind]?.contains(types[$0.entity] ?? "") == true }) {
            return named.entity
        }
        // "全国烧结钕铁硼毛坯产量", "国内产量": Chinese prose's own country.
        let ownWords = text.string(region..<figure.range.lowerBound)
        return ["全国", "国内", "我国", "本国"].contains(where: ownWords.includes) ? "china" : nil
    }

    /// "the Belgian group Solvay plans…": the sub-clause names its own subject (a capitalised name
    /// or "the …" noun phrase, or Han characters before the verb), rather than continuing the
    /// main clause's ("…, but accounts for less than 1%").
    static func startsWithSubject(_ text: ScanText, from start: Int, to end: Int) -> Bool {
        let words = text.string(start..<end).trimmingWhitespace
        guard let first = words.first else { return false }
        // A Chinese clause after "但" or "而" goes on about the same subject unless it names a
        // registered party, which the caller has already looked for.
        if first.isHan { return false }
        let lower = words.lowercased()
        if ["it ", "its ", "they ", "their ", "which ", "accounts", "holds", "supplies", "produces", "controls", "has ", "is ", "was "].contains(where: lower.quickHasPrefix) { return false }
        return first.isUppercase || lower.quickHasPrefix("the ") || lower.quickHasPrefix("a ")
    }

    /// The supplier is said as such: after "from", "on", "来自", "依赖", or as "Chinese rare earths".
    static func namesSupplier(_ text: ScanText, _ figure: FigureMention, windows: MetricRule.Windows, mentions: [EntityMatcher.Mention]) -> Bool {
        mentions.contains { mention in
            (windows.before.lowerBound..<windows.after.upperBound).contains(mention.range.lowerBound)
                && (precededByMarker(text, mention, supplierMarkers + ["依赖", "依靠", "depend on ", "rely on ", "relies on "]) || adjectives.contains(mention.spelling))
        }
    }

    static let kinds: [String: Set<String>] = ["country": ["country"], "company": ["company"], "place": ["place"]]

    static func referredKind(_ text: ScanText, from start: Int, to end: Int) -> String? {
        let words = text.lower(start..<end)
        if ["the country", "该国", "这个国家", "该国的"].contains(where: words.includes) { return "country" }
        if ["the company", "the firm", "该公司", "公司的"].contains(where: words.includes) { return "company" }
        if ["the deposit", "the mine", "the project", "该矿", "该项目", "矿床中"].contains(where: words.includes) { return "place" }
        return nil
    }

    static let prepositions = ["in", "at", "of", "from", "to", "near", "into", "outside", "beyond", "across", "for", "on", "by", "than"]

    /// "at Mountain Pass", "in the Northern Territory", "outside China", "在美国": a place or party
    /// named as the object of a preposition is not the subject.
    static func isPrepositionObject(_ text: ScanText, _ mention: EntityMatcher.Mention) -> Bool {
        // "compared with China's 92%": a possessor owns what follows.
        let after = text.string(mention.range.upperBound..<min(text.count, mention.range.upperBound + 2))
        if after == "'s" || after == "’s" { return false }
        let before = text.lower(max(0, mention.range.lowerBound - 12)..<mention.range.lowerBound)
        // "followed by Brazil at 23%": the next party in a ranking.
        if before.quickHasSuffix("followed by ") || before.quickHasSuffix("followed by the ") { return false }
        if before.quickHasSuffix(" "), prepositions.contains(lastWordBeforeThe(before)) { return true }
        return ["在", "于", "从", "向", "对", "位于", "按照", "根据", "依据", "据", "按"].contains(where: before.quickHasSuffix)
    }

    /// The last word `text.split(separator: " ")` gives, or the one before it when that is
    /// "the"; cut by scalar where that is the same (`LoneScalars.words`): splitting the words as
    /// characters cost more than the rest of the preposition test.
    static func lastWordBeforeThe(_ text: String) -> String {
        let words = LoneScalars.words(in: text, separatedBy: [" "]) ?? text.split(separator: " ")
        var last = words.last.map(String.init) ?? ""
        if last == "the", words.count >= 2 { last = String(words[words.count - 2]) }
        return last
    }

    /// "美国地质调查局", "日本石油天然气金属矿产资源机构": a country named inside an organisation's name.
    static func isInsideName(_ text: ScanText, _ mention: EntityMatcher.Mention) -> Bool {
        guard mention.spelling.first?.isHan == true else { return false }
        var k = mention.range.upperBound
        while k < text.count, k - mention.range.upperBound < 10, text.isHan(k) {
            let rest = text.string(k..<min(text.count, k + 3))
            if ["局", "署", "院", "所", "部", "委员会", "银行", "集团", "协会", "中心", "机构", "公司"].contains(where: rest.quickHasPrefix),
               k > mention.range.upperBound { return true }
            k += 1
        }
        return false
    }

    /// Where the figure's own sub-clause starts: after the last "although", "while", "but",
    /// "because", ", which", "，而", "但" before it (else the clause start).
    static let subClauseKeys = KeySet(", ;:，；：但".unicodeScalars.map(\.value))

    /// The markers, in the order they are tried, as keys made once (asked at every key position
    /// between a figure and its clause's start, several times per figure).
    static let subClauseMarkers = [", although ", " although ", ", while ", ", but ", " but ", ", whereas ", " because ", ", which ", ", and ", "; ", ": ",
                                   "，而", "，但", "但", "，并", "；", "："].map(ScanText.Word.init)

    static func subClauseStart(_ text: ScanText, clause: Range<Int>, before end: Int) -> Int {
        let markers = subClauseMarkers, keys = subClauseKeys
        var best = clause.lowerBound
        var i = end - 1
        while i > clause.lowerBound {
            let key = text.keys[i]
            if keys.contains(key), let marker = markers.first(where: { $0.keys[0] == key && text.matches($0, at: i) }) { best = i + marker.count; break }
            i -= 1
        }
        return best
    }

    /// "outside China", "ex-China", "中国以外": everyone but China.
    static func outsideOf(_ text: ScanText, _ mention: EntityMatcher.Mention) -> String {
        let before = text.lower(max(0, mention.range.lowerBound - 9)..<mention.range.lowerBound)
        let after = text.string(mention.range.upperBound..<min(text.count, mention.range.upperBound + 3))
        if before.quickHasSuffix("outside ") || before.quickHasSuffix("ex-") || after.quickHasPrefix("以外") || after.quickHasPrefix("之外") { return "rest-of-world" }
        return mention.entity
    }

    static func imports(_ text: ScanText, _ figure: FigureMention, windows: MetricRule.Windows,
                        mentions: [EntityMatcher.Mention], previousImporter: String?) -> (supplier: String?, importer: String?) {
        let inClause = mentions.filter { windows.clause.contains($0.range.lowerBound) }
        let near = inClause.filter {
            windows.before.contains($0.range.lowerBound) || windows.after.contains($0.range.lowerBound)
        }
        func isSupplierMarked(_ mention: EntityMatcher.Mention) -> Bool {
            if precededByMarker(text, mention, supplierMarkers) { return true }
            // "Chinese rare earths", "Chinese supply"; not "Japanese trading houses".
            guard adjectives.contains(mention.spelling) else { return false }
            let after = text.lower(mention.range.upperBound..<min(text.count, mention.range.upperBound + 12))
            return [" rare", " supply", " supplies", " material", " magnet", " ore", " mine", " source"].contains(where: after.quickHasPrefix)
        }
        func isImporterMarked(_ mention: EntityMatcher.Mention) -> Bool {
            let after = text.lower(mention.range.upperBound..<min(text.count, mention.range.upperBound + 24))
            if after.quickHasPrefix("'s") || after.quickHasPrefix("’s") || after.quickHasPrefix(" rare earth import") || after.quickHasPrefix(" import")
                || after.quickHasPrefix(" relies") || after.quickHasPrefix(" depends") || after.quickHasPrefix(" currently sources") || after.quickHasPrefix(" sources")
                || after.quickHasPrefix(" now sources") || after.quickHasPrefix(" still relies") { return true }
            // 中国稀土矿进口量, 日本的重稀土进口: imports owned by the entity.
            if let at = after.literalRange(of: "进口"), after.distance(from: after.startIndex, to: at.lowerBound) <= 10,
               after[..<at.lowerBound].allSatisfy({ $0.isHan && !"占从向对自来".contains($0) }) { return true }
            return false
        }
        let beforeInClause = inClause.filter { $0.range.upperBound <= figure.range.lowerBound && !isImporterMarked($0) }
        var supplier = near.last(where: { $0.range.upperBound <= figure.range.lowerBound && !isImporterMarked($0) })?.entity
        if let marked = (near + inClause).first(where: isSupplierMarked) { supplier = marked.entity }
        if let labelled = labelling(text, figure, mentions: inClause) {
            supplier = labelled  // "Malaysia (13%)"
        }
        if supplier == nil { supplier = beforeInClause.last?.entity }
        var importer = inClause.first(where: { isImporterMarked($0) && $0.entity != supplier })?.entity
        if importer == nil {
            importer = inClause.first(where: { $0.entity != supplier && !isSupplierMarked($0) })?.entity ?? previousImporter
        }
        return (supplier, importer)
    }

    /// A share of one party's own total (`of its capacity`, `of China's output`,
    /// `承担中国每年…的产量`) rather than of a world or market total.
    static func isRelativeShare(_ text: ScanText, _ figure: FigureMention, windows: MetricRule.Windows,
                                mentions: [EntityMatcher.Mention]) -> Bool {
        let after = text.lower(windows.after).trimmingWhitespace
        // "98% of the world's gallium and about 60% of its germanium": "its" is the world's.
        if after.quickHasPrefix("of its ") || after.quickHasPrefix("of their ") {
            let regionStart = subClauseStart(text, clause: windows.clause, before: figure.range.lowerBound)
            let lead = text.lower(regionStart..<figure.range.lowerBound)
            let world = ["world's", "world", "global"].compactMap { lead.lastLiteralRange(of: $0)?.lowerBound }.max()
            let party = mentions.last { $0.range.lowerBound >= regionStart && $0.range.upperBound <= figure.range.lowerBound }
            let partyOffset = party.map { lead.index(lead.startIndex, offsetBy: min(lead.count, $0.range.lowerBound - regionStart)) }
            if let world, partyOffset.map({ world > $0 }) ?? true { return false }
            return true
        }
        if after.quickHasPrefix("其") { return true }
        // "light rare earths making up about 94% of the total": of what was just counted.
        if after.quickHasPrefix("of the total") || after.quickHasPrefix("of total") || after.quickHasPrefix("of that") || after.quickHasPrefix("of this") { return true }
        let phrase = text.lower(windows.before.lowerBound..<windows.after.upperBound)
        let world = ["world", "global", "全球", "世界", "国际"].contains(where: phrase.includes)
        if text.string(windows.before).includes("其中"), !world { return true }
        // "格陵兰Tanbreez项目的矿石中，中重稀土占比高达27%": a share within something named first.
        let own = text.string(subClauseStart(text, clause: windows.clause, before: figure.range.lowerBound)..<figure.range.lowerBound)
        if !world, ["中，", "中,", "当中"].contains(where: own.includes) { return true }
        // "满足10%的年度需求", "meets 2% of demand": a share of someone's own demand.
        if ["需求", "demand", "consumption", "消费", "needs"].contains(where: phrase.includes) { return true }
        // "占国内镨钕供应的三成", "约占全国的三分之二", "of domestic supply": a national total, not the world's.
        let whole = text.lower(max(windows.clause.lowerBound, figure.range.lowerBound - 12)..<windows.after.upperBound)
        if ["占国内", "占全国", "国内的", "全国的", "of domestic", "of national", "of the domestic", "of the national"].contains(where: whole.includes) { return true }
        let lead = text.lower(windows.before).trimmingWhitespace
        if ["满足", "meet", "meets", "cover", "covers", "satisfy", "satisfies"].contains(where: { lead.quickHasSuffix($0) || lead.includes($0 + " ") && lead.count < 24 }) { return true }
        // "40% of the Hanau plant's output": owned by something that is not the world.
        if after.quickHasPrefix("of "), let apostrophe = after.literalRange(of: "'s ") ?? after.literalRange(of: "’s ") {
            let owner = after[..<apostrophe.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            if !["world", "globe", "planet", "industry", "market", "sector"].contains(owner),
               !mentions.contains(where: { windows.after.contains($0.range.lowerBound) }) { return true }
        }
        // Fractions in words ("half", "一半") are everyday speech; they count as shares only
        // when the phrase says of what whole ("of global reserves", "全球的三分之二").
        if figure.rule.quickHasPrefix("fraction") || figure.rule.quickHasPrefix("tenths") {
            // The whole may be named once for a list: "生产全球逾九成的原生镓和近七成的锗".
            let start = windows.clause.lowerBound
            let phrase = text.lower(start..<windows.after.upperBound)
            if !["world", "global", "globe", "international", "全球", "世界", "国际"].contains(where: phrase.includes) { return true }
        }
        if mentions.contains(where: { windows.after.contains($0.range.lowerBound) && ($0.range.lowerBound - windows.after.lowerBound) <= 6 }) {
            return true
        }
        // Chinese puts the owner of the total before the figure, right after the verb.
        return mentions.contains { mention in
            windows.before.contains(mention.range.lowerBound) && ["占", "承担", "占据", "占到"].contains { verb in
                mention.range.lowerBound >= verb.count && text.string((mention.range.lowerBound - verb.count)..<mention.range.lowerBound) == verb
            }
        }
    }

    /// "reliant on imports for 80–85% of its needs", "import reliance", "依赖进口": how much comes
    /// from abroad at all, with no supplier named.
    static func isGenericImportReliance(_ text: ScanText, windows: MetricRule.Windows) -> Bool {
        let phrase = text.lower(windows.before.lowerBound..<windows.after.upperBound)
        return ["on imports", "import reliance", "import dependence", "net import", "import-reliant", "import reliant", "import-dependent",
                "import dependent", "依赖进口", "进口依赖", "对外依存"].contains(where: phrase.includes)
    }

    static func precededByMarker(_ text: ScanText, _ mention: EntityMatcher.Mention, _ markers: [String]) -> Bool {
        let before = text.lower(max(0, mention.range.lowerBound - 10)..<mention.range.lowerBound)
        return markers.contains { marker in
            for candidate in [marker, marker + "the "] where before.quickHasSuffix(candidate) {
                let head = before.dropLast(candidate.count)
                if marker.first!.isHan || head.isEmpty || !(head.last!.isLetter) { return true }
            }
            return false
        }
    }

    /// Made once: built inside `withoutModifiers`, these two sets were hashed afresh for every figure.
    static let modifierTypes: Set<String> = ["country", "region"]
    static let headTypes: Set<String> = ["company", "organisation", "agency", "place", "agreement"]

    /// Drops a country named only to describe what follows it: in "The US company MP Materials
    /// claims…", "Australian miner Lynas", "美国MP材料公司", the figure is the company's.
    static func withoutModifiers(_ text: ScanText, _ mentions: [EntityMatcher.Mention], types: [String: String]) -> [EntityMatcher.Mention] {
        var result: [EntityMatcher.Mention] = []
        for (index, mention) in mentions.enumerated() {
            if modifierTypes.contains(types[mention.entity] ?? ""), index + 1 < mentions.count, headTypes.contains(types[mentions[index + 1].entity] ?? "") {
                let next = mentions[index + 1]
                let between = text.string(mention.range.upperBound..<next.range.lowerBound)
                // By key (a character of several scalars asked as a `Character`): the text between
                // two mentions is often a sentence, and making each character was most of this rule.
                let isHan = (mention.range.upperBound..<next.range.lowerBound).contains { text.keys[$0] == ScanText.composite ? text[$0].isHan : text.isHan($0) }
                    || (mention.spelling.first?.isHan ?? false)
                // "美国MP材料公司", "澳大利亚的莱纳斯": in Chinese only nothing or 的 may stand between.
                if isHan, !(between.isEmpty || between == "的") { result.append(mention); continue }
                // "US company", "Australian rare earth miner", "China's" (possessive): a short,
                // unpunctuated run of words, or a few Han characters with no verb-like 的-phrase.
                // The text between two mentions is often a sentence or more: its words are counted
                // by key first, and it is read as characters and split only when short.
                let range = mention.range.upperBound..<next.range.lowerBound
                guard isHan ? range.count <= 4 : Self.spaceSeparatedWords(text, range) <= 4 else { result.append(mention); continue }
                let plain = between.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" }
                if plain, case let words = between.split(separator: " "),
                   (isHan ? between.count <= 4 : words.count <= 4) && !["and", "with", "to", "from", "than"].contains(where: { w in words.contains { $0 == w } }) {
                    continue
                }
            }
            result.append(mention)
        }
        return result
    }

    /// How many words `String.split(separator: " ")` makes of the range's text: runs of
    /// characters other than a space (a space is one scalar, so its key is enough).
    static func spaceSeparatedWords(_ text: ScanText, _ range: Range<Int>) -> Int {
        var words = 0
        var inWord = false
        for position in range {
            let isSpace = text.keys[position] == 0x20
            if !isSpace, !inWord { words += 1 }
            inWord = !isSpace
        }
        return words
    }

    /// "Both the U.S. and Australia will invest over $1 billion each", "美澳两国各投资10亿美元":
    /// a figure that holds for each of two or more parties.
    static func eachParty(_ text: ScanText, _ figure: FigureMention, clause: Range<Int>, mentions: [EntityMatcher.Mention]) -> [String] {
        let lead = text.string(clause.lowerBound..<figure.range.lowerBound)
        let tail = text.lower(figure.range.upperBound..<min(clause.upperBound, figure.range.upperBound + 40))
        let english = lead.lowercased().includesWord("each") || tail.includesWord("each") || lead.lowercased().includesWord("apiece")
        let chinese = lead.quickHasSuffix("各") || lead.includes("各自") || lead.includes("分别") || text.string(max(clause.lowerBound, figure.range.lowerBound - 4)..<figure.range.lowerBound).includes("各")
        guard english || chinese else { return [] }
        let before = mentions.filter { clause.contains($0.range.lowerBound) && $0.range.upperBound <= figure.range.lowerBound }
        guard before.count >= 2 else { return [] }
        // The parties are the run of mentions joined by "and", "与", "和", "、" or a comma.
        var run: [EntityMatcher.Mention] = [before[before.count - 1]]
        for mention in before.dropLast().reversed() {
            let between = text.lower(mention.range.upperBound..<run[0].range.lowerBound).trimmingWhitespace
            guard ["and", "and the", ",", ", and", "与", "和", "、", "及", "以及", "同"].contains(between) else { break }
            run.insert(mention, at: 0)
        }
        let ids = run.map(\.entity).orderedUnique()
        return ids.count >= 2 ? ids : []
    }

    /// The market a price is quoted in, when the text says so ("European prices", "prices in
    /// China", "中国市场价格"); nil otherwise: export controls that moved a price do not make it
    /// the controlling country's price.
    static func market(_ text: ScanText, _ figure: FigureMention, windows: MetricRule.Windows, mentions: [EntityMatcher.Mention]) -> String? {
        func names(_ mention: EntityMatcher.Mention) -> Bool {
            let after = text.lower(mention.range.upperBound..<min(text.count, mention.range.upperBound + 30))
            let before = text.lower(max(0, mention.range.lowerBound - 14)..<mention.range.lowerBound)
            // "European terbium oxide prices", "the domestic Chinese price": up to three words between.
            let words = after.split(separator: " ").prefix(4).map { $0.trimmingCharacters(in: .punctuationCharacters) }
            if words.contains(where: { ["price", "prices", "market", "markets"].contains($0) }) || after.quickHasPrefix("'s price") || after.quickHasPrefix("’s price") { return true }
            if ["市场", "价格", "国内价格", "的价格"].contains(where: { after.quickHasPrefix($0) }) { return true }
            // "Neodymium oxide in China averaged 545,000 yuan": the place where it was priced.
            if before.quickHasSuffix(" in ") || before.quickHasSuffix("in "), mention.range.upperBound <= figure.range.lowerBound { return true }
            return ["prices in ", "price in ", "market in ", "markets in "].contains(where: before.quickHasSuffix)
        }
        let candidates = mentions.filter { windows.clause.contains($0.range.lowerBound) && names($0) }
        let before = candidates.last { $0.range.upperBound <= figure.range.lowerBound && $0.range.lowerBound >= (windows.before.lowerBound - 40) }
        if let found = (before ?? candidates.first { $0.range.lowerBound >= figure.range.upperBound })?.entity { return found }
        // "国内氧化铽价格": the domestic (Chinese) price, in Chinese prose.
        let lead = text.string(max(windows.clause.lowerBound, figure.range.lowerBound - 16)..<figure.range.lowerBound)
        return lead.includes("国内") ? "china" : nil
    }
}
