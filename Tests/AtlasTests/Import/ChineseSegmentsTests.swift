import Testing
@testable import Atlas

/// A Chinese body is cut into segments on scalars when its scalars are characters of their own;
/// this holds that reading to the character reading it stands in for.
@Suite struct ChineseSegmentsTests {
    /// Han, the marks that end a sentence, bullets, spaces, ASCII; then pieces that are not
    /// lone scalars (a combining mark after a space or a mark, CR LF, an emoji with a joiner).
    static let pieces = ["稀", "土", "镝", "中国", " ", " ", "  ", "。", "！", "？", "；", "…", "」", "”", "】", "）", "!", "?", "·", "•",
                         "a", "Lynas", "2025", "34%", ",", "，", "、", "（", "\u{3000}", "é",
                         "\u{301}", "\r\n", "👍\u{200D}", "\u{387}", "\u{37E}"]

    @Test func scalarsReadAsCharacters() {
        var generator = SeededGenerator(seed: 19)
        var taken = 0
        for round in 0..<8000 {
            let choices = round % 3 == 0 ? Self.pieces : Array(Self.pieces.prefix(while: { $0 != "\u{301}" }))
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in choices.randomElement(using: &generator)! }.joined()
            let expected = ChineseBodyStructurer.segmentsInCharacters(text)
            if let fast = ChineseBodyStructurer.segmentsInScalars(text) {
                taken += 1
                #expect(fast == expected, "\(text.debugDescription)")
            }
        }
        #expect(taken > 5000)
        #expect(ChineseBodyStructurer.segmentsInScalars("稀土。 ·镝 铽\u{301}") == nil)
        #expect(ChineseBodyStructurer.segmentsInScalars("稀土出口。 ·镝 铽 · 钇") == ["稀土出口。", "·镝铽", "· 钇"])
    }
}
