/// Renders an imported body's blocks as HTML. Text is escaped first; the only markup added is
/// the builder's own (headings, lists, reference marks), so article text never becomes HTML.
enum BodyRenderer {
    static func html(_ body: ImportedBody) -> TrustedHTML {
        var out = ""
        // Sub-headings before any section heading are promoted, so the outline never skips a
        // level after the page's <h1>.
        var sawSection = false
        for block in body.blocks {
            switch block {
            case .heading(let text, let requested):
                let level = sawSection ? requested : 2
                sawSection = sawSection || level == 2
                out += "<h\(level)>\(inline(text))</h\(level)>\n"
            case .paragraph(let text):
                out += "<p>\(inline(text))</p>\n"
            case .list(let items):
                out += "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
            }
        }
        return TrustedHTML(out)
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
