// libFuzzer target: any text through the cmark-gfm wrapper (chart placeholders, raw HTML turned
// into text, `@/` identity links and base-path rewriting), as HTML and as plain text. Built by
// scripts/fuzz against the whole Atlas library. Besides crashes it checks the wrapper's promise:
// with raw HTML off, no tag an editor typed reaches the page.
@testable import Atlas

let fuzzLinks = IdentityLinks(paths: ["@/": "", "@/entities/china": "entities/china/", "@/timeline": "timeline/",
                                      "@/data/reserves": "data/reserves/"])
let fuzzMarkdown = Markdown(basePath: "/atlas/", links: fuzzLinks)
/// Tags cmark-gfm itself writes; anything else with `<` followed by a letter came from the input.
let fuzzOwnTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "code", "pre", "ul", "ol", "li",
                                "blockquote", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td", "del", "input",
                                "section", "sup", "div"]
let fuzzOwnAttributes: Set<String> = ["href", "title", "src", "alt", "class", "id", "type", "checked", "disabled", "align", "start",
                                      "data-footnotes", "data-footnote-ref", "data-footnote-backref", "data-footnote-backref-idx",
                                      "aria-label", "lang"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownWrapper(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let html = fuzzMarkdown.html(text)
    _ = fuzzMarkdown.plainText(text)
    _ = Markdown.chartReferences(in: text)
    checkMarkup(html)
    return 0
}

/// Walks the HTML as bytes (cmark's markup is ASCII; a combining mark after `>` would join it
/// into one Character): every tag must be one cmark writes, every attribute one of its own with a
/// quoted value, and no link a script URL. A quote that escaped escaping would end a value early
/// and turn the rest into attributes.
func checkMarkup(_ html: String) {
    let bytes = Array(html.utf8)
    func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
    func isName(_ byte: UInt8) -> Bool { (97...122).contains(lower(byte)) || (48...57).contains(byte) || byte == UInt8(ascii: "-") }
    func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice.map(lower), as: UTF8.self) }
    var index = 0
    while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
        let end = bytes[open...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.endIndex
        var cursor = open + 1
        if cursor < end, bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
        let nameEnd = bytes[cursor..<end].firstIndex { !isName($0) } ?? end
        let name = text(bytes[cursor..<nameEnd])
        index = end
        if name.isEmpty { continue }
        guard fuzzOwnTags.contains(name) else { fatalError("tag <\(name)> from the input reached the HTML: \(html.prefix(400))") }
        cursor = nameEnd
        while cursor < end {
            if bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\n") || bytes[cursor] == UInt8(ascii: "/") { cursor += 1; continue }
            let attributeEnd = bytes[cursor..<end].firstIndex { !isName($0) } ?? end
            let attribute = text(bytes[cursor..<attributeEnd])
            guard fuzzOwnAttributes.contains(attribute) else { fatalError("attribute `\(attribute)` in \(text(bytes[open..<end]))") }
            cursor = attributeEnd
            guard cursor < end, bytes[cursor] == UInt8(ascii: "=") else { continue }
            guard cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: "\""),
                  let close = bytes[(cursor + 2)..<end].firstIndex(of: UInt8(ascii: "\"")) else {
                fatalError("unquoted value in \(text(bytes[open..<end]))")
            }
            let value = text(bytes[(cursor + 2)..<close])
            if attribute == "href" || attribute == "src", ["javascript:", "vbscript:", "file:"].contains(where: value.hasPrefix) {
                fatalError("script URL in \(text(bytes[open..<end]))")
            }
            cursor = close + 1
        }
    }
}
