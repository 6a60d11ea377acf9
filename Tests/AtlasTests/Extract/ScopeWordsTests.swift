import Testing
@testable import Atlas

/// The scope rule's word lists are read in one pass over a phrase; these answers must be the
/// ones of reading the phrase once per word, as the rule did before.
@Suite struct ScopeWordsTests {
    static func starts(_ text: [UInt8], _ word: [UInt8]) -> [Int] {
        guard let first = word.first, word.count <= text.count else { return [] }
        let isLetter: (UInt8) -> Bool = { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        return (0...(text.count - word.count)).filter { i in
            text[i..<(i + word.count)].elementsEqual(word) && !(isLetter(first) && i > 0 && isLetter(text[i - 1]))
        }
    }

    @Test func onePassAnswersAsOnePassPerWord() {
        let pieces = ["rare earth", "稀土", "中重稀土", "重稀土", "gallium", "镓", "tin ", "tin", "latin ", "aluminium", "aluminum", "iron ore", "ree", "rees",
                      "magnet", "ndfeb", " ", "of ", "the ", "钕铁硼", "镝", "resources", "reserve", "x", "。"]
        let lists: [(ScopeRule.Words, [String])] = [(ScopeRule.rareEarth, ScopeRule.rareEarthWords), (ScopeRule.material, ScopeRule.materials.map(\.0)),
                                                    (ScopeRule.element, ScopeRule.elementWords.map(\.0)), (ScopeRule.generic, ScopeRule.genericWords)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1_500 {
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            for (words, list) in lists {
                let perWord = list.map { Self.starts(bytes, Array($0.utf8)) }
                #expect(ScopeRule.firstHit(text, words) == perWord.compactMap(\.first).min(), "\(text)")
                #expect(ScopeRule.lastHit(text, words) == perWord.compactMap(\.last).max(), "\(text)")
                // Nearest: the hits of every word, the ones inside a longer hit dropped.
                let values = Array(list.indices)
                let hits = perWord.enumerated().flatMap { index, starts in starts.map { (start: $0, end: $0 + list[index].utf8.count, value: index) } }
                let kept = hits.filter { hit in !hits.contains { $0.end - $0.start > hit.end - hit.start && $0.start <= hit.start && $0.end >= hit.end } }
                for first in [true, false] {
                    let chosen = first ? kept.min { ($0.start, $0.end) < ($1.start, $1.end) } : kept.max { ($0.start, $0.end) < ($1.start, $1.end) }
                    let found = ScopeRule.nearest(text, words, values: values, first: first)
                    #expect(found?.offset == chosen?.start && found?.value == chosen?.value, "\(text) first: \(first)")
                }
            }
        }
    }

    /// A phrase is sliced from the body's lower case, stray spaces between Han characters left
    /// out: the same text as lowercasing the phrase and dropping them character by character.
    @Test func aNormalizedPhraseIsThePhraseLowercasedWithoutSpacesInsideChineseWords() {
        func reference(_ text: String) -> String {
            let chars = Array(text.lowercased())
            var out = ""
            for (i, c) in chars.enumerated() {
                if c == " ", i > 0, i + 1 < chars.count, chars[i - 1].isHan, chars[i + 1].isHan { continue }
                out.append(c)
            }
            return out
        }
        let pieces = ["重", " ", "稀土", "  ", "İ", "Σ", "RARE EARTH", "镝" + "\u{301}", "Café", "，", "Ａ", " 90%", "\r\n", "𠀀"]
        var generator = SystemRandomNumberGenerator()
        #expect(ScopeRule.normalized(ScanText("中 重 稀土 Heavy REEs").withLowerCase(), 0..<17) == "中重稀土 heavy rees")
        for _ in 0..<300 {
            let string = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for text in [ScanText(string), ScanText(string).withLowerCase()] {
                let a = Int.random(in: 0...text.count, using: &generator), b = Int.random(in: 0...text.count, using: &generator)
                let range = min(a, b)..<max(a, b)
                #expect(ScopeRule.normalized(text, range) == reference(text.string(range)), "\(string) \(range)")
            }
        }
    }
}
