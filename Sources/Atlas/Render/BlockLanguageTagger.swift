/// Marks paragraphs, headings and list items of cmark's output whose language differs from the
/// page's (or whose script is neither Han nor Latin, with its direction), so a bilingual page (an English section under a Chinese one) is read by screen readers
/// and hyphenated in the right language. cmark writes these tags without attributes, which is
/// what makes a plain scan reliable here.
enum BlockLanguageTagger {
    static let tags = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li"]
    /// Each tag's opening and closing markup, made once (they were interpolated at every `<`).
    static let markup = tags.map { (name: $0, open: "<\($0)>", close: "</\($0)>") }

    static func tag(_ html: String, container: Language) -> String {
        var html = html
        html.makeContiguousUTF8()
        if let tagged = html.utf8.withContiguousStorageIfAvailable({ bytes in
            LoneScalars.only(bytes) ? tagBytes(bytes, container: container) : nil
        }) ?? nil {
            return tagged
        }
        return tagCharacters(html, container: container)
    }

    static let markupBytes = markup.map { (name: $0.name, open: Array($0.open.utf8), close: Array($0.close.utf8)) }
    static let nestedLists = (Array("<ul".utf8), Array("<ol".utf8))

    /// `tagCharacters` on the bytes, for a page whose every scalar is a character of its own
    /// (nearly all: Han, Latin, punctuation), where comparing bytes is comparing characters.
    /// Breaking a long page into characters to find its tags was most of the tagging time.
    static func tagBytes(_ bytes: UnsafeBufferPointer<UInt8>, container: Language) -> String {
        func find(_ word: [UInt8], in range: Range<Int>) -> Int? {
            guard let first = word.first, range.count >= word.count else { return nil }
            var i = range.lowerBound
            while i <= range.upperBound - word.count {
                if bytes[i] == first, bytes[i..<(i + word.count)].elementsEqual(word) { return i }
                i += 1
            }
            return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            guard let open = bytes[i...].firstIndex(of: 0x3C) else { break }
            out.append(contentsOf: bytes[i..<open])
            guard let (name, openTag, closeTag) = markupBytes.first(where: { open + $0.open.count <= bytes.count && bytes[open..<(open + $0.open.count)].elementsEqual($0.open) }) else {
                out.append(0x3C)
                i = open + 1
                continue
            }
            let contentStart = open + openTag.count
            var end = find(closeTag, in: contentStart..<bytes.count) ?? bytes.count
            if name == "li", let nested = find(nestedLists.0, in: contentStart..<end) ?? find(nestedLists.1, in: contentStart..<end) {
                end = nested
            }
            var text: [UInt8] = []
            var inTag = false
            for byte in bytes[contentStart..<end] {
                if byte == 0x3C { inTag = true } else if byte == 0x3E { inTag = false } else if !inTag { text.append(byte) }
            }
            out.append(contentsOf: "<\(name)\(attributes(String(decoding: text, as: UTF8.self), container: container))>".utf8)
            i = contentStart
        }
        if i < bytes.count { out.append(contentsOf: bytes[i...]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func tagCharacters(_ html: String, container: Language) -> String {
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
