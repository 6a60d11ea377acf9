/// An entry of a long page's table of contents: a section heading's anchor and its label (with
/// how much the section holds, where that helps choosing).
struct ContentsEntry: Sendable, Equatable {
    var anchor: String
    var label: String

    /// A page with three sections or more is long enough to need a table of contents.
    static func ifLong(_ entries: [ContentsEntry]) -> [ContentsEntry] { entries.count >= 3 ? entries : [] }
}

/// The headings of an editor's explainer, listed in the page's table of contents. cmark-gfm
/// gives headings no ids, so each `<h2>` without one gets `s-<slug of its text>` (numbered when
/// two read alike), the way Hugo and Zola anchor Markdown headings.
enum TableOfContents {
    static func anchoringHeadings(_ html: TrustedHTML) -> (html: TrustedHTML, entries: [ContentsEntry]) {
        var out = ""
        var entries: [ContentsEntry] = []
        var used = Set<String>()
        // ICU's transform costs milliseconds a call; `SlugMaker` reads English and Chinese
        // headings without it.
        var rest = html.html[...]
        while let open = rest.literalRange(of: "<h2"), let close = rest[open.upperBound...].literalRange(of: "</h2>"),
              let tagEnd = rest[open.upperBound..<close.lowerBound].firstIndex(of: ">") {
            let attributes = rest[open.upperBound..<tagEnd]
            let inner = rest[rest.index(after: tagEnd)..<close.lowerBound]
            out += rest[..<open.lowerBound]
            guard attributes.isEmpty || attributes.hasPrefix(" "), !attributes.contains("id=") else {
                out += rest[open.lowerBound..<close.upperBound]
                rest = rest[close.upperBound...]
                continue
            }
            let label = plainText(inner)
            let base = "s-" + SlugMaker.make(label)
            var anchor = base
            var number = 2
            while !used.insert(anchor).inserted { anchor = "\(base)-\(number)"; number += 1 }
            entries.append(ContentsEntry(anchor: anchor, label: label))
            out += "<h2 id=\"\(anchor)\"\(attributes)>\(inner)</h2>"
            rest = rest[close.upperBound...]
        }
        out += rest
        return (TrustedHTML(out), entries)
    }

    /// A heading's text without its tags (a link inside it, say), entities decoded for re-escaping.
    static func plainText(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&").trimmingWhitespace
    }
}
