/// Marks paragraphs, headings and list items of cmark's output whose language differs from the
/// page's (or whose script is neither Han nor Latin, with its direction), so a bilingual page (an English section under a Chinese one) is read by screen readers
/// and hyphenated in the right language. cmark writes these tags without attributes, which is
/// what makes a plain scan reliable here.
enum BlockLanguageTagger {
    static let tags = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li"]
    /// Each tag's opening and closing markup, made once (they were interpolated at every `<`).
    static let markup = tags.map { (name: $0, open: "<\($0)>", close: "</\($0)>") }

    static func tag(_ html: String, container: Language) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + 64)
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            rest = rest[open...]
            guard let (name, openTag, closeTag) = markup.first(where: { rest.hasPrefix($0.open) }) else {
                out.append("<")
                rest = rest.dropFirst()
                continue
            }
            let contentStart = rest.index(rest.startIndex, offsetBy: openTag.count)
            // The standard library's search, by Characters as `hasPrefix` compares: Foundation's
            // `range(of:)` counted UTF-16 offsets through the whole page at every block.
            var end = rest[contentStart...].firstRange(of: closeTag)?.lowerBound ?? rest.endIndex
            if name == "li", let nested = rest[contentStart..<end].firstRange(of: "<ul")?.lowerBound ?? rest[contentStart..<end].firstRange(of: "<ol")?.lowerBound {
                end = nested
            }
            out += "<\(name)\(attributes(plainText(rest[contentStart..<end]), container: container))>"
            rest = rest[contentStart...]
        }
        out += rest
        return out
    }

    /// ` lang="…"` when a block's language differs from the page's, and ` dir="rtl"` for a
    /// script written right to left (an Arabic paragraph, which is neither of the site's languages).
    static func attributes(_ text: String, container: Language) -> String {
        if let other = OtherScript.detect(text) { return other.attributes }
        let language = Language.detect(text)
        return language == container ? "" : " lang=\"\(language.rawValue)\""
    }

    static func plainText(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        return text
    }
}
