/// Renders an imported body's blocks as HTML. Text is escaped first; the only markup added is
/// the builder's own (headings, lists, reference marks), so article text never becomes HTML.
enum BodyRenderer {
    static func html(_ body: ImportedBody, claims: [Claim] = []) -> TrustedHTML {
        let quotes = quoteGroups(body, claims: claims)
        var out = ""
        // Sub-headings before any section heading are promoted, so the outline never skips a
        // level after the page's <h1>.
        var sawSection = false
        for block in body.blocks {
            switch block {
            case .heading(let text, let requested):
                let level = sawSection ? requested : 2
                sawSection = sawSection || level == 2
                out += "<h\(level)>\(marked(text, quotes))</h\(level)>\n"
            case .paragraph(let text):
                out += "<p>\(marked(text, quotes))</p>\n"
            case .list(let items):
                out += "<ul>\n" + items.map { "<li>\(marked($0, quotes))</li>\n" }.joined() + "</ul>\n"
            }
        }
        return TrustedHTML(out)
    }

    /// A quote as it reads in the structured body, with the ids of the claims it carries.
    struct QuoteGroup {
        var text: String
        var ids: [String]
    }

    /// Claims sharing a quote share one mark; a Chinese quote loses its line-wrap spaces as the
    /// body did.
    static func quoteGroups(_ body: ImportedBody, claims: [Claim]) -> [QuoteGroup] {
        var groups: [QuoteGroup] = []
        for claim in claims {
            let text = body.language == .chinese ? ChineseBodyStructurer.joinWrapped(claim.quote) : claim.quote
            guard !text.isEmpty else { continue }
            if let index = groups.firstIndex(where: { $0.text == text }) { groups[index].ids.append(claim.id) } else { groups.append(QuoteGroup(text: text, ids: [claim.id])) }
        }
        return groups
    }

    /// The ids of the claims whose quote appears in some block, so pages know where anchors are.
    static func highlightable(_ body: ImportedBody, claims: [Claim]) -> [String] {
        let texts = body.blocks.flatMap { block -> [String] in
            switch block {
            case .heading(let t, _), .paragraph(let t): return [t]
            case .list(let items): return items
            }
        }
        return quoteGroups(body, claims: claims).filter { group in texts.contains { $0.contains(group.text) } }.flatMap(\.ids)
    }

    /// `inline`, with each quote that feeds a figure wrapped in a highlighted, linkable mark.
    static func marked(_ text: String, _ quotes: [QuoteGroup]) -> String {
        var spans: [(range: Range<String.Index>, group: QuoteGroup)] = []
        for group in quotes {
            guard let range = text.range(of: group.text), !spans.contains(where: { $0.range.overlaps(range) }) else { continue }
            spans.append((range, group))
        }
        guard !spans.isEmpty else { return inline(text) }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out = ""
        var cursor = text.startIndex
        for span in spans {
            out += inline(String(text[cursor..<span.range.lowerBound]))
            let extra = span.group.ids.dropFirst().map { "<span id=\"q-\($0)\"></span>" }.joined()
            out += "<mark class=\"quote\" id=\"q-\(span.group.ids[0])\">\(extra)\(inline(String(text[span.range])))</mark>"
            cursor = span.range.upperBound
        }
        out += inline(String(text[cursor...]))
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
