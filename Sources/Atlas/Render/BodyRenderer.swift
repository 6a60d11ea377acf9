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

    /// The body's HTML and the ids it actually anchored: a quote is marked once, where it first
    /// appears, and never inside another mark, so every `#q-` link has exactly one target.
    static func render(_ body: ImportedBody, anchors: [(quote: String, id: String)], linker: EntityLinker?) -> (html: TrustedHTML, anchored: Set<String>) {
        let quotes = quoteGroups(body, anchors: anchors)
        var used = Set<Int>()
        var linked = Set<String>()
        var out = ""
        // Sub-headings before any section heading are promoted, so the outline never skips a
        // level after the page's <h1>.
        var sawSection = false
        for block in body.blocks {
            switch block {
            case .heading(let text, let requested):
                let level = sawSection ? requested : 2
                sawSection = sawSection || level == 2
                out += "<h\(level)>\(marked(text, quotes, used: &used, linker: nil, linked: &linked))</h\(level)>\n"
            case .paragraph(let text):
                out += "<p>\(marked(text, quotes, used: &used, linker: linker, linked: &linked))</p>\n"
            case .list(let items):
                out += "<ul>\n"
                for item in items { out += "<li>\(marked(item, quotes, used: &used, linker: linker, linked: &linked))</li>\n" }
                out += "</ul>\n"
            }
        }
        return (TrustedHTML(out), Set(used.flatMap { quotes[$0].ids }))
    }

    /// A quote as it reads in the structured body, with the ids of the claims or events it carries.
    struct QuoteGroup {
        var text: [Character]
        var ids: [String]
    }

    /// Anchors sharing a quote share one mark; a Chinese quote loses its line-wrap spaces as the
    /// body did.
    static func quoteGroups(_ body: ImportedBody, anchors: [(quote: String, id: String)]) -> [QuoteGroup] {
        var groups: [QuoteGroup] = []
        for anchor in anchors {
            let text = Array(body.language == .chinese ? ChineseBodyStructurer.joinWrapped(anchor.quote) : anchor.quote)
            guard !text.isEmpty else { continue }
            if let index = groups.firstIndex(where: { $0.text == text }) { groups[index].ids.append(anchor.id) } else { groups.append(QuoteGroup(text: text, ids: [anchor.id])) }
        }
        return groups
    }

    /// `inline`, with each quote that feeds a figure or an event wrapped in a highlighted,
    /// linkable mark, and each entity's first mention in the body linked to its page.
    static func marked(_ text: String, _ quotes: [QuoteGroup], used: inout Set<Int>, linker: EntityLinker?, linked: inout Set<String>) -> String {
        let chars = Array(text)
        var marks: [(range: Range<Int>, group: QuoteGroup)] = []
        for (index, group) in quotes.enumerated() where !used.contains(index) {
            guard let start = ClaimLedger.firstIndex(of: group.text, in: chars) else { continue }
            let range = start..<(start + group.text.count)
            if !marks.contains(where: { $0.range.overlaps(range) }) {
                marks.append((range, group))
                used.insert(index)
            }
        }
        var links: [(range: Range<Int>, url: String)] = []
        if let linker {
            for mention in linker.matcher.mentions(in: chars) where !linked.contains(mention.entity) {
                guard let url = linker.urls[mention.entity],
                      !marks.contains(where: { $0.range.overlaps(mention.range) && !($0.range.lowerBound <= mention.range.lowerBound && mention.range.upperBound <= $0.range.upperBound) })
                else { continue }
                linked.insert(mention.entity)
                links.append((mention.range, url))
            }
        }
        guard !marks.isEmpty || !links.isEmpty else { return inline(text) }
        // Tags at offsets: closing before opening, links inside marks.
        var opens: [Int: [String]] = [:], closes: [Int: [String]] = [:]
        for mark in marks {
            let extra = mark.group.ids.dropFirst().map { "<span id=\"q-\($0)\"></span>" }.joined()
            opens[mark.range.lowerBound, default: []].append("<mark class=\"quote\" id=\"q-\(mark.group.ids[0])\">\(extra)")
            closes[mark.range.upperBound, default: []].insert("</mark>", at: 0)
        }
        for link in links {
            opens[link.range.lowerBound, default: []].append("<a class=\"entity\" href=\"\(HTMLEscape.text(link.url))\">")
            closes[link.range.upperBound, default: []].insert("</a>", at: 0)
        }
        let cuts = Set(opens.keys).union(closes.keys).sorted()
        var out = ""
        var cursor = 0
        for cut in cuts {
            if cut > cursor { out += inline(String(chars[cursor..<cut])) }
            out += (closes[cut] ?? []).joined() + (opens[cut] ?? []).joined()
            cursor = max(cursor, cut)
        }
        if cursor < chars.count { out += inline(String(chars[cursor...])) }
        return out
    }

    /// Escapes `text` and turns each run of citation marks (`[4][5]`) into one reference mark,
    /// kept visible because they point at paragraphs of the original article.
    static func inline(_ text: String) -> String {
        let escaped = HTMLEscape.text(text)
        var out = ""
        var run = ""
        var i = escaped.startIndex
        func flushRun() {
            guard !run.isEmpty else { return }
            out += "<sup class=\"ref\">\(run)</sup>"
            run = ""
        }
        while i < escaped.endIndex {
            if escaped[i] == "[", let close = escaped[i...].firstIndex(of: "]"),
               escaped.distance(from: i, to: close) > 1, escaped.distance(from: i, to: close) <= 5,
               escaped[escaped.index(after: i)..<close].allSatisfy({ $0.isASCII && $0.isNumber }) {
                // Attach the mark to the preceding word, as a footnote mark would be.
                if run.isEmpty, out.hasSuffix(" ") { out.removeLast() }
                run += escaped[i...close]
                i = escaped.index(after: close)
                continue
            }
            flushRun()
            out.append(escaped[i])
            i = escaped.index(after: i)
        }
        flushRun()
        return out
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

    static func withoutReferenceMarks(_ text: String) -> String {
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "[", let close = text[i...].firstIndex(of: "]"), text.distance(from: i, to: close) > 1,
               text[text.index(after: i)..<close].allSatisfy({ $0.isASCII && $0.isNumber }) {
                while out.last == " " { out.removeLast() }
                i = text.index(after: close)
                continue
            }
            out.append(text[i])
            i = text.index(after: i)
        }
        return out.trimmingWhitespace
    }

    static func shorten(_ text: String, to limit: Int = 140) -> String {
        text.count > limit ? String(text.prefix(limit)).trimmingWhitespace + "…" : text
    }
}
