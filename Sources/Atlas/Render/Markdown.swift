import CCmarkGFM
import Foundation
import Synchronization

/// The only place that calls into cmark-gfm: one parse-render-free cycle per document, so no
/// C pointer outlives the call and nothing leaks.
///
/// cmark-gfm 0.29 is not thread-safe in two places: extension registration races on first use
/// (done once, by `registered`), and finishing a document (`cmark_parser_finish`, where inlines
/// are parsed) sets the extensions' characters in a table every parser reads and clears them
/// when done. Only that step goes through one lock; making, feeding and freeing a parser, and
/// rendering a document, write nothing shared (the library's other statics are written while
/// extensions register, or by its arena allocator, which the site does not use).
/// With every call under the lock, threads rendering Markdown articles queued on it.
public struct Markdown: Sendable {
    private static let cmark = Mutex<Void>(())
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()
    /// The GitHub extensions every curated page gets; footnotes come from a parser option.
    public static let extensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Raw HTML in Markdown is escaped unless the site config allows it: content is not code.
    public var allowsRawHTML: Bool
    public var extensions: [String]
    public var footnotes: Bool
    /// Root-relative links (`/articles/`) are written under this path, so an editor's links work
    /// when the site is published under a sub-path.
    public var basePath: String
    /// Resolves editors' identity links (`@/entities/china`); checked at build time already.
    public var links: IdentityLinks?

    public init(allowsRawHTML: Bool = false, extensions: [String] = Markdown.extensions, footnotes: Bool = true, basePath: String = "/",
                links: IdentityLinks? = nil) {
        self.allowsRawHTML = allowsRawHTML
        self.extensions = extensions
        self.footnotes = footnotes
        self.basePath = basePath
        self.links = links
    }

    public func html(_ markdown: String) -> String {
        render(markdown, plainText: false)
    }

    /// The document as plain text (no markup, no HTML), for teasers and descriptions.
    public func plainText(_ markdown: String) -> String {
        render(markdown, plainText: true)
    }

    /// What a ```` ```chart NAME ```` block renders as, for the site renderer to replace with the
    /// chart. U+FFFC is the object replacement character: a stand-in for an embedded object.
    public static func chartPlaceholder(_ name: String) -> String { "\u{FFFC}chart:\(name)\u{FFFC}" }

    /// The charts a Markdown text embeds, with their 1-based line numbers, for checking names
    /// before rendering. Matches the fences cmark reads as code blocks with info `chart NAME`.
    public static func chartReferences(in text: String) -> [(name: String, extra: String, line: Int, column: Int)] {
        var result: [(String, String, Int, Int)] = []
        for (index, line) in text.lines().enumerated() {
            let indent = line.prefix { $0 == " " }.count
            guard indent <= 3 else { continue }
            let rest = line.dropFirst(indent)
            guard let fence = rest.first, fence == "`" || fence == "~" else { continue }
            let marks = rest.prefix { $0 == fence }
            guard marks.count >= 3 else { continue }
            let info = rest.dropFirst(marks.count).trimmingWhitespace
            if let fence = Self.chartFence(info) {
                result.append((fence.name, fence.extra, index + 1, indent + marks.count + 1))
            }
        }
        return result
    }

    /// Reads a code fence's info string as a chart embed: `chart NAME`, in any case (`Chart
    /// Reserves` is not an empty code box). `extra`: words after the name, which the build
    /// refuses rather than guess what they meant. Nil when the fence is not a chart.
    static func chartFence(_ info: some StringProtocol) -> (name: String, extra: String)? {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first, first.lowercased() == "chart" else { return nil }
        return (words.count > 1 ? words[1].lowercased() : "", words.dropFirst(2).joined(separator: " "))
    }

    /// A block of prose as a reader sees it — a paragraph, a heading, a table row — with the
    /// line it starts on (1-based, in the Markdown given) and the targets of the links in it,
    /// for checking the figures editors write against their sources. Code is left out.
    public struct ProseBlock: Hashable, Sendable {
        public var text: String
        public var line: Int
        public var links: [String]
    }

    public func proseBlocks(_ markdown: String) -> [ProseBlock] {
        blocks(markdown)
    }

    private func blocks(_ markdown: String) -> [ProseBlock] {
        guard let parser = parser(markdown, options: CMARK_OPT_VALIDATE_UTF8 | (footnotes ? CMARK_OPT_FOOTNOTES : 0)) else { return [] }
        defer { cmark_parser_free(parser) }
        guard let document = Self.finish(parser) else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var result: [ProseBlock] = []
        var current: (node: OpaquePointer, block: ProseBlock)?
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let typeName = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
            let isBlock = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || typeName == "table_row"
            if event == CMARK_EVENT_ENTER, isBlock, current == nil {
                current = (node, ProseBlock(text: "", line: Int(cmark_node_get_start_line(node)), links: []))
                continue
            }
            if event == CMARK_EVENT_EXIT, let open = current, open.node == node {
                result.append(open.block)
                current = nil
                continue
            }
            guard event == CMARK_EVENT_ENTER, current != nil else { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE:
                current!.block.text += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                current!.block.text += "\n"
            case CMARK_NODE_LINK:
                if let url = cmark_node_get_url(node).map({ String(cString: $0) }) { current!.block.links.append(url) }
            default:
                if typeName == "table_cell", !current!.block.text.isEmpty { current!.block.text += " | " }
            }
        }
        return result
    }

    /// A parser with the extensions attached, fed `markdown`; the caller frees it.
    private func parser(_ markdown: String, options: Int32) -> OpaquePointer? {
        Self.registered
        guard let parser = cmark_parser_new(options) else { return nil }
        for name in extensions {
            if let extension_ = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extension_)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        return parser
    }

    private static func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        // Passed out as an address: a C pointer is not `Sendable`, and the document is the
        // caller's alone.
        OpaquePointer(bitPattern: cmark.withLock { _ in Int(bitPattern: cmark_parser_finish(parser)) })
    }

    private func render(_ markdown: String, plainText: Bool) -> String {
        // A table column's alignment as `style="text-align: …"`: cmark's default `align=` is
        // obsolete in HTML and fails validation (the site's CSP allows inline style attributes).
        var options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if footnotes { options |= CMARK_OPT_FOOTNOTES }
        if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
        guard let parser = parser(markdown, options: options) else { return "" }
        defer { cmark_parser_free(parser) }
        guard let document = Self.finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        rewrite(document)
        let extensions = cmark_parser_get_syntax_extensions(parser)
        let output = plainText ? cmark_render_plaintext(document, options, 0) : cmark_render_html(document, options, extensions)
        guard let rendered = output else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Adjusts the parsed document before rendering: root-relative link targets get the base
    /// path, and (unless allowed) raw HTML becomes text. cmark's own safe mode drops raw HTML
    /// with a comment; editors are better served by seeing their tags as text.
    private func rewrite(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var raw: [OpaquePointer] = []
        var charts: [(OpaquePointer, String)] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_CODE_BLOCK, let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }) {
                if let fence = Self.chartFence(info), !fence.name.isEmpty { charts.append((node, fence.name)) }
            }
            if type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK, !allowsRawHTML { raw.append(node) }
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node).map({ String(cString: $0) }) {
                if url.hasPrefix("@/"), let path = links?.resolve(url) {
                    cmark_node_set_url(node, basePath + path)
                } else if basePath != "/", url.hasPrefix("/"), !url.hasPrefix("//") {
                    cmark_node_set_url(node, basePath + url.dropFirst())
                }
            }
        }
        for (node, name) in charts {
            guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH), let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(text, Self.chartPlaceholder(name))
            cmark_node_append_child(paragraph, text)
            cmark_node_replace(node, paragraph)
            cmark_node_free(node)
        }
        for node in raw {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
                // A block becomes a paragraph holding the text, so it keeps its place in the flow.
                guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH), let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                cmark_node_set_literal(text, literal.trimmingCharacters(in: .newlines))
                cmark_node_append_child(paragraph, text)
                cmark_node_replace(node, paragraph)
            } else {
                guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                cmark_node_set_literal(text, literal)
                cmark_node_replace(node, text)
            }
            cmark_node_free(node)
        }
    }
}
