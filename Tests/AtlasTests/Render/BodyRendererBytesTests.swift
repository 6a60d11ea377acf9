import Testing
@testable import Atlas

/// `inline` reads citation marks on the escaped text's bytes; these compare it with the
/// character-by-character reading it replaced.
@Suite struct BodyRendererBytesTests {
    /// The character-by-character `inline` the byte reading replaced.
    static func referenceInline(_ text: String) -> String {
        let escaped = HTMLEscape.text(text)
        var out = ""
        var run = ""
        var i = escaped.startIndex
        func flushRun() {
            guard !run.isEmpty else { return }
            out += "<sup class=\"ref\">\(run)</sup>"
            run = ""
        }
        while i < escaped.endIndex {
            if escaped[i] == "[", let close = escaped[i...].firstIndex(of: "]"),
               escaped.distance(from: i, to: close) > 1, escaped.distance(from: i, to: close) <= 5,
               escaped[escaped.index(after: i)..<close].allSatisfy({ $0.isASCII && $0.isNumber }) {
                if run.isEmpty, out.hasSuffix(" ") { out.removeLast() }
                run += escaped[i...close]
                i = escaped.index(after: close)
                continue
            }
            flushRun()
            out.append(escaped[i])
            i = escaped.index(after: i)
        }
        flushRun()
        return out
    }

    static let tricky = [
        "", "[]", "[4][5]", "[12345]", "[1234]", "a [1] b [2] [3]", "a  [1]", " [1]", "[1] [2]", "[1]x[2]", "[[1]]", "[1", "1]",
        "[\u{301}1]", "[1\u{301}]", "[1]\u{301}", "a \u{301}[1]", "\u{600} [1]", "\u{600}[1]", "稀土 [3][4]。", "A & B [1] 'q' \"r\" <s>",
        "&[1]", "'\u{301}[1]", "\r\n[2]", "x\r [2]", "[2]\r\n", "👍\u{200D}[1]", "[1]\u{200D}👍", "🇨🇳 [1]", "क\u{93F} [1]", "[0][00][000][0000][00000]",
    ]

    @Test func inlineMatchesTheCharacterReading() {
        for text in Self.tricky {
            #expect(BodyRenderer.inline(text) == Self.referenceInline(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(Array(BodyRenderer.inline(text).utf8) == Array(Self.referenceInline(text).utf8))
        }
    }

    @Test func randomTextsMatchTheCharacterReading() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<4000 {
            let text = SeededGenerator.text(&generator)
            #expect(Array(BodyRenderer.inline(text).utf8) == Array(Self.referenceInline(text).utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func citationRunsBecomeOneMark() {
        #expect(BodyRenderer.inline("China [4][5] holds") == "China<sup class=\"ref\">[4][5]</sup> holds")
        #expect(BodyRenderer.inline("[] [12345] [1]") == "[] [12345]<sup class=\"ref\">[1]</sup>")
        #expect(BodyRenderer.inline("稀土[3]。") == "稀土<sup class=\"ref\">[3]</sup>。")
        #expect(BodyRenderer.inline("a [\u{301}1]") == "a [\u{301}1]")
        #expect(BodyRenderer.inline("") == "")
    }
}
