import Foundation

/// Readable ASCII URL segments from any title: Chinese becomes pinyin without tones, everything
/// else is folded to ASCII, lower-cased and hyphenated.
public enum Slug {
    public static let maxLength = 64
    static let rule = "a slug is 1–64 characters of a–z, 0–9 and single hyphens, not starting or ending with a hyphen"

    public static func make(_ title: String) -> String {
        fromLatin(transliterated(spaced(title)))
    }

    static let transform = StringTransform("Any-Latin; Latin-ASCII; Lower")

    /// Spaces out Han runs first, so "30天" and "G7密谋" give "30-tian" and "g7-mi-mou".
    static func spaced(_ title: String) -> String {
        var spaced = ""
        var previousIsHan: Bool?
        for c in title {
            let isHan = c.isHan
            if let previous = previousIsHan, previous != isHan { spaced.append(" ") }
            spaced.append(c)
            previousIsHan = isHan
        }
        return spaced
    }

    static func transliterated(_ text: String) -> String {
        text.applyingTransform(transform, reverse: false) ?? text.lowercased()
    }

    /// The a–z and 0–9 of a transliterated title, every run of anything else one hyphen.
    static func fromLatin(_ latin: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in latin.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return cap(slug)
    }

    /// Cuts at a word boundary so a long pinyin title does not end in half a syllable.
    static func cap(_ slug: String) -> String {
        guard slug.count > maxLength else { return slug }
        let head = slug.prefix(maxLength)
        if let cut = head.lastIndex(of: "-"), head.distance(from: head.startIndex, to: cut) >= maxLength / 2 {
            return String(head[..<cut])
        }
        return String(head).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// A Markdown file's URL segment, as in Hugo and Zola: `content/articles/rare-earth-prices.md`
    /// → `rare-earth-prices`. A name that is not a valid slug is made into one, as a title is.
    public static func fromFileName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        let slug = problem(with: stem) == nil ? stem : make(stem)
        return slug.isEmpty ? "page-" + disambiguator(for: path) : slug
    }

    /// Why an editor's slug cannot be used as one URL segment, or nil when it can.
    public static func problem(with slug: String) -> String? {
        if slug.isEmpty { return "it is empty" }
        if slug.count > maxLength { return "it is longer than \(maxLength) characters" }
        // Byte tests, not Foundation's `contains`, a locale-aware search per call (a tenth of a
        // second on one core for a 10,000-entry URL map); `--` is looked for only in ASCII.
        let bytes = slug.utf8
        if slug == "." || slug == ".." || bytes.contains(UInt8(ascii: "/")) || bytes.contains(UInt8(ascii: "\\")) { return "it would leave its folder" }
        let allowed = slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if !allowed || bytes.first == UInt8(ascii: "-") || bytes.last == UInt8(ascii: "-")
            || zip(bytes, bytes.dropFirst()).contains(where: { $0 == UInt8(ascii: "-") && $1 == UInt8(ascii: "-") }) {
            return "it has characters other than a–z, 0–9 and single hyphens"
        }
        return nil
    }

    /// `base`, or when it is empty or taken, `base` (or `fallback`) with a suffix derived from
    /// `identity`, trimmed so the result is always a valid slug.
    static func unique(_ base: String, fallback: String, identity: String, isTaken: (String) -> Bool) -> String {
        if !base.isEmpty, !isTaken(base) { return base }
        let suffix = disambiguator(for: identity)
        var stem = String((base.isEmpty ? fallback : base).prefix(maxLength - suffix.count - 1))
        while stem.hasSuffix("-") { stem.removeLast() }
        return stem + "-" + suffix
    }

    /// A short, stable suffix that tells apart two titles with the same slug without depending on
    /// which other articles exist (FNV-1a of the identity, base 36).
    static func disambiguator(for identity: String) -> String {
        String(stableHash(identity).prefix(6))
    }

    /// The full 64-bit FNV-1a of `identity` in base 36 (up to 13 characters): ids of claims and
    /// events, where a collision among tens of thousands would merge two anchors.
    static func stableHash(_ identity: String) -> String {
        String(fnv1a(identity.utf8), radix: 36)
    }

    /// FNV-1a, 64 bits: the same on every machine and run (Swift's `Hasher` is seeded per process).
    /// A non-zero `seed` gives further, independent digits.
    static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes, seed: UInt64 = 0) -> UInt64 {
        // In place where the bytes are contiguous (a string's): every claim's id hashes its whole
        // quote, and walking a string's UTF-8 view a byte at a time cost three times as much.
        if let hash = bytes.withContiguousStorageIfAvailable({ buffer in
            var hash: UInt64 = 0xcbf29ce484222325 ^ seed
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            return hash
        }) { return hash }
        var hash: UInt64 = 0xcbf29ce484222325 ^ seed
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }
}
