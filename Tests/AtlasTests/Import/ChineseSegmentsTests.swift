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
        let taken = SeededGenerator.compare(seed: 19, rounds: 8000, pieces: Self.pieces, count: 0...24,
                                            fast: ChineseBodyStructurer.segmentsInScalars, slow: ChineseBodyStructurer.segmentsInCharacters)
        #expect(taken > 5000)
        #expect(ChineseBodyStructurer.segmentsInScalars("稀土。 ·镝 铽\u{301}") == nil)
        #expect(ChineseBodyStructurer.segmentsInScalars("稀土出口。 ·镝 铽 · 钇") == ["稀土出口。", "·镝铽", "· 钇"])
    }
}
