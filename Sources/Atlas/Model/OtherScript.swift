/// A text written mostly in a script other than the site's two (Han and Latin), with the
/// BCP 47 language it most likely is and whether it runs right to left. `Language` has only the
/// site's languages, so without this an Arabic paragraph was marked `lang="zh-Hans"` (no Han and
/// no Latin letters tie at zero, and the tie goes to Chinese) and laid out left to right.
///
/// A script names a language only by convention (Arabic script is also Persian and Urdu, Cyrillic
/// also Ukrainian): letters only one of them uses decide, and otherwise the most common one is
/// named. Screen readers then at least read the right script with the right voice.
public struct OtherScript: Hashable, Sendable {
    public var language: String
    public var isRightToLeft: Bool

    /// ` lang="…"`, and ` dir="rtl"` for a script written right to left, for an HTML element.
    public var attributes: String { " lang=\"\(language)\"" + (isRightToLeft ? " dir=\"rtl\"" : "") }

    /// The script with the most letters, when it is not Han or Latin; Japanese is Han with kana.
    public static func detect(_ text: String) -> OtherScript? {
        // Nearly every text has no kana and no letter of the scripts: then none is named, and
        // the text is passed by its bytes without counting anything.
        guard mayBeOther(text) else { return nil }
        var han = 0, latin = 0, kana = 0
        var counts: [Script: Int] = [:]
        var hints: Set<String> = []
        text.forEachScalar(limit: 4000) { scalar in
            if scalar.isHan { han += 1; return }
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) { latin += 1; return }
            if (0x3040...0x30FF).contains(scalar.value), scalar.value != 0x30FB { kana += 1; return }  // not the middle dot 「・」
            guard let script = Script(scalar) else { return }
            counts[script, default: 0] += 1
            if let hint = script.languageHint(scalar) { hints.insert(hint) }
        }
        // Japanese: kana among the Han characters (Chinese has none).
        if kana > 0, kana * 10 >= han + kana, kana + han >= latin {
            return OtherScript(language: "ja", isRightToLeft: false)
        }
        guard let (script, count) = counts.max(by: { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }),
              count > latin, count > han * 3 else { return nil }
        return OtherScript(language: script.language(hints: hints), isRightToLeft: script.isRightToLeft)
    }

    /// Whether some scalar is kana or of one of the scripts, which is what `detect` needs to
    /// name one (without either, it has no count to compare).
    private static func mayBeOther(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                guard bytes[i] >= 0x80 else { i += 1; continue }
                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                if (0x3040...0x30FF).contains(value) || Unicode.Scalar(value).flatMap(Script.init) != nil { return true }
                i += length
            }
            return false
        }
    }

    private enum Script: String, Hashable {
        case arabic, hebrew, hangul, cyrillic, greek, thai, devanagari

        init?(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
            case 0x0590...0x05FF, 0xFB1D...0xFB4F: self = .hebrew
            case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: self = .hangul
            case 0x0400...0x04FF: self = .cyrillic
            case 0x0370...0x03FF, 0x1F00...0x1FFF: self = .greek
            case 0x0E00...0x0E7F: self = .thai
            case 0x0900...0x097F: self = .devanagari
            default: return nil
            }
        }

        var isRightToLeft: Bool { self == .arabic || self == .hebrew }

        /// A language only some writers of the script use, told by a letter of its own.
        func languageHint(_ scalar: Unicode.Scalar) -> String? {
            switch (self, scalar.value) {
            case (.arabic, 0x0679), (.arabic, 0x0688), (.arabic, 0x0691), (.arabic, 0x06BA), (.arabic, 0x06D2): return "ur"  // ٹ ڈ ڑ ں ے
            case (.arabic, 0x067E), (.arabic, 0x0686), (.arabic, 0x0698), (.arabic, 0x06AF): return "fa"  // پ چ ژ گ
            case (.cyrillic, 0x0404), (.cyrillic, 0x0454), (.cyrillic, 0x0406), (.cyrillic, 0x0456), (.cyrillic, 0x0407), (.cyrillic, 0x0457),
                 (.cyrillic, 0x0490), (.cyrillic, 0x0491): return "uk"  // Є І Ї Ґ
            default: return nil
            }
        }

        func language(hints: Set<String>) -> String {
            switch self {
            case .arabic: return hints.contains("ur") ? "ur" : hints.contains("fa") ? "fa" : "ar"
            case .hebrew: return "he"
            case .hangul: return "ko"
            case .cyrillic: return hints.contains("uk") ? "uk" : "ru"
            case .greek: return "el"
            case .thai: return "th"
            case .devanagari: return "hi"
            }
        }
    }
}
