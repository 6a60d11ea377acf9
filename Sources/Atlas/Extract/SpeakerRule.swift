import Foundation

/// Who a sentence says gives a number: `according to the USGS`, `the IEA estimates`, `analysts
/// say`, `据美国地质调查局统计`, `日本综合研究所估算`. Kept as the words name them; the holder
/// of a figure is a different thing (`MP Materials said its output reached…` has both).
enum SpeakerRule {
    static let englishVerbs = [" said", " says", " say", " estimates", " estimated", " estimate", " reported", " reports", " report",
                               " projects", " projected", " predicts", " predicted", " noted", " notes", " claims", " claimed", " claim",
                               " calculates", " calculated", " forecasts", " forecast", " stated", " states", " data show", " data shows",
                               " figures show", " statistics show"]
    static let groups: Set<String> = ["analysts", "experts", "officials", "economists", "researchers", "observers", "insiders", "sources", "traders"]
    static let chineseVerbs = ["统计", "数据显示", "数据", "报道", "估计", "估算", "测算", "显示", "表示", "指出", "称", "介绍", "消息", "预计", "认为", "分析"]

    /// The speakers of one clause's figures. Only the Chinese reading depends on the figure (the
    /// words before it); the others read the whole clause, once however many figures it has.
    struct Speakers {
        let text: ScanText
        let clause: Range<Int>
        private lazy var clauseText = text.string(clause)
        private lazy var according = SpeakerRule.accordingTo(clauseText)
        private lazy var subject = SpeakerRule.englishSubject(clauseText)

        init(_ text: ScanText, clause: Range<Int>) {
            self.text = text
            self.clause = clause
        }

        mutating func speaker(before figureStart: Int) -> String? {
            if let name = according { return name }
            if let name = SpeakerRule.chinese(text.string(clause.lowerBound..<figureStart)) { return name }
            return subject
        }
    }

    /// Cheap tests before the Foundation searches: most clauses cite nobody.
    static func mayCite(_ clause: String) -> Bool {
        citingWords.anyOccurs(in: clause)
    }

    /// Every word `mayCite` looks for, found in one pass over the clause.
    static let citingWords = ByteNeedles(["据", "ccording to", "iting "] + englishVerbs + chineseVerbs)

    /// "according to the Japan Research Institute, …", "according to USGS data".
    static func accordingTo(_ clause: String) -> String? {
        guard clause.includes("ccording to") || clause.includes("iting "), let at = clause.range(of: "according to ", options: .caseInsensitive) ?? clause.range(of: "citing ", options: .caseInsensitive) else { return nil }
        var words: [Substring] = []
        for word in clause[at.upperBound...].split(separator: " ") {
            let trimmed = word.trimmingScalars(in: ",.;:()'’s")
            let keep = word.first.map { $0.isUppercase || $0.isNumber } ?? false
            if words.isEmpty, ["the", "a", "an"].contains(trimmed.lowercased()) { continue }
            if !keep, !["of", "for", "and", "&"].contains(trimmed) || words.isEmpty {
                if words.isEmpty, groups.contains(trimmed.lowercased()) { return trimmed }
                break
            }
            words.append(Substring(trimmed))
            if word.last.map({ ",.;:".contains($0) }) ?? false { break }
        }
        while let last = words.last, ["of", "for", "and", "&"].contains(last) { words.removeLast() }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// "据路透社报道", "据美国地质调查局统计", "日本综合研究所估算": the name before the verb.
    static func chinese(_ lead: String) -> String? {
        let chars = Array(lead)
        if let start = chars.lastIndex(of: "据") {
            let rest = String(chars[(start + 1)...])
            for verb in chineseVerbs {
                if let at = rest.literalRange(of: verb) {
                    let name = String(rest[..<at.lowerBound]).trimmingWhitespace
                    if !name.isEmpty, name.count <= 16 { return name }
                }
            }
        }
        return nil
    }

    /// "Analysts estimate…", "The IEA projects…", "Benchmark Mineral Intelligence said…".
    static func englishSubject(_ clause: String) -> String? {
        for verb in englishVerbs where clause.includes(verb) {
            guard let at = clause.literalRange(of: verb) else { continue }
            let end = at.upperBound
            if end < clause.endIndex, clause[end].isLetter { continue }
            let before = clause[..<at.lowerBound].split(separator: " ").suffix(5)
            var name: [Substring] = []
            for word in before.reversed() {
                let trimmed = word.trimmingScalars(in: ",.;:()")
                if name.isEmpty, groups.contains(trimmed.lowercased()) { return trimmed.lowercased() }
                guard let first = trimmed.first, first.isUppercase || (trimmed.count > 1 && trimmed.allSatisfy { $0.isUppercase || $0 == "." }) else { break }
                name.insert(Substring(trimmed), at: 0)
            }
            if !name.isEmpty, !["The", "It", "This", "China", "He", "She", "They"].contains(name.joined(separator: " ")) {
                return name.joined(separator: " ")
            }
        }
        return nil
    }
}
