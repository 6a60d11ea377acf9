/// Splits a body into clauses: the unit a figure's quote is taken from and its words are read in.
///
/// Boundaries are sentence ends (`。！？；`, `. ` not after an abbreviation like `U.S.`), line
/// and paragraph breaks (a Markdown paragraph without a full stop still ends), the digests' ` - `
/// item separators and the citation marks that close each item.
enum ClauseSplitter {
    static func clauses(_ text: ScanText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        func close(_ end: Int, next: Int) {
            var lo = start, hi = end
            while lo < hi, text.isWhitespace(lo) || text[lo] == "-" || text[lo] == "·" { lo += 1 }
            while hi > lo, text.isWhitespace(hi - 1) { hi -= 1 }
            if hi > lo { result.append(lo..<hi) }
            start = next
        }
        // Read once: a static asked at every position costs a `swift_once` each time.
        let boundaryKeys = Self.boundaryKeys, sentenceEndKeys = Self.sentenceEndKeys
        while i < text.count {
            // Keys, not Characters: comparing Characters is a Unicode string comparison per position.
            let key = text.keys[i]
            guard boundaryKeys.contains(key) else { i += 1; continue }
            // A character of one scalar has that scalar's value as its key; one of several
            // (`\r\n`) has `composite`, which none of these equal.
            if sentenceEndKeys.contains(key) {
                close(i + 1, next: i + 1)
            } else if key == 0x0A || key == 0x0D || key == 0x2029 || key == ScanText.composite && (text[i] == "\r\n") {
                close(i, next: i + 1)
            } else if key == 0x5B, let end = citationEnd(text, i) {
                // The marks end the item; keep them out of the quote.
                close(i, next: end)
                i = end
                continue
            } else if key == 0x20, i + 1 < text.count, text.keys[i + 1] == 0xB7 || text.keys[i + 1] == 0x2022 {  // · or •
                close(i, next: i + 2)  // a bullet in a flattened Chinese list
                i += 2
                continue
            } else if key == 0x20, FigureScanner.matches(text, at: i, " - "), !isRangeDash(text, at: i) {
                close(i, next: i + 3)
                i += 3
                continue
            } else if key == 0x2E, i + 1 < text.count, text.keys[i + 1] == 0x20, !isAbbreviation(text, endingAt: i),
                      i + 2 < text.count, text.isUppercase(i + 2) || text.isHan(i + 2) || text[i + 2] == "[" {
                close(i + 1, next: i + 1)
            }
            i += 1
        }
        close(text.count, next: text.count)
        return result
    }

    /// The characters at which a clause can end; every other position is skipped at once.
    static let sentenceEndKeys = KeySet("。！？；!?;".unicodeScalars.map(\.value))
    static let boundaryKeys = KeySet("。！？；!?;[ .\n\r\u{2029}".unicodeScalars.map(\.value)).union([ScanText.composite])

    /// "40% - 50%", "$5 - 10 billion": a dash between two numbers is a range, not an item break.
    static func isRangeDash(_ text: ScanText, at i: Int) -> Bool {
        guard i > 0, i + 3 < text.count else { return false }
        let before = text[i - 1], after = text[i + 3]
        return (text.isDigit(i - 1) || before == "%" || before == "％") && (text.isDigit(i + 3) || "$¥€₹".contains(after))
    }

    /// The index after a run of `[n]` marks starting at `i`.
    static func citationEnd(_ text: ScanText, _ i: Int) -> Int? {
        var k = i
        while k < text.count, text[k] == "[" {
            var j = k + 1
            while j < text.count, text.isASCII(j), text.isNumber(j) { j += 1 }
            guard j > k + 1, j < text.count, text[j] == "]" else { break }
            k = j + 1
        }
        guard k > i else { return nil }
        while k < text.count, text.isOne(of: Self.trailingDots, at: k) { k += 1 }
        return k
    }

    static let abbreviations: Set<String> = ["mr", "mrs", "dr", "st", "no", "vs", "approx", "etc", "e.g", "i.e", "inc", "co", "ltd", "jan", "feb", "aug", "sept", "oct", "nov", "dec"]

    /// `U.S.`, `e.g.`, `Inc.`: a full stop that does not end the sentence.
    static func isAbbreviation(_ text: ScanText, endingAt dot: Int) -> Bool {
        var k = dot
        while k > 0, !text.isWhitespace(k - 1) { k -= 1 }
        let word = text.string(k..<dot)
        if word.count <= 3, word.allSatisfy({ $0.isUppercase || $0 == "." }), word.contains(where: { $0.isUppercase }) { return true }
        return abbreviations.contains(word.lowercased())
    }
}

extension ClauseSplitter {
    // Characters the rules stop at or skip, tested by key (`ScanText.isOne(of:at:)`).
    static let trailingDots = ScanText.OneOf(".,;")
}
