/// Turns a dump's one-line body into headings, lists and paragraphs.
///
/// The English digests are machine summaries with a fixed shape: section markers (`Core Insights -`,
/// `Group 2: Heading -`, `Summary by Category`) and items separated by ` - `, each item closed by
/// citation marks like `[4][5]`. That closing mark is what tells an item separator from a hyphen
/// inside a sentence, and text after it up to the next ` - ` is the next heading.
public enum BodyStructurer {
    public static func structure(_ raw: String) -> ImportedBody {
        var text = raw.trimmingWhitespace
        var isExcerpt = false
        for marker in [" ...", " …"] where text.hasSuffix(marker) {
            isExcerpt = true
            text = String(text.dropLast(marker.count)).trimmingWhitespace
        }
        let language = Language.detect(text)
        let blocks = language == .chinese ? ChineseBodyStructurer.blocks(text) : digestBlocks(text)
        return ImportedBody(blocks: blocks, language: language, isExcerpt: isExcerpt, raw: raw)
    }

    /// Section markers that open a level-2 heading; anything else found in heading position is a
    /// level-3 sub-category.
    static let sectionMarkers = ["Core Insights", "Core Viewpoint", "Core Views", "Core Points", "Summary by Category", "Key Points"]

    static func digestBlocks(_ text: String) -> [BodyBlock] {
        let pieces = separated(text)
        let hasCitations = citationEnd(in: GraphemeBytes(text)) != nil
        // Ordinary prose with a dash in it is not a digest: only a section marker or citation
        // marks make the ` - ` separators meaningful.
        guard pieces.count > 1, hasCitations || startsWithSectionMarker(text) else { return [.paragraph(text)] }
        if !hasCitations {
            return headings(in: pieces[0]) + [.list(pieces.dropFirst().map { $0.trimmingWhitespace }.filter { !$0.isEmpty })]
        }
        var blocks: [BodyBlock] = []
        var items: [String] = []
        func flush() {
            if !items.isEmpty { blocks.append(.list(items)); items = [] }
        }
        func heading(_ text: String) {
            flush()
            blocks.append(contentsOf: headings(in: text))
        }
        heading(pieces[0])
        // An item is not finished until a citation mark closes it: a piece without one was cut
        // at a hyphen inside a sentence and joins the next piece.
        var pending = ""
        for (index, piece) in pieces.enumerated().dropFirst() {
            let isLast = index == pieces.count - 1
            let joined = pending.isEmpty ? piece : pending + " - " + piece
            let bytes = GraphemeBytes(joined)
            guard let end = citationEnd(in: bytes) else {
                pending = joined
                continue
            }
            pending = ""
            let item = bytes.string(0..<end).trimmingWhitespace
            let rest = bytes.string(end..<bytes.count).trimmingWhitespace
            if isLast || !looksLikeHeading(rest) {
                items.append(rest.isEmpty ? item : item + " " + rest)
            } else {
                items.append(item)
                heading(rest)
            }
        }
        if !pending.trimmingWhitespace.isEmpty { items.append(pending.trimmingWhitespace) }
        flush()
        return blocks
    }

    /// Splits "Summary by Category Supply Chain Dynamics" into the marker and its first category.
    static func headings(in text: String) -> [BodyBlock] {
        let text = text.trimmingWhitespace
        guard !text.isEmpty else { return [] }
        for marker in sectionMarkers where text.hasPrefix(marker) {
            let rest = text.dropFirst(marker.count).trimmingWhitespace
            return [.heading(marker, level: 2)] + (rest.isEmpty ? [] : [.heading(rest, level: 3)])
        }
        if text.hasPrefix("Group "), let first = text.dropFirst(6).first, first.isNumber {
            return [.heading(text, level: 2)]
        }
        return [.heading(text, level: 3)]
    }

    static func looksLikeHeading(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 90 && !text.hasSuffix(".") && !text.hasSuffix(",") && text.contains { $0.isLetter }
    }

    static func startsWithSectionMarker(_ text: String) -> Bool {
        sectionMarkers.contains { text.hasPrefix($0) } || (text.hasPrefix("Group ") && text.dropFirst(6).first?.isNumber == true)
    }

    /// The text cut at each ` - ` that stands as whole characters, as Foundation's
    /// `components(separatedBy: " - ")` cuts it, found on bytes rather than by Foundation's
    /// character-by-character search.
    static func separated(_ text: String) -> [String] {
        let bytes = GraphemeBytes(text)
        let separator: [UInt8] = [0x20, 0x2D, 0x20]
        var pieces: [String] = []
        var start = 0
        while let found = bytes.firstRange(of: separator, from: start) {
            pieces.append(bytes.string(start..<found.lowerBound))
            start = found.upperBound
        }
        pieces.append(bytes.string(start..<bytes.count))
        return pieces
    }

    /// The index just past the last `[n]` group in `piece` and any punctuation right after it.
    static func endOfLastCitation(in piece: String) -> String.Index? {
        citationEnd(in: GraphemeBytes(piece)).map { piece.utf8.index(piece.utf8.startIndex, offsetBy: $0) }
    }

    /// `endOfLastCitation` as a byte offset, found on bytes: `[`, the digits, `]` and the
    /// punctuation each count only where they stand as characters of their own (a digit or
    /// bracket carrying a combining mark is not one), as the character-by-character reading had it.
    static func citationEnd(in text: GraphemeBytes) -> Int? {
        let bytes = text.bytes, count = bytes.count
        var result: Int?
        var i = 0
        while i < count {
            guard bytes[i] == 0x5B, text.isBoundary(i), text.isBoundary(i + 1) else { i += 1; continue }
            var j = i + 1
            var digits = 0
            while j < count, bytes[j] >= 0x30, bytes[j] <= 0x39, text.isBoundary(j + 1) { digits += 1; j += 1 }
            guard digits > 0, text.isCharacter(0x5D, at: j) else { i += 1; continue }
            var end = j + 1
            while let next = afterClosingPunctuation(text, at: end) { end = next }
            result = end
            i = end
        }
        return result
    }

    /// Past the character at `offset` when it is one of `.,;:)）。；`.
    private static func afterClosingPunctuation(_ text: GraphemeBytes, at offset: Int) -> Int? {
        let bytes = text.bytes
        guard offset < bytes.count else { return nil }
        switch bytes[offset] {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x29:
            return text.isBoundary(offset + 1) ? offset + 1 : nil
        case 0xEF, 0xE3:
            guard offset + 3 <= bytes.count else { return nil }
            let b1 = bytes[offset + 1], b2 = bytes[offset + 2]
            // ）U+FF09, ；U+FF1B, 。U+3002
            let matches = bytes[offset] == 0xEF ? (b1 == 0xBC && (b2 == 0x89 || b2 == 0x9B)) : (b1 == 0x80 && b2 == 0x82)
            return matches && text.isBoundary(offset + 3) ? offset + 3 : nil
        default:
            return nil
        }
    }
}
