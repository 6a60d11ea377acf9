import Testing
@testable import Atlas

/// Links into the site are found on bytes when a line's scalars are characters of their own;
/// this holds that reading to the character reading it stands in for.
@Suite struct LinkTargetsTests {
    static let pieces = ["](", "(", "(<", "( ", "]: ", "]:", "@/", "@", "/", "//", "#", "#part", "`", ")", ">", "\"", " ", "\t", "<",
                         "[x]", "articles", "/articles/x/", "@/entities/lynas", "稀土", "é", "a", "1/2", "\u{3000}",
                         "\u{301}", "e\u{301}", "/\u{301}", "👍", "\u{200D}"]

    @Test func bytesReadAsCharacters() {
        // Each link as `target@column`, so that the readings compare as arrays.
        func written(_ links: [(target: String, column: Int)]) -> [String] { links.map { "\($0.target)@\($0.column)" } }
        let taken = SeededGenerator.compare(seed: 18, rounds: 8000, pieces: Self.pieces, count: 0...16,
                                            fast: { LinkTargets.inBytes($0[...]).map(written) }, slow: { written(LinkTargets.inCharacters($0[...])) })
        #expect(taken > 5000)
        // The line's own choice of reading gives the character reading's links.
        _ = SeededGenerator.compare(seed: 20, rounds: 3000, pieces: Self.pieces, count: 0...16,
                                    fast: { written(LinkTargets.inLine($0[...])) }, slow: { written(LinkTargets.inCharacters($0[...])) })
    }

    @Test func findsLinksWithCharacterColumns() {
        let line = "见 [稀土](@/entities/lynas) 和 `[x](@/no)` [y](/articles/a/) (1/2) [z]: @/topics/t"
        let found = LinkTargets.inLine(line[...])
        #expect(found.map(\.target) == ["@/entities/lynas", "/articles/a/", "@/topics/t"])
        #expect(found.map(\.column) == [8, 44, 69])
        #expect(LinkTargets.inBytes("e\u{301}](/x)"[...]) == nil)
    }
}
