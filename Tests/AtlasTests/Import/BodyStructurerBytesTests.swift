import Foundation
import Testing
@testable import Atlas

/// The structurer reads citation marks and ` - ` separators on bytes; these compare it with the
/// character-by-character reading it replaced, on the inputs where the two could part.
@Suite struct BodyStructurerBytesTests {
    /// The character-by-character `endOfLastCitation` the byte reading replaced.
    static func referenceEndOfLastCitation(in piece: String) -> Int? {
        var result: String.Index?
        var i = piece.startIndex
        while let open = piece[i...].firstIndex(of: "[") {
            var j = piece.index(after: open)
            var digits = 0
            while j < piece.endIndex, piece[j].isASCII, piece[j].isNumber { digits += 1; j = piece.index(after: j) }
            if digits > 0, j < piece.endIndex, piece[j] == "]" {
                var end = piece.index(after: j)
                while end < piece.endIndex, ".,;:)）。；".contains(piece[end]) { end = piece.index(after: end) }
                result = end
                i = end
            } else {
                i = piece.index(after: open)
            }
        }
        return result.map { piece.utf8.distance(from: piece.utf8.startIndex, to: $0) }
    }

    static func byteEnd(_ piece: String) -> Int? {
        BodyStructurer.endOfLastCitation(in: piece).map { piece.utf8.distance(from: piece.utf8.startIndex, to: $0) }
    }

    static let tricky = [
        "", "[]", "[4][5]", "[12345]", "x [1]", "[1]", "[", "]", "[[1]]", "a [1][2]. b", "[1]。；）x", "[1]）\u{301}",
        "[\u{301}1]", "[1\u{301}]", "[1]\u{301}", "\u{600}[1]", "[1].\u{301}", "稀土 [3] 产量", "\r\n[2]\r\n", "[2]\r\n",
        "A [1] - B - C [2]", "a - b", "a -\u{301} b", "a \u{301}- b", "a - \u{301}b", "\u{600} - b", "a - - b", " - ", " -  - ",
        "a\r - b", "a - \r\nb", "👍\u{200D} - x", "[1]\u{200D}👍", "क\u{93F}[1]", "[1]क\u{93F}", "[0001]", "[99999]",
    ]

    @Test func citationEndMatchesTheCharacterReading() {
        for text in Self.tricky {
            #expect(Self.byteEnd(text) == Self.referenceEndOfLastCitation(in: text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func separatorsMatchFoundation() {
        for text in Self.tricky {
            #expect(BodyStructurer.separated(text) == text.components(separatedBy: " - "), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Random texts built from the pieces where bytes and characters part: combining and
    /// prepended marks, CR LF, ZWJ, Han and full-width punctuation next to brackets and digits.
    @Test func randomTextsMatchTheReferences() {
        var generator = SeededGenerator(seed: 15)
        for _ in 0..<4000 {
            let text = SeededGenerator.text(&generator)
            #expect(Self.byteEnd(text) == Self.referenceEndOfLastCitation(in: text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(BodyStructurer.separated(text) == text.components(separatedBy: " - "), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func digestStructureKeepsCitationRunsAndDashes() {
        // Any number of digits closes an item here (the renderer's marks take at most four);
        // "[]" closes nothing.
        #expect(BodyStructurer.structure("Core Insights - A [4][5] - B [12345] - C - D []").blocks == [
            .heading("Core Insights", level: 2), .list(["A [4][5]", "B [12345]", "C - D []"]),
        ])
        // A bracket carrying a combining mark is not a citation mark: no item ends there.
        #expect(BodyStructurer.structure("Core Insights - A [4]\u{301} - B [5]").blocks == [
            .heading("Core Insights", level: 2), .list(["A [4]\u{301} - B [5]"]),
        ])
        #expect(BodyStructurer.structure("").blocks == [])
    }
}

/// A small deterministic generator, so a failing random case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    static let pieces = ["[", "]", "[1]", "[23]", "4", "56789", " ", "-", " - ", ".", ",", ";", ":", ")", "）", "。", "；", "\u{301}", "\u{600}",
                         "\r", "\n", "\r\n", "稀", "土", "a", "Z", "&", "'", "\"", "<", ">", "\u{200D}", "👍", "🇨", "🇳", "\u{93F}", "क", "é", "e\u{301}"]

    static func text(_ generator: inout SeededGenerator) -> String {
        generator.joined(pieces, count: 0...14)
    }

    /// Holds a fast reading to the one it stands in for on `rounds` random texts (two in three
    /// of lone scalars only): wherever the fast one answers, the two agree. Returns how many
    /// texts it answered for, so a suite can check the fast path is the one mostly taken.
    static func compare<Answer: Equatable>(seed: UInt64, rounds: Int, pieces: [String], count: ClosedRange<Int>,
                                           fast: (String) -> Answer?, slow: (String) -> Answer) -> Int {
        var generator = SeededGenerator(seed: seed)
        var taken = 0
        for round in 0..<rounds {
            let text = generator.joined(pieces, count: count, loneOnly: round % 3 != 0)
            guard let answer = fast(text) else { continue }
            taken += 1
            #expect(answer == slow(text), "\(text.debugDescription)")
        }
        return taken
    }

    /// Up to `count` of `pieces` joined; with `loneOnly`, only those before the first combining
    /// acute (the suites that compare a fast reading for lone scalars list those first).
    mutating func joined(_ pieces: [String], count: ClosedRange<Int>, loneOnly: Bool = false) -> String {
        let choices = loneOnly ? Array(pieces.prefix(while: { $0 != "\u{301}" })) : pieces
        return (0..<Int.random(in: count, using: &self)).map { _ in choices.randomElement(using: &self)! }.joined()
    }
}
