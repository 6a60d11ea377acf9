/// A string's UTF-8 bytes, with the test for where its characters (grapheme clusters) start.
///
/// The body structurer and renderer look for ASCII marks (`[12]`, ` - `) that count only where
/// they stand as characters of their own: `[` followed by a combining mark is not the bracket,
/// and a space after a prepended mark belongs to it. Between two ASCII bytes there is always a
/// character boundary (except inside "\r\n"), so the test stays on bytes there and asks the
/// string only next to a non-ASCII byte.
struct GraphemeBytes {
    let string: String
    let bytes: [UInt8]

    init(_ string: String) {
        self.string = string
        bytes = Array(string.utf8)
    }

    var count: Int { bytes.count }

    /// Whether a character starts at byte `offset` (or the text ends there). `offset` must be on
    /// a scalar boundary: next to an ASCII byte, or just past a whole scalar.
    func isBoundary(_ offset: Int) -> Bool {
        if offset <= 0 || offset >= bytes.count { return true }
        let before = bytes[offset - 1], after = bytes[offset]
        if before < 0x80 && after < 0x80 { return !(before == 0x0D && after == 0x0A) }
        return string.utf8.index(string.utf8.startIndex, offsetBy: offset).samePosition(in: string) != nil
    }

    /// Whether the ASCII `byte` stands at `offset` as a character of its own.
    func isCharacter(_ byte: UInt8, at offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] == byte && isBoundary(offset) && isBoundary(offset + 1)
    }

    /// The first place at or after `from` where `needle` (valid UTF-8) stands as whole
    /// characters. For a needle that starts and ends with ASCII bytes this is what
    /// `String.range(of:)` without options and `components(separatedBy:)` find, since an ASCII
    /// character has no canonical equivalent; `String.literalRange(of:)` uses it for the rules'
    /// words.
    func firstRange(of needle: [UInt8], from: Int = 0) -> Range<Int>? {
        guard let first = needle.first, bytes.count >= needle.count, from <= bytes.count - needle.count else { return nil }
        var i = from
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, stands(needle, at: i) { return i..<(i + needle.count) }
            i += 1
        }
        return nil
    }

    /// The last place where `needle` stands as whole characters (`firstRange(of:)` from the end).
    func lastRange(of needle: [UInt8]) -> Range<Int>? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = bytes.count - needle.count
        while i >= 0 {
            if bytes[i] == first, stands(needle, at: i) { return i..<(i + needle.count) }
            i -= 1
        }
        return nil
    }

    /// Whether `needle`'s bytes are at `i` (its first already compared) and start and end there
    /// on character boundaries.
    private func stands(_ needle: [UInt8], at i: Int) -> Bool {
        var k = 1
        while k < needle.count, bytes[i + k] == needle[k] { k += 1 }
        return k == needle.count && isBoundary(i) && isBoundary(i + needle.count)
    }

    /// The text of bytes `range` (on character boundaries) as a string.
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
