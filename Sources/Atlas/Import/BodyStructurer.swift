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
        let pieces = text.components(separatedBy: " - ")
        let hasCitations = endOfLastCitation(in: text) != nil
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
            guard let end = endOfLastCitation(in: joined) else {
                pending = joined
                continue
            }
            pending = ""
            let item = String(joined[..<end]).trimmingWhitespace
            let rest = String(joined[end...]).trimmingWhitespace
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

    /// The index just past the last `[n]` group in `piece` and any punctuation right after it.
    static func endOfLastCitation(in piece: String) -> String.Index? {
        var result: String.Index?
        var i = piece.startIndex
        while let open = piece[i...].firstIndex(of: "[") {
            var j = piece.index(after: open)
            var digits = 0
            while j < piece.endIndex, piece[j].isASCII, piece[j].isNumber { digits += 1; j = piece.index(after: j) }
            if digits > 0, j < piece.endIndex, piece[j] == "]" {
                var end = piece.index(after: j)
                while end < piece.endIndex, ".,;:)）。；".contains(piece[end]) { end = piece.index(after: end) }
                result = end
                i = end
            } else {
                i = piece.index(after: open)
            }
        }
        return result
    }
}
