import Testing
@testable import Atlas

/// A card's teaser is cut and cleared of reference marks on scalars and bytes when the text's
/// scalars are characters of their own; these hold those readings to the character readings they
/// stand in for.
@Suite struct TeaserBytesTests {
    /// Lone scalars (letters, digits, apostrophes, the separators a cut drops, Han, full-width
    /// forms, marks) and pieces that are not (a combining mark, CR LF, emoji, a joiner).
    static let pieces = ["a", "Z", "é", "ß", "3", "'", "’", " ", "\t", "\u{3000}", ",", ";", ":", "、", "，", "；", "：", "-", "–", "—", "(", "（",
                         "稀", "土", "。", "Ａ", "１", "½", "[", "]", "[1]", "[23]", "[]", "[a]", " [4]", "word", "Lynas", "2025",
                         "\u{301}", "\r\n", "\r", "👍", "\u{200D}", "e\u{301}"]

    static func text(_ generator: inout SeededGenerator, lone: Bool, pieces count: ClosedRange<Int>) -> String {
        generator.joined(pieces, count: count, loneOnly: lone)
    }

    @Test func cutsInScalarsAsInCharacters() {
        var generator = SeededGenerator(seed: 15)
        for round in 0..<6000 {
            let text = Self.text(&generator, lone: round % 3 != 0, pieces: 0...60)
            for limit in [1, 2, 7, 20, 80, 140] {
                let fast = BodyRenderer.shortenedInScalars(text, limit: limit)
                if let fast { #expect(fast == BodyRenderer.shortenedInCharacters(text, limit: limit), "\(text.debugDescription) to \(limit)") }
            }
            #expect(BodyRenderer.shorten(text) == BodyRenderer.shortenedInCharacters(text, limit: Language.detect(text) == .chinese ? 80 : 140))
        }
    }

    @Test func marksClearedInBytesAsInCharacters() {
        var generator = SeededGenerator(seed: 16)
        for round in 0..<6000 {
            let text = Self.text(&generator, lone: round % 3 != 0, pieces: 0...30)
            if let fast = BodyRenderer.withoutReferenceMarksInBytes(text) {
                #expect(fast == BodyRenderer.withoutReferenceMarksInCharacters(text), "\(text.debugDescription)")
            }
            #expect(BodyRenderer.withoutReferenceMarks(text) == (text.utf8.contains(UInt8(ascii: "[")) ? BodyRenderer.withoutReferenceMarksInCharacters(text) : text.trimmingWhitespace))
        }
    }

    /// The character split `firstTextLine` stands in for.
    static func firstTextLineInCharacters(_ text: String) -> String {
        text.split(separator: "\n").first { !$0.trimmingWhitespace.isEmpty }.map(String.init) ?? ""
    }

    /// A Markdown card's first line of text, cut at line-feed bytes, is the line the character
    /// split finds: with blank and whitespace-only lines first, CR LF, lone CRs and marks after a line feed.
    @Test func firstLineFoundInBytesAsInCharacters() {
        var generator = SeededGenerator(seed: 17)
        let pieces = Self.pieces + ["\n", "\n", "\n\n", " \n", "\u{3000}\n", "\n\u{301}"]
        for _ in 0..<6000 {
            let text = generator.joined(pieces, count: 0...12)
            #expect(BodyRenderer.firstTextLine(text) == Self.firstTextLineInCharacters(text), "\(text.debugDescription)")
        }
        #expect(BodyRenderer.firstTextLine("\n \n\tLynas said\nmore") == "\tLynas said")
    }

    /// The fast readings are taken for the texts the site has (digests, Chinese paragraphs), and
    /// only for texts made of lone scalars.
    @Test func fastReadingsAreTakenForLoneScalarsOnly() {
        let english = "China holds about 34% of the world's reserves [1][2], while Lynas Rare Earths — Australia's largest producer — expands."
        #expect(BodyRenderer.shortenedInScalars(english, limit: 40) == "China holds about 34% of the world's…")
        #expect(BodyRenderer.withoutReferenceMarksInBytes(english) != nil)
        #expect(BodyRenderer.shortenedInScalars(String(repeating: "稀土", count: 50), limit: 80) != nil)
        #expect(BodyRenderer.shortenedInScalars("e\u{301}" + String(repeating: "x", count: 100), limit: 80) == nil)
        #expect(BodyRenderer.withoutReferenceMarksInBytes("a\r\n[1]") == nil)
    }
}
