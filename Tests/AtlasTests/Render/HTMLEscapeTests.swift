import Testing
@testable import Atlas

@Suite struct HTMLEscapeTests {
    /// Scalar by scalar, the reading the word-at-a-time scan must give.
    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func escapesTheFiveCharacters() {
        #expect(HTMLEscape.text(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLEscape.text("稀土 rare earths") == "稀土 rare earths")
        #expect(HTMLEscape.text("") == "")
    }

    /// Random text of every length around the eight-byte words, with the five characters at
    /// every offset, beside multi-byte characters, combining marks and bytes one off the five
    /// (`%`, `;`, `=`, `?`, `(`), which a carry in the word test could mistake for them.
    @Test func escapesAsScalarByScalarOnRandomText() {
        let pieces = ["a", "Z", " ", "&", "<", ">", "\"", "'", "%", ";", "=", "?", "(", "!", "\u{7F}", "é", "\"\u{301}", "稀土", "，", "🇨🇳", "\u{0}", "ab", "abcdefgh"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = Self.reference(text)
            #expect(HTMLEscape.text(text) == expected, "\(text)")
            var appended = UTF8Buffer()
            appended.append("prefix")
            HTMLEscape.append(text, to: &appended)
            #expect(appended.string == "prefix" + expected, "\(text)")
            // A slice of a larger string is bridged and copied the same way.
            let padded = "xx" + text + "yy"
            HTMLEscape.append(String(padded.dropFirst(2).dropLast(2)), to: &appended)
            #expect(appended.string == "prefix" + expected + expected, "\(text)")
        }
    }
}
