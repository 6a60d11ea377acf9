import Testing
@testable import Atlas

/// The byte-level splitter gives the lines splitting by characters gives.
@Suite struct LinesTests {
    @Test func sameLinesAsSplittingByCharacters() {
        for text in ["", "\n", "a", "a\n", "\na\n\nb", "稀土\n—“x”\ne\u{301}\n\u{301}x", "a\r\nb\nc", "a\rb", "\r\n\r\n", "x\n\r\ny"] {
            #expect(text.lines() == text.split(separator: "\n", omittingEmptySubsequences: false), "\(text.unicodeScalars.map(\.value))")
            let sub = text.dropFirst()
            #expect(sub.lines() == sub.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }
}
