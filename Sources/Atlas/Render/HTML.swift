/// HTML that the builder made itself (escaped text, cmark's output, SVG it drew). Only values of
/// this type may reach a template unescaped, so article text can never become markup by accident.
public struct TrustedHTML: Hashable, Sendable, CustomStringConvertible {
    public let html: String
    /// Internal: only the builder's own renderers vouch for HTML.
    init(_ html: String) { self.html = html }
    public var description: String { html }

}

public enum HTMLEscape {
    /// Escapes for both text and quoted attribute values, the contexts the templates use.
    public static func text(_ text: String) -> String {
        // Most strings need nothing: check the bytes (all five characters are ASCII, and UTF-8
        // never uses ASCII bytes inside a multi-byte character) before copying anything.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out)
        return out
    }

    /// `text(_:)` written straight into a page being rendered: clean runs are copied whole, with
    /// no intermediate string.
    static func append(_ text: String, to output: inout String) {
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var index = runStart
        while index != bytes.endIndex {
            let replacement: String
            switch bytes[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default:
                bytes.formIndex(after: &index)
                continue
            }
            // The five characters are ASCII, so these indices fall on scalar boundaries (not
            // always on character boundaries: `"` may carry a combining mark).
            output += Substring(text.unicodeScalars[runStart..<index])
            output += replacement
            bytes.formIndex(after: &index)
            runStart = index
        }
        if runStart == bytes.startIndex { output += text } else { output += Substring(text.unicodeScalars[runStart...]) }
    }
}
