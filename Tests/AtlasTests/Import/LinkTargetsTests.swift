import Testing
@testable import Atlas

/// Links into the site are found on bytes when a line's scalars are characters of their own;
/// this holds that reading to the character reading it stands in for.
@Suite struct LinkTargetsTests {
    static let pieces = ["](", "(", "(<", "( ", "]: ", "]:", "@/", "@", "/", "//", "#", "#part", "`", ")", ">", "\"", " ", "\t", "<",
                         "[x]", "articles", "/articles/x/", "@/entities/lynas", "稀土", "é", "a", "1/2", "\u{3000}",
                         "\u{301}", "e\u{301}", "/\u{301}", "👍", "\u{200D}"]

    @Test func bytesReadAsCharacters() {
        var generator = SeededGenerator(seed: 18)
        var taken = 0
        for round in 0..<8000 {
            let choices = round % 3 == 0 ? Self.pieces : Array(Self.pieces.prefix(while: { $0 != "\u{301}" }))
            let line = (0..<Int.random(in: 0...16, using: &generator)).map { _ in choices.randomElement(using: &generator)! }.joined()
            let expected = LinkTargets.inCharacters(line[...])
            if let fast = LinkTargets.inBytes(line[...]) {
                taken += 1
                #expect(fast.map(\.target) == expected.map(\.target) && fast.map(\.column) == expected.map(\.column), "\(line.debugDescription)")
            }
            let chosen = LinkTargets.inLine(line[...])
            #expect(chosen.map(\.target) == expected.map(\.target) && chosen.map(\.column) == expected.map(\.column))
        }
        #expect(taken > 5000)
    }

    @Test func findsLinksWithCharacterColumns() {
        let line = "见 [稀土](@/entities/lynas) 和 `[x](@/no)` [y](/articles/a/) (1/2) [z]: @/topics/t"
        let found = LinkTargets.inLine(line[...])
        #expect(found.map(\.target) == ["@/entities/lynas", "/articles/a/", "@/topics/t"])
        #expect(found.map(\.column) == [8, 44, 69])
        #expect(LinkTargets.inBytes("e\u{301}](/x)"[...]) == nil)
    }
}
