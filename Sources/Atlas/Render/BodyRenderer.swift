import Foundation

/// Renders an imported body's blocks as HTML. Text is escaped first; the only markup added is
/// the builder's own (headings, lists, reference marks), so article text never becomes HTML.
enum BodyRenderer {
    /// Links an entity's first mention in a body to its page.
    struct EntityLinker {
        var matcher: EntityMatcher
        /// Entity id → page URL.
        var urls: [String: String]
    }

    /// `anchors`: quotes to mark, each with the ids of the claims or events it carries.
    static func html(_ body: ImportedBody, anchors: [(quote: String, id: String)] = [], linker: EntityLinker? = nil) -> TrustedHTML {
        render(body, anchors: anchors, linker: linker).html
    }

    /// How the builder opens a reference mark and a highlighted quote, so a page can tell whether
    /// its body has any (and explain them only then).
    static let referenceMarkOpening = "<sup class=\"ref\">"
    static let quoteMarkOpening = "<mark class=\"quote\""
    /// Where the article page explains reference marks; the body's first mark links there.
    static let citationsAnchor = "citations"

    /// Closes an excerpt's last block: the export cut the text off here, mid-sentence and in a
    /// Chinese body often mid-word, so the reader is told where the text stops and why.
    static let excerptEnd = "<span class=\"excerpt-end\">…<span class=\"excerpt-note\"><span lang=\"zh-Hans\">节选至此</span> · <span lang=\"en\">the export ends here</span></span></span>"

    /// The body's HTML and the ids it actually anchored: a quote is marked once, where it first
    /// appears, and never inside another mark, so every `#q-` link has exactly one target.
    static func render(_ body: ImportedBody, anchors: [(quote: String, id: String)], linker: EntityLinker?) -> (html: TrustedHTML, anchored: Set<String>) {
        let quotes = quoteGroups(body, anchors: anchors)
        // Whether each quote is marked yet: read for every quote at every block.
        var used = [Bool](repeating: false, count: quotes.count)
        var linked = Set<String>()
        // Bytes, with room for the text and its tags: a body is hundreds of short pieces, and a
        // `String` append cost three times a byte buffer's.
        var out = UTF8Buffer(capacity: body.blocks.reduce(256) { total, block in
            switch block {
            case .heading(let text, _), .paragraph(let text): total + text.utf8.count + 32
            case .list(let items): items.reduce(total + 16) { $0 + $1.utf8.count + 32 }
            }
        })
        // Sub-headings before any section heading are promoted, so the outline never skips a
        // level after the page's <h1>.
        var sawSection = false
        for (index, block) in body.blocks.enumerated() {
            let end = body.isExcerpt && index == body.blocks.count - 1 ? excerptEnd : ""
            switch block {
            case .heading(let text, let requested):
                let level = sawSection ? requested : 2
                sawSection = sawSection || level == 2
                out.append("<h\(level)")
                out.append(scriptAttributes(text))
                out.append(">")
                marked(text, quotes, used: &used, linker: nil, linked: &linked, into: &out)
                out.append("</h\(level)>\n")
                if !end.isEmpty { out.append("<p>\(end)</p>\n") }
            case .paragraph(let text):
                out.append("<p")
                out.append(scriptAttributes(text))
                out.append(">")
                marked(text, quotes, used: &used, linker: linker, linked: &linked, into: &out)
                out.append(end)
                out.append("</p>\n")
            case .list(let items):
                out.append("<ul>\n")
                for (position, item) in items.enumerated() {
                    out.append("<li")
                    out.append(scriptAttributes(item))
                    out.append(">")
                    marked(item, quotes, used: &used, linker: linker, linked: &linked, into: &out)
                    if position == items.count - 1 { out.append(end) }
                    out.append("</li>\n")
                }
                out.append("</ul>\n")
            }
        }
        return (TrustedHTML(linkingFirstReferenceMark(out.string)), Set(quotes.indices.filter { used[$0] }.flatMap { quotes[$0].ids }))
    }

    /// A block in neither of the site's scripts (an Arabic paragraph quoted in a digest) gets
    /// its own `lang` and direction; Chinese and English blocks take the body's.
    static func scriptAttributes(_ text: String) -> String { OtherScript.detect(text)?.attributes ?? "" }

    /// The first reference mark links to the page's note on what the marks mean, so a reader who
    /// meets "[1][3]" can find out where they first appear.
    static func linkingFirstReferenceMark(_ html: String) -> String {
        // Found in the bytes (both tags start and end with ASCII, which has no other spelling):
        // Foundation's `range(of:)` walked the whole body in UTF-16 for every article.
        // Most Chinese bodies have no mark at all: a search of the bytes in place says so before
        // they are copied.
        guard html.includes(referenceMarkOpening) else { return html }
        let bytes = GraphemeBytes(html)
        guard let openBytes = bytes.firstRange(of: Array(referenceMarkOpening.utf8)),
              let closeBytes = bytes.firstRange(of: Array("</sup>".utf8), from: openBytes.upperBound) else { return html }
        let open = html.indices(ofBytes: openBytes), close = html.indices(ofBytes: closeBytes)
        let marks = html[open.upperBound..<close.lowerBound]
        var linked = String(html[..<open.upperBound])
        linked.reserveCapacity(html.utf8.count + 128)
        linked += "<a href=\"#\(citationsAnchor)\" title=\"原文段落编号 · paragraphs of the original article\">"
        linked += marks
        linked += "</a>"
        linked += html[close.lowerBound...]
        return linked
    }

    /// A quote as it reads in the structured body, with the ids of the claims or events it carries.
    struct QuoteGroup {
        var text: ScanText
        var ids: [String]
    }

    /// Anchors sharing a quote share one mark; a Chinese quote loses its line-wrap spaces as the
    /// body did.
    static func quoteGroups(_ body: ImportedBody, anchors: [(quote: String, id: String)]) -> [QuoteGroup] {
        var groups: [QuoteGroup] = []
        for anchor in anchors {
            let text = ScanText(body.language == .chinese ? ChineseBodyStructurer.joinWrapped(anchor.quote) : anchor.quote)
            guard !text.isEmpty else { continue }
            if let index = groups.firstIndex(where: { $0.text.sameCharacters(as: text) }) { groups[index].ids.append(anchor.id) } else { groups.append(QuoteGroup(text: text, ids: [anchor.id])) }
        }
        return groups
    }

    /// `inline`, with each quote that feeds a figure or an event wrapped in a highlighted,
    /// linkable mark, and each entity's first mention in the body linked to its page, appended
    /// to `out`.
    static func marked(_ text: String, _ quotes: [QuoteGroup], used: inout [Bool], linker: EntityLinker?, linked: inout Set<String>,
                       into out: inout UTF8Buffer) {
        // Most blocks have no quote left to mark and no linker (headings): nothing to look for.
        guard linker != nil || used.contains(false) else { return inline(text, into: &out) }
        // The characters, with the text's bytes and where each character starts in them, so the
        // text between tags is cut from the bytes rather than rebuilt character by character.
        let scan = ScanText(text)
        var marks: [(range: Range<Int>, group: QuoteGroup)] = []
        for (index, group) in quotes.enumerated() where !used[index] {
            guard let start = scan.firstIndex(of: group.text) else { continue }
            let range = start..<(start + group.text.count)
            if !marks.contains(where: { $0.range.overlaps(range) }) {
                marks.append((range, group))
                used[index] = true
            }
        }
        var links: [(range: Range<Int>, url: String)] = []
        if let linker {
            for mention in linker.matcher.mentions(in: scan) where !linked.contains(mention.entity) && standsAlone(mention, in: scan, linker: linker) {
                guard let url = linker.urls[mention.entity],
                      !marks.contains(where: { $0.range.overlaps(mention.range) && !($0.range.lowerBound <= mention.range.lowerBound && mention.range.upperBound <= $0.range.upperBound) })
                else { continue }
                linked.insert(mention.entity)
                links.append((mention.range, url))
            }
        }
        guard !marks.isEmpty || !links.isEmpty else { return inline(text, into: &out) }
        // Tags at offsets: closing before opening, links inside marks; opening tags in the order
        // they were found, closing ones in the reverse. One sorted list, not a dictionary of
        // tags per offset for each kind and a set of their offsets.
        var tags: [(offset: Int, order: Int, html: String)] = []
        tags.reserveCapacity(2 * (marks.count + links.count))
        for mark in marks {
            let extra = mark.group.ids.dropFirst().map { "<span id=\"q-\($0)\"></span>" }.joined()
            tags.append((mark.range.lowerBound, tags.count, "<mark class=\"quote\" id=\"q-\(mark.group.ids[0])\">\(extra)"))
            tags.append((mark.range.upperBound, -tags.count, "</mark>"))
        }
        for link in links {
            tags.append((link.range.lowerBound, tags.count, "<a class=\"entity\" href=\"\(HTMLEscape.text(link.url))\">"))
            tags.append((link.range.upperBound, -tags.count, "</a>"))
        }
        // A closing tag's order is negative and falls as tags are added: at one offset, closings
        // come first, the last added first; then openings, the first added first.
        tags.sort { ($0.offset, $0.order) < ($1.offset, $1.order) }
        func piece(_ range: Range<Int>) -> String {
            String(decoding: scan.utf8[scan.offsets[range.lowerBound]..<scan.offsets[range.upperBound]], as: UTF8.self)
        }
        var cursor = 0
        for tag in tags {
            if tag.offset > cursor {
                inline(piece(cursor..<tag.offset), into: &out)
                cursor = tag.offset
            }
            out.append(tag.html)
        }
        if cursor < scan.count { inline(piece(cursor..<scan.count), into: &out) }
    }

    /// Characters after which a one-character Chinese name has ended: particles that join or
    /// close a list of nouns (钕、镝等; 镝和铽).
    static let nounEnders: Set<Character> = ["等", "和", "与", "及", "或", "的", "在", "是", "为", "已", "也", "都"]

    /// Whether a mention is a word of its own, so a link on it does not split a longer one. A
    /// one-character Chinese name (the elements: 钇, 镝) followed by another Han character is
    /// usually the head of a longer word (钇族 "the yttrium group", 钕铁硼 "NdFeB"); it stands
    /// alone only before a non-Han character, another one-character name (镨钕) or a particle
    /// that ends a noun.
    static func standsAlone(_ mention: EntityMatcher.Mention, in text: ScanText, linker: EntityLinker) -> Bool {
        guard mention.range.count == 1, text[mention.range.lowerBound].isHan, mention.range.upperBound < text.count else { return true }
        let next = text[mention.range.upperBound]
        return !next.isHan || nounEnders.contains(next) || linker.matcher.mentions(in: [next]).contains { $0.range.count == 1 }
    }

    /// Escapes `text` and turns each run of citation marks (`[4][5]`) into one reference mark,
    /// kept visible because they point at paragraphs of the original article.
    ///
    /// Read on the escaped text's bytes: a mark's `[`, digits and `]` count only where each
    /// stands as a character of its own, as the character-by-character reading had it.
    static func inline(_ text: String) -> String {
        var out = UTF8Buffer(capacity: text.utf8.count + 16)
        inline(text, into: &out)
        return out.string
    }

    /// `inline(text)` appended to `out`.
    static func inline(_ text: String, into out: inout UTF8Buffer) {
        // `memchr` over the bytes: most blocks and pieces of blocks have no `[` (escaping adds
        // none), so no mark, and are escaped straight into `out` with no string made between.
        var raw = text
        guard raw.withUTF8({ !$0.isEmpty && memchr($0.baseAddress!, 0x5B, $0.count) != nil }) else { return HTMLEscape.append(text, to: &out) }
        let source = GraphemeBytes(HTMLEscape.text(text))
        source.bytes.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var copied = 0
            var run: Range<Int>?
            func flushRun() {
                guard let marks = run else { return }
                out.append(referenceMarkOpening)
                out.append(UnsafeBufferPointer(rebasing: bytes[marks]))
                out.append("</sup>")
                copied = marks.upperBound
                run = nil
            }
            var i = 0
            while i < count {
                if bytes[i] == 0x5B, let close = citationClose(source, at: i) {
                    if let marks = run {
                        run = marks.lowerBound..<(close + 1)
                    } else {
                        // Attach the mark to the preceding word, as a footnote mark would be.
                        let dropsSpace = i > 0 && bytes[i - 1] == 0x20 && source.isBoundary(i - 1)
                        out.append(UnsafeBufferPointer(rebasing: bytes[copied..<(dropsSpace ? i - 1 : i)]))
                        run = i..<(close + 1)
                    }
                    i = close + 1
                    continue
                }
                flushRun()
                i += 1
            }
            flushRun()
            out.append(UnsafeBufferPointer(rebasing: bytes[copied..<count]))
        }
    }

    /// Where the `]` of a citation mark opened at `open` stands: one to four ASCII digits
    /// between the brackets, each bracket and digit a character of its own.
    static func citationClose(_ text: GraphemeBytes, at open: Int) -> Int? {
        guard text.isBoundary(open), text.isBoundary(open + 1) else { return nil }
        let bytes = text.bytes
        var j = open + 1
        while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 {
            guard text.isBoundary(j + 1), j - open <= 4 else { return nil }
            j += 1
        }
        guard j > open + 1, text.isCharacter(0x5D, at: j) else { return nil }
        return j
    }

    /// A short plain-text preview for lists: the first item or paragraph, without reference marks.
    static func teaser(_ body: ImportedBody) -> String {
        for block in body.blocks {
            switch block {
            case .list(let items): if let first = items.first { return withoutReferenceMarks(first) }
            case .paragraph(let text): return withoutReferenceMarks(text)
            case .heading: continue
            }
        }
        return ""
    }

    /// The first line of a Markdown article's plain text with more than whitespace in it, for its
    /// card. Cut by `lines()`, on bytes: splitting the whole text into lines of characters was 3%
    /// of building the dense synthetic corpus.
    static func firstTextLine(_ text: String) -> String {
        text.lines().first { !$0.trimmingWhitespace.isEmpty }.map(String.init) ?? ""
    }

    static func withoutReferenceMarks(_ text: String) -> String {
        // Every card's teaser: most Chinese digests have no mark at all, and the text between
        // marks is copied a run at a time, not a character at a time.
        guard text.utf8.contains(UInt8(ascii: "[")) else { return text.trimmingWhitespace }
        return withoutReferenceMarksInBytes(text) ?? withoutReferenceMarksInCharacters(text)
    }

    /// `withoutReferenceMarksInCharacters` on the bytes, for a text whose scalars are characters
    /// of their own (`LoneScalars`): a mark's brackets and digits are then single bytes, and
    /// reading the paragraph a character at a time was most of what making a card cost. Nil for
    /// any other text.
    static func withoutReferenceMarksInBytes(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            guard LoneScalars.only(bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0, run = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "["), let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "]")), close > i + 1,
                   bytes[(i + 1)..<close].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    while out.last == UInt8(ascii: " ") { out.removeLast() }
                    i = close + 1
                    run = i
                    continue
                }
                i += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            return String(decoding: out, as: UTF8.self).trimmingWhitespace
        }
    }

    static func withoutReferenceMarksInCharacters(_ text: String) -> String {
        var out = ""
        var i = text.startIndex
        var run = i
        while i < text.endIndex {
            if text[i] == "[", let close = text[i...].firstIndex(of: "]"), text.distance(from: i, to: close) > 1,
               text[text.index(after: i)..<close].allSatisfy({ $0.isASCII && $0.isNumber }) {
                out += text[run..<i]
                while out.last == " " { out.removeLast() }
                i = text.index(after: close)
                run = i
                continue
            }
            i = text.index(after: i)
        }
        out += text[run..<i]
        return out.trimmingWhitespace
    }

    /// `text` cut to about `limit` characters (by default 140, 80 for Chinese) for a preview,
    /// marked "…" when cut. The cut falls between characters (grapheme clusters, so never inside
    /// a surrogate pair or a combined mark) and never inside a Latin word or a number: it backs
    /// up to the word's start, and drops the separator or clause punctuation the cut leaves.
    static func shorten(_ text: String, to limit: Int? = nil) -> String {
        // A Han character carries about as much as a short English word: a Chinese preview of
        // 140 characters would run twice as long as an English one.
        let limit = limit ?? (Language.detect(text) == .chinese ? 80 : 140)
        return shortenedInScalars(text, limit: limit) ?? shortenedInCharacters(text, limit: limit)
    }

    /// What a cut leaves at the end and is dropped: separators and clause punctuation.
    private static let trailing = ",;:、，；：-–—(（"

    /// `shortenedInCharacters` on the scalars, when those it reads (the `limit + 1` characters
    /// the cut looks at, and the scalar after them) are characters of their own (`LoneScalars`):
    /// every card is cut, and making a `Character` of each of 80 to 140 was half of what a card
    /// cost. Nil for any other text.
    static func shortenedInScalars(_ text: String, limit: Int) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            var scalars: [Unicode.Scalar] = [], ends: [Int] = []
            scalars.reserveCapacity(limit + 2)
            ends.reserveCapacity(limit + 2)
            var offset = 0
            // One scalar past the characters the cut reads: it is what says the last one ends.
            while offset < bytes.count, scalars.count <= limit + 1 {
                let (value, length) = UTF8Scalars.decode(bytes, at: offset)
                guard offset + length <= bytes.count, LoneScalars.contains(value), let scalar = Unicode.Scalar(value) else { return nil }
                scalars.append(scalar)
                offset += length
                ends.append(offset)
            }
            guard scalars.count > limit else { return text }
            func inWord(_ s: Unicode.Scalar) -> Bool {
                (s.properties.isAlphabetic || s.properties.numericType != nil || s == "'" || s == "’") && !s.isHan
            }
            var end = limit
            if inWord(scalars[end - 1]) && inWord(scalars[end]) {
                var start = end - 1
                while start > 0 && inWord(scalars[start - 1]) { start -= 1 }
                if start > limit / 2 { end = start }
            }
            while end > 0, scalars[end - 1].properties.isWhitespace || trailing.unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<(end > 0 ? ends[end - 1] : 0)]), as: UTF8.self) + "…"
        }
    }

    static func shortenedInCharacters(_ text: String, limit: Int) -> String {
        // Only the characters up to the cut and one after it are read (a teaser's paragraph may
        // be the whole digest), each with where it ends, so the head is a slice of the text.
        var chars: [Character] = [], ends: [String.Index] = []
        var index = text.startIndex
        while index < text.endIndex, chars.count <= limit {
            chars.append(text[index])
            index = text.index(after: index)
            ends.append(index)
        }
        guard chars.count > limit else { return text }
        func inWord(_ c: Character) -> Bool { (c.isLetter || c.isNumber || c == "'" || c == "’") && !c.isHan }
        var end = limit
        if inWord(chars[end - 1]) && inWord(chars[end]) {
            var start = end - 1
            while start > 0 && inWord(chars[start - 1]) { start -= 1 }
            // A single "word" longer than half the preview (a URL, a code) is cut where it is.
            if start > limit / 2 { end = start }
        }
        var head = end > 0 ? String(text[..<ends[end - 1]]) : ""
        while let last = head.last, last.isWhitespace || trailing.contains(last) { head.removeLast() }
        return head + "…"
    }
}
