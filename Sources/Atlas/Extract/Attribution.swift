/// Decides whose share a figure is, and for import shares who imports.
///
/// The holder is the nearest entity before the figure in its phrase (`China holds 34%`), else an
/// entity introduced by `from`/`by` after it (`90% … coming from China`), else the nearest one
/// earlier in the clause (the sentence's subject). For imports, the supplier is the entity after
/// `on`/`from`/`来自` or named as an adjective (`Chinese rare earths`), and the importer is the one
/// owning the imports (`Japan's dependence`, `U.S. imports`, `美国…进口`).
enum Attribution {
    static let supplierMarkers = ["from ", "on ", "upon ", "来自", "从", "对"]
    static let adjectives: Set<String> = ["Chinese", "American", "Japanese", "Australian", "Malaysian", "Estonian", "Indian", "Russian",
                                          "Burmese", "Vietnamese", "Brazilian", "Canadian", "Korean", "European", "African", "Ukrainian"]

    /// `Malaysia (13%)`: an entity named right before the bracket that holds the figure.
    static func labelling(_ text: ScanText, _ figure: FigureMention, mentions: [EntityMatcher.Mention]) -> String? {
        var k = figure.range.lowerBound
        while k > 0, text[k - 1] == " " { k -= 1 }
        guard k > 0, text[k - 1] == "(" || text[k - 1] == "（" else { return nil }
        k -= 1
        while k > 0, text[k - 1] == " " { k -= 1 }
        return mentions.last(where: { $0.range.upperBound == k })?.entity
    }

    static func holder(_ text: ScanText, _ figure: FigureMention, windows: MetricRule.Windows,
                       mentions: [EntityMatcher.Mention]) -> String? {
        if let labelled = labelling(text, figure, mentions: mentions) { return labelled }
        // The phrase's subject: "MP Materials' Mountain Pass mine in California supplied 12%".
        let inBefore = mentions.filter { windows.before.contains($0.range.lowerBound) && $0.range.upperBound <= figure.range.lowerBound }
        if let subject = inBefore.first { return subject.entity }
        let inAfter = mentions.filter { windows.after.contains($0.range.lowerBound) }
        if let introduced = inAfter.first(where: { precededByMarker(text, $0, ["from ", "by "]) }) { return introduced.entity }
        let clauseBefore = mentions.filter { windows.clause.contains($0.range.lowerBound) && $0.range.upperBound <= figure.range.lowerBound }
        if let subject = clauseBefore.last { return subject.entity }
        return inAfter.first?.entity
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
            let after = text.string(mention.range.upperBound..<min(text.count, mention.range.upperBound + 12)).lowercased()
            return [" rare", " supply", " supplies", " material", " magnet", " ore", " mine", " source"].contains(where: after.hasPrefix)
        }
        func isImporterMarked(_ mention: EntityMatcher.Mention) -> Bool {
            let after = text.string(mention.range.upperBound..<min(text.count, mention.range.upperBound + 24)).lowercased()
            if after.hasPrefix("'s") || after.hasPrefix("’s") || after.hasPrefix(" rare earth import") || after.hasPrefix(" import")
                || after.hasPrefix(" relies") || after.hasPrefix(" depends") || after.hasPrefix(" currently sources") || after.hasPrefix(" sources")
                || after.hasPrefix(" now sources") || after.hasPrefix(" still relies") { return true }
            // 中国稀土矿进口量, 日本的重稀土进口: imports owned by the entity.
            if let at = after.range(of: "进口"), after.distance(from: after.startIndex, to: at.lowerBound) <= 6,
               after[..<at.lowerBound].allSatisfy({ "稀土矿的重轻中".contains($0) }) { return true }
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
        let after = text.string(windows.after).lowercased().trimmingWhitespace
        if after.hasPrefix("of its ") || after.hasPrefix("of their ") || after.hasPrefix("其") { return true }
        // "40% of the Hanau plant's output": owned by something that is not the world.
        if after.hasPrefix("of "), let apostrophe = after.range(of: "'s ") ?? after.range(of: "’s ") {
            let owner = after[..<apostrophe.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            if !["world", "globe", "planet", "industry", "market", "sector"].contains(owner),
               !mentions.contains(where: { windows.after.contains($0.range.lowerBound) }) { return true }
        }
        // Fractions in words ("half", "一半") are everyday speech; they count as shares only
        // when the phrase says of what whole ("of global reserves", "全球的三分之二").
        if figure.rule.hasPrefix("fraction") || figure.rule.hasPrefix("tenths") {
            let phrase = text.string(windows.before.lowerBound..<windows.after.upperBound).lowercased()
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
        let phrase = text.string(windows.before.lowerBound..<windows.after.upperBound).lowercased()
        return ["on imports", "import reliance", "import dependence", "net import", "依赖进口", "进口依赖", "对外依存"].contains(where: phrase.includes)
    }

    static func precededByMarker(_ text: ScanText, _ mention: EntityMatcher.Mention, _ markers: [String]) -> Bool {
        let before = text.string(max(0, mention.range.lowerBound - 10)..<mention.range.lowerBound).lowercased()
        return markers.contains { marker in
            for candidate in [marker, marker + "the "] where before.hasSuffix(candidate) {
                let head = before.dropLast(candidate.count)
                if marker.first!.isHan || head.isEmpty || !(head.last!.isLetter) { return true }
            }
            return false
        }
    }

    /// Drops a country named only to describe what follows it: in "The US company MP Materials
    /// claims…", "Australian miner Lynas", "美国MP材料公司", the figure is the company's.
    static func withoutModifiers(_ text: ScanText, _ mentions: [EntityMatcher.Mention], types: [String: String]) -> [EntityMatcher.Mention] {
        let modifiers: Set<String> = ["country", "region"]
        let heads: Set<String> = ["company", "organisation", "agency", "place", "agreement"]
        var result: [EntityMatcher.Mention] = []
        for (index, mention) in mentions.enumerated() {
            if modifiers.contains(types[mention.entity] ?? ""), index + 1 < mentions.count, heads.contains(types[mentions[index + 1].entity] ?? "") {
                let next = mentions[index + 1]
                let between = text.string(mention.range.upperBound..<next.range.lowerBound)
                let words = between.split(separator: " ")
                let plain = between.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" }
                let isHan = between.contains { $0.isHan }
                // "US company", "Australian rare earth miner", "China's" (possessive): a short,
                // unpunctuated run of words, or a few Han characters with no verb-like 的-phrase.
                if plain && (isHan ? between.count <= 4 : words.count <= 4) && !["and", "with", "to", "from", "than"].contains(where: { w in words.contains { $0 == w } }) {
                    continue
                }
            }
            result.append(mention)
        }
        return result
    }

    /// "Both the U.S. and Australia will invest over $1 billion each", "美澳两国各投资10亿美元":
    /// a figure that holds for each of two or more parties.
    static func eachParty(_ text: ScanText, _ figure: FigureMention, clause: Range<Int>, mentions: [EntityMatcher.Mention]) -> [String] {
        let lead = text.string(clause.lowerBound..<figure.range.lowerBound)
        let tail = text.string(figure.range.upperBound..<min(clause.upperBound, figure.range.upperBound + 40)).lowercased()
        let english = lead.lowercased().includesWord("each") || tail.includesWord("each") || lead.lowercased().includesWord("apiece")
        let chinese = lead.hasSuffix("各") || lead.includes("各自") || lead.includes("分别") || text.string(max(clause.lowerBound, figure.range.lowerBound - 4)..<figure.range.lowerBound).includes("各")
        guard english || chinese else { return [] }
        let before = mentions.filter { clause.contains($0.range.lowerBound) && $0.range.upperBound <= figure.range.lowerBound }
        guard before.count >= 2 else { return [] }
        // The parties are the run of mentions joined by "and", "与", "和", "、" or a comma.
        var run: [EntityMatcher.Mention] = [before[before.count - 1]]
        for mention in before.dropLast().reversed() {
            let between = text.string(mention.range.upperBound..<run[0].range.lowerBound).lowercased().trimmingWhitespace
            guard ["and", "and the", ",", ", and", "与", "和", "、", "及", "以及", "同"].contains(between) else { break }
            run.insert(mention, at: 0)
        }
        let ids = ScopeRule.orderedUnique(run.map(\.entity))
        return ids.count >= 2 ? ids : []
    }

    /// The market a price is quoted in, when the text says so ("European prices", "prices in
    /// China", "中国市场价格"); nil otherwise: export controls that moved a price do not make it
    /// the controlling country's price.
    static func market(_ text: ScanText, _ figure: FigureMention, windows: MetricRule.Windows, mentions: [EntityMatcher.Mention]) -> String? {
        for mention in mentions where windows.clause.contains(mention.range.lowerBound) {
            let after = text.string(mention.range.upperBound..<min(text.count, mention.range.upperBound + 14)).lowercased()
            let before = text.string(max(0, mention.range.lowerBound - 14)..<mention.range.lowerBound).lowercased()
            if [" price", " prices", "'s price", "’s price", " market", "'s market", " domestic price", "市场", "价格", "国内价格", "的价格"].contains(where: after.hasPrefix)
                || ["prices in ", "price in ", "market in "].contains(where: before.hasSuffix) {
                return mention.entity
            }
        }
        return nil
    }
}
