import Foundation

/// Slugs for many titles, as `Slug.make` gives them, with each character read alone from
/// `HanReadings` (ICU's readings, generated) instead of every title through ICU's `Any-Latin`
/// (about 0.1 ms per title).
///
/// The transform reads a Han character alone, with a space on each side (`Han-Spacedhan`
/// separates ideographs from the letters after them), except in four compounds whose first
/// character reads differently before the second (藏文/藏语, 重庆, 沈阳, 秘鲁: the only rules with
/// context in ICU's `Han-Latin`). A title with one of those compounds, or with a character
/// outside ASCII, Han and the punctuation blocks, goes to `Slug.make` whole, so the slugs are
/// the same.
enum SlugMaker {
    static func make(_ title: String) -> String {
        guard let latin = transliterated(title) else { return Slug.make(title) }
        return Slug.fromLatin(latin)
    }

    /// Han characters that read differently before the ones given (with or without a space).
    static let compounds: [Character: Set<Character>] = ["藏": ["文", "语"], "重": ["庆"], "沈": ["阳"], "秘": ["鲁"]]
    /// The scalars of the compounds' first characters and of every character equal to one as a
    /// `Character` (a compatibility ideograph, such as U+F972 for 沈, is canonically the same):
    /// the table is looked up only for these.
    static let compoundFirsts: Set<UInt32> = {
        let compatibility = (UInt32(0xF900)...0xFAFF).compactMap(Unicode.Scalar.init) + (UInt32(0x2F800)...0x2FA1F).compactMap(Unicode.Scalar.init)
        return Set(compounds.keys.flatMap { $0.unicodeScalars.map(\.value) } + compatibility.filter { compounds[Character($0)] != nil }.map(\.value))
    }()

    /// The title as `Slug.transliterated(Slug.spaced(title))` reads it, or nil when the title
    /// has a character whose reading may depend on its neighbours.
    static func transliterated(_ title: String) -> String? {
        var out = ""
        out.reserveCapacity(title.utf8.count * 2)
        let chars = Array(title)
        for (i, c) in chars.enumerated() {
            if c.isASCII {
                for byte in c.utf8 { out.unicodeScalars.append(Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)) }
                continue
            }
            let scalars = c.unicodeScalars
            guard let scalar = scalars.first, scalars.count == 1 else { return nil }
            if scalar.isHan {
                // By scalar first: hashing the character for the table cost more than the reading.
                if Self.compoundFirsts.contains(scalar.value), let seconds = Self.compounds[c] {
                    var j = i + 1
                    if j < chars.count, chars[j] == " " { j += 1 }
                    if j < chars.count, seconds.contains(chars[j]) { return nil }
                }
                guard let reading = HanReadings.reading(scalar) else { return nil }
                out.append(" ")
                out.append(reading)
                out.append(" ")
            } else if Self.isContextFree(scalar) {
                // A mark the table lacks is one ICU reads as nothing.
                guard let reading = HanReadings.reading(scalar) else { return nil }
                out.append(reading)
            } else {
                return nil
            }
        }
        return out
    }

    /// Punctuation, symbols and spaces of the blocks Chinese and English titles use, and the
    /// full-width forms of ASCII: characters the transform maps the same with or without
    /// neighbours (letters of other scripts, such as kana, are not).
    static func isContextFree(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF01...0xFF5E: return true
        case 0x00A0...0x00BF, 0x2000...0x206F, 0x3000...0x303F:
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
                 .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .spaceSeparator:
                return true
            default:
                return false
            }
        default:
            return false
        }
    }
}
