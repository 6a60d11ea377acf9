import Foundation
import Testing
@testable import Atlas

@Suite struct SubstringSearchTests {
    @Test func byteSearchFindsLiteralWords() {
        #expect("生产90%的稀土".includes("稀土"))
        #expect("reserves of China".includes("of C"))
        #expect(!"reserves of China".includes("of c"))
        #expect(!"reserve".includes("reserves"))
        #expect("anything".includes(""))
        #expect(Substring("abc").includes("bc"))
    }

    /// The search in memory (`memchr` for the first byte, `memcmp` for the rest) finds what a
    /// byte-by-byte search finds, in strings and in slices that start inside them.
    @Test func searchInMemoryFindsWhatAByteWalkFinds() {
        let pieces = ["a", "b", "ab", " ", "稀", "土", "稀土", "é", "e\u{301}", "\u{301}", "%", "😀"]
        var random = QuickAffixTests.Sequence(state: 15)
        func string(_ count: Int) -> String { (0..<count).map { _ in pieces[random.next(pieces.count)] }.joined() }
        func naive(_ text: some StringProtocol, _ word: String) -> Bool {
            let bytes = Array(text.utf8), needle = Array(word.utf8)
            guard !needle.isEmpty else { return true }
            guard bytes.count >= needle.count else { return false }
            return (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<($0 + needle.count)]) == needle }
        }
        for _ in 0..<3000 {
            let text = string(random.next(8)), word = string(random.next(3))
            #expect(text.includes(word) == naive(text, word), "\(text) / \(word)")
            let slice = text.dropFirst(random.next(3))
            #expect(slice.includes(word) == naive(slice, word), "\(slice) / \(word)")
        }
    }

    /// One pass for several words answers as asking for each word in turn.
    @Test func severalWordsInOnePassAnswerAsEachInTurn() {
        let words = SpeakerRule.englishVerbs + SpeakerRule.chineseVerbs + ["据", "ccording to", "iting "]
        let needles = ByteNeedles(words)
        let clauses = ["据路透社报道，中国占90%", "analysts said 70%", "China's share is 60%", "according to USGS", "exciting news",
                       "数据", "数", "", "said", "x said", "统计局", "e\u{301} states"]
        for clause in clauses {
            #expect(needles.anyOccurs(in: clause) == words.contains(where: clause.includes), "\(clause)")
        }
        #expect(!ByteNeedles([]).anyOccurs(in: "anything"))
    }

    /// Replacing skips Foundation only where the bytes decide; where a canonical twin may match
    /// (a compatibility ideograph, a decomposed accent), Foundation still answers.
    @Test func quickReplacingAnswersAsFoundation() {
        let pieces = ["仍将", "将", "仍", "\u{2F873}", "will still", "will", "still ", "l", "e\u{301}", "é", " ", "，", "2025年", "Kelvin \u{212A}", "K"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for target in ["仍将", "will still", "é", "K", "2025年", "将", "ll", "lll", " "] {
                #expect(Array(text.quickReplacing(target, with: "#").unicodeScalars) == Array(text.replacingOccurrences(of: target, with: "#").unicodeScalars),
                        "\(text) / \(target)")
            }
        }
        #expect("仍\u{2F873}涨".quickReplacing("仍将", with: "将") == "仍\u{2F873}涨".replacingOccurrences(of: "仍将", with: "将"))
    }

    /// The rules trim words of punctuation scalar by scalar, as Foundation trims a character set,
    /// also where a trimmed scalar is followed by a combining mark or the word ends in an emoji.
    @Test func trimmingScalarsAnswersAsFoundation() {
        let pieces = [",", ".", ";", ":", "(", ")", "'", "’", "s", "S", "\u{301}", "USGS", "稀土", "👍", "e\u{301}", " ", "\r\n"]
        var generator = SeededGenerator(seed: 15)
        for _ in 0..<3_000 {
            let word = generator.joined(pieces, count: 0...6)
            for set in [",.;:()'’s", ",.;:()"] {
                // Scalar by scalar: `==` would also take a canonically equivalent answer.
                let foundation = Array(word.trimmingCharacters(in: CharacterSet(charactersIn: set)).unicodeScalars)
                #expect(Array(word.trimmingScalars(in: set).unicodeScalars) == foundation, "\(word.debugDescription) / \(set)")
                #expect(Array(Substring(word).trimmingScalars(in: set).unicodeScalars) == foundation, "\(word.debugDescription) / \(set)")
            }
        }
    }

    /// The first and last literal ranges are where Foundation's search finds the rules' words,
    /// forwards and backwards, also next to combining marks that join a word's last letter into
    /// another character.
    @Test func literalRangesAreFoundationsForTheRulesWords() {
        let pieces = ["从", "由", "<h2", "{{", "world", "world's", "global", " ", "e\u{301}", "\u{301}", "d", "’s ", "'s ", "进口", "中", "，", "s", "\r\n"]
        let needles = ["从", "由", "<h2", "{{", "world", "world's", "global", "进口", "'s ", "’s "]
        var generator = SystemRandomNumberGenerator()
        func offsets(_ text: String, _ range: Range<String.Index>?) -> [Int]? {
            range.map { [text.utf8.distance(from: text.startIndex, to: $0.lowerBound), text.utf8.distance(from: text.startIndex, to: $0.upperBound)] }
        }
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for needle in needles {
                #expect(offsets(text, text.literalRange(of: needle)) == offsets(text, text.range(of: needle)), "\(text) / \(needle)")
                #expect(offsets(text, text.lastLiteralRange(of: needle)) == offsets(text, text.range(of: needle, options: .backwards)),
                        "\(text) / \(needle)")
                // A suffix from a character boundary, as the heading and tag scanners search.
                let suffix = text[text.index(text.startIndex, offsetBy: Int.random(in: 0...text.count, using: &generator))...]
                #expect(offsets(text, suffix.literalRange(of: needle)) == offsets(text, suffix.range(of: needle)), "\(suffix) / \(needle)")
            }
        }
    }
}
