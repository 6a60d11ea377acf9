/// Scalars that are always characters of their own: between two of them Unicode always breaks
/// characters, and none is canonically equivalent to another sequence of them. In a text made
/// only of these, characters are scalars, and comparing bytes is comparing characters; that lets
/// the hot paths (scanning bodies, tagging blocks, the rules' prefix and suffix tests) work on
/// UTF-8 and leave Unicode's character breaking to texts that need it.
///
/// They are ASCII but the carriage return (CR LF is one character), Latin-1 and Latin Extended
/// letters and signs, general punctuation without the joiners and format controls, CJK
/// punctuation without the tone marks, the ideographs, and the full-width forms of ASCII: none
/// extends, joins or prepends (Unicode's `Grapheme_Cluster_Break` is `Other`, `Control` or
/// `LF`), and none has a canonical singleton decomposition.
enum LoneScalars {
    static func contains(_ value: UInt32) -> Bool {
        switch value {
        case 0x0D: false
        case 0x00...0x7F, 0xA0...0x24F, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF65: true
        default: false
        }
    }

    /// Whether eight bytes (read as one word) are all ASCII and none is a carriage return: then
    /// they are eight of these scalars, eight characters.
    static func isPlainASCII(_ word: UInt64) -> Bool {
        // Some byte of `carriageReturns` is zero exactly where `word` has a CR.
        let carriageReturns = word ^ 0x0D0D_0D0D_0D0D_0D0D
        return word & 0x8080_8080_8080_8080 == 0 && (carriageReturns &- 0x0101_0101_0101_0101) & ~carriageReturns & 0x8080_8080_8080_8080 == 0
    }

    /// Whether every scalar of the UTF-8 is one of them (false for a cut scalar at the end).
    static func only(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < utf8.count {
            // Eight ASCII bytes at a time, none of them a carriage return: the rules' prefix and
            // suffix tests ask this of every window they read, and most windows are English.
            if offset + 8 <= utf8.count, let base = utf8.baseAddress, isPlainASCII(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) {
                offset += 8
                continue
            }
            // An ASCII byte short of eight is one scalar, lone unless a carriage return: most
            // words asked about are short, and decoding each byte as a scalar was most of it.
            let byte = utf8[offset]
            if byte < 0x80 {
                guard byte != 0x0D else { return false }
                offset += 1
                continue
            }
            // A lead byte E5 to E9 and two continuation bytes are an ideograph of U+5000 to
            // U+9FFF, all of them lone: Chinese words and windows are most of what is asked
            // after English ones.
            if byte >= 0xE5, byte <= 0xE9, offset + 3 <= utf8.count, utf8[offset + 1] & 0xC0 == 0x80, utf8[offset + 2] & 0xC0 == 0x80 {
                offset += 3
                continue
            }
            let (value, length) = UTF8Scalars.decode(utf8, at: offset)
            guard offset + length <= utf8.count, contains(value) else { return false }
            offset += length
        }
        return true
    }
}

extension LoneScalars {
    /// `text.split(whereSeparator:)` at `separators` (each one of these scalars), when every
    /// scalar of the text is one: its characters are then its scalars, and the words are cut
    /// between scalars with no character breaking. Nil for any other text, which the caller
    /// splits as characters. The rules cut the short windows around every figure into words.
    static func words(in text: String, separatedBy separators: [Unicode.Scalar]) -> [Substring]? {
        var copy = text
        guard copy.withUTF8({ only($0) }) else { return nil }
        let scalars = text.unicodeScalars
        var words: [Substring] = []
        var start = text.startIndex, index = text.startIndex
        while index < scalars.endIndex {
            let next = scalars.index(after: index)
            if separators.contains(scalars[index]) {
                if start < index { words.append(text[start..<index]) }
                start = next
            }
            index = next
        }
        if start < text.endIndex { words.append(text[start...]) }
        return words
    }
}
