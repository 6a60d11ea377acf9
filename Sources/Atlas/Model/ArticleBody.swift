/// A block of an imported article body. Text is plain (never HTML); the renderer escapes it and
/// turns citation marks into reference marks.
public enum BodyBlock: Hashable, Sendable {
    /// `level` 2 for the digest's own sections (Core Insights, Group N), 3 for sub-categories.
    case heading(String, level: Int)
    case paragraph(String)
    case list([String])
}

/// The language of a text, as a BCP 47 tag for `lang` attributes.
public enum Language: String, Hashable, Sendable, Codable {
    case chinese = "zh-Hans"
    case english = "en"

    /// Reads a `lang` value from an editor: any `zh…` or `en…` tag.
    public static func parse(_ raw: String) -> Language? {
        if let exact = Language(rawValue: raw) { return exact }
        let lower = raw.lowercased()
        if lower.hasPrefix("zh") { return .chinese }
        if lower.hasPrefix("en") { return .english }
        return nil
    }

    /// Decides by which script dominates, so a Chinese body quoting "MP Materials" stays Chinese.
    public static func detect(_ text: String) -> Language {
        var han = 0, latin = 0
        // By bytes, an ASCII one at a time: this reads the first 4,000 scalars of every body.
        var text = text
        text.withUTF8 { bytes in
            var i = 0, scalars = 0
            while i < bytes.count, scalars < 4000 {
                scalars += 1
                let byte = bytes[i]
                if byte < 0x80 {
                    if (byte | 0x20) &- 0x61 < 26 { latin += 1 }
                    i += 1
                    continue
                }
                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                if Unicode.Scalar(value)?.isHan == true { han += 1 }
                i += length
            }
        }
        // One Han character carries about as much as a short English word.
        return han * 3 >= latin ? .chinese : .english
    }
}

extension Unicode.Scalar {
    var isHan: Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0xF900...0xFAFF: return true
        default: return false
        }
    }
}

/// An imported body: structured for reading, with the raw line kept for readers who want to check
/// the structuring against what the export said.
public struct ImportedBody: Hashable, Sendable {
    public var blocks: [BodyBlock]
    public var language: Language
    /// The export cut the body off (it ends in ` ...`).
    public var isExcerpt: Bool
    public var raw: String
}
