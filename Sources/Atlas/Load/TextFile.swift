import Foundation

/// A content file decoded to text, with the quirks of real exports (byte-order mark, CRLF or CR
/// line endings) removed, so that later stages see plain `\n`-separated lines and can still
/// report positions that match what the editor sees.
public struct TextFile: Sendable, Hashable {
    /// Path relative to the site root; used in every diagnostic about this file.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Decodes strictly: a file that is not UTF-8 is an error at the first bad byte, never
    /// silently repaired into replacement characters that would then be published.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<TextFile, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // The standard library's validation is the fast path (a preview reads an edited dump
        // of megabytes before showing the page); our own walk only finds where a bad byte is.
        let validated = String(validating: body, as: UTF8.self)
        if validated == nil, let bad = firstInvalidUTF8(body) {
            return .failure(Diagnostic(
                .error, at: SourceLocation(file: path, line: bad.line, column: bad.column),
                "the file is not valid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true)) at this position)",
                hint: "save the file as UTF-8, for example with `iconv -f GB18030 -t UTF-8`"))
        }
        // Control characters other than tab and line ends are never text, and make XML (the
        // feed, the sitemap) ill-formed downstream.
        if let control = firstControl(body) {
            let place = position(of: control, in: body)
            let name = body[control] == 0 ? "a NUL byte" : "the control character 0x\(String(body[control], radix: 16, uppercase: true))"
            return .failure(Diagnostic(
                .error, at: SourceLocation(file: path, line: place.line, column: place.column),
                "the file contains \(name)",
                hint: "remove it; text files never need one"))
        }
        var text = validated ?? String(decoding: body, as: UTF8.self)
        // Looked for in the bytes: `String.contains("\r")` is Foundation's locale-aware search,
        // which took a third of reading a 20 MB corpus.
        if body.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(TextFile(path: path, text: text))
    }

    /// The file's lines, numbered from 1, for parsers that report by line.
    public var lines: [Substring] {
        text.lines()
    }

    private static func position(of index: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = bytes.startIndex
        while i < index {
            let b = bytes[i]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    /// The first control character other than tab and line ends, eight bytes at a time: a word
    /// with no byte below 0x20 and none equal to 0x7F (nearly every word of text) is passed over
    /// whole; only the others are looked at byte by byte.
    static func firstControl(_ bytes: ArraySlice<UInt8>) -> Int? {
        func isControl(_ b: UInt8) -> Bool { b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D || b == 0x7F }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i + 8 <= buffer.count {
                let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let deleted = word ^ (0x7F &* ones)
                // Bytes below 0x20 (a lower byte's borrow can only flag a byte above it too, which is
                // then checked one by one), and bytes equal to 0x7F.
                if ((word &- 0x20 &* ones) & ~word & highs) | ((deleted &- ones) & ~deleted & highs) != 0 {
                    for k in i..<(i + 8) where isControl(buffer[k]) { return bytes.startIndex + k }
                }
                i += 8
            }
            for k in i..<buffer.count where isControl(buffer[k]) { return bytes.startIndex + k }
            return nil
        }
    }

    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (line: Int, column: Int, byte: UInt8)? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            let length: Int
            var minimum: UInt32 = 0
            var scalar: UInt32
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07); minimum = 0x10000
            default:
                let p = position(of: i, in: bytes); return (p.line, p.column, b)
            }
            if i + length > end {
                let p = position(of: i, in: bytes); return (p.line, p.column, b)
            }
            for k in 1..<length {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 {
                    let p = position(of: i, in: bytes); return (p.line, p.column, b)
                }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                let p = position(of: i, in: bytes); return (p.line, p.column, b)
            }
            i += length
        }
        return nil
    }
}
