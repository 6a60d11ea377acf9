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
        var bytes = text
        guard bytes.withUTF8({ nextEscaped($0, from: 0) != nil }) else { return text }
        var out = UTF8Buffer(capacity: text.utf8.count + 16)
        append(text, to: &out)
        return out.string
    }

    /// `text(_:)` written straight into a page being rendered: clean runs are copied whole, with
    /// no intermediate string. The five characters are ASCII, and UTF-8 never uses an ASCII byte
    /// inside a longer character, so the runs between them are whole scalars, copied as they are.
    static func append(_ text: String, to output: inout UTF8Buffer) {
        // A copy to read the bytes of (`withUTF8` needs its string to itself); no bytes are copied.
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            while let found = nextEscaped(bytes, from: run) {
                output.append(UnsafeBufferPointer(rebasing: bytes[run..<found]))
                output.append(replacement(for: bytes[found]))
                run = found + 1
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    /// The offset of the first byte from `start` on that must be escaped. Eight bytes at a
    /// time: a page's text is mostly clean, and byte by byte this scan was half of escaping.
    static func nextEscaped(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var offset = start
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
                if hasEscaped(word) { break }
                offset += 8
            }
        }
        while offset < bytes.count {
            if isEscaped(bytes[offset]) { return offset }
            offset += 1
        }
        return nil
    }

    /// Whether one of the eight bytes is one of the five: for each, a byte of `word ^ repeated`
    /// is zero exactly where it stands, and `(x - 0x01…) & ~x & 0x80…` is nonzero exactly when
    /// some byte of `x` is zero.
    @inline(__always)
    private static func hasEscaped(_ word: UInt64) -> Bool {
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 {
            (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        }
        return zeroBytes(word ^ 0x2626_2626_2626_2626) | zeroBytes(word ^ 0x3C3C_3C3C_3C3C_3C3C)
            | zeroBytes(word ^ 0x3E3E_3E3E_3E3E_3E3E) | zeroBytes(word ^ 0x2222_2222_2222_2222)
            | zeroBytes(word ^ 0x2727_2727_2727_2727) != 0
    }

    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    private static func replacement(for byte: UInt8) -> StaticString {
        switch byte {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x22: "&quot;"
        default: "&#39;"
        }
    }
}
