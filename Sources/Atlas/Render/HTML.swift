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
        guard text.utf8.contains(where: isEscaped) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out)
        return out
    }

    /// `text(_:)` written straight into a page being rendered: clean runs are copied whole, with
    /// no intermediate string.
    static func append(_ text: String, to output: inout String) {
        var text = text
        // Found in a buffer of the bytes (native strings are contiguous UTF-8 already, so no copy):
        // stepping through `String.UTF8View` indices was most of the escaping time of a page.
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        guard let escapes = utf8.withContiguousStorageIfAvailable({ bytes in bytes.indices.filter { isEscaped(bytes[$0]) } }),
              !escapes.isEmpty else {
            output += text
            return
        }
        var runStart = utf8.startIndex
        for offset in escapes {
            let index = utf8.index(utf8.startIndex, offsetBy: offset)
            // The five characters are ASCII, so these indices fall on scalar boundaries (not
            // always on character boundaries: `"` may carry a combining mark).
            output += Substring(text.unicodeScalars[runStart..<index])
            output += replacement(for: utf8[index])!
            runStart = utf8.index(after: index)
        }
        output += Substring(text.unicodeScalars[runStart...])
    }

    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    private static func replacement(for byte: UInt8) -> String? {
        switch byte {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x22: "&quot;"
        case 0x27: "&#39;"
        default: nil
        }
    }
}
