import Foundation
import Synchronization

/// The site's Mustache templates, loaded and checked before anything renders: a parse error, a
/// partial or parent that does not exist, or raw output of a value that is not builder-made HTML
/// is a build error naming the template file and line.
public struct TemplateSet: Sendable {
    private let library: TemplateLibrary
    /// Copies of `library` for the threads rendering pages at the same time, each used by one
    /// page at a time: the keys and names a page reads are retained and released, and two cores
    /// doing so on the same shared objects made rendering up to a fifth slower.
    private let copies = LibraryCopies()
    public let names: Set<String>
    /// Every value key a template reads (`{{title}}`, `{{#articles}}`, `{{layout.basePath}}` →
    /// `layout`), with where, for `atlas check` to compare with what the view models provide.
    public let keyUses: [(key: String, location: SourceLocation)]

    /// Templates the renderer asks for by name.
    public static let required = ["home", "article", "articles", "page", "topic", "topics", "data", "chart", "conflicts", "partials/chart-figure",
                                         "entity", "entities", "timeline", "search", "redirect"]

    public static func load(root: URL, log: inout DiagnosticLog) -> TemplateSet? {
        let folder = root.appendingPathComponent("templates")
        var library = TemplateLibrary()
        var names = Set<String>()
        var sources: [(name: String, file: TextFile)] = []
        let errorsBefore = log.errorCount
        let paths = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        for relative in paths {
            let path = "templates/" + relative
            guard let file = ContentLoader.read(root, path, log: &log, missingHint: nil) else { continue }
            let name = String(relative.dropLast(".mustache".count))
            // Known even when it fails to parse, so its users are not also told it is missing.
            names.insert(name)
            do {
                library.register(try Template(parsing: file.text), named: name)
                sources.append((name, file))
            } catch {
                log.error("template syntax error: \(error.message)", at: SourceLocation(file: path, line: error.line, column: error.column),
                          hint: "check that every `{{#section}}` has its `{{/section}}` and tags are closed with `}}`")
            }
        }
        for name in required where !names.contains(name) && !paths.isEmpty {
            log.error("the template `\(name).mustache` is missing", at: SourceLocation(file: "templates/\(name).mustache", line: 1),
                      hint: "restore it from the project's templates/ folder")
        }
        if paths.isEmpty {
            log.error("no templates found", at: SourceLocation(file: "templates", line: 1), hint: "the site needs templates/*.mustache")
        }
        var keyUses: [(key: String, location: SourceLocation)] = []
        for (_, file) in sources { keyUses += checkTags(file, names: names, log: &log) }
        guard log.errorCount == errorsBefore else { return nil }
        return TemplateSet(library: library, names: names, keyUses: keyUses)
    }

    private final class LibraryCopies: Sendable {
        private let free = Mutex<[TemplateLibrary]>([])
        func take() -> TemplateLibrary? { free.withLock { $0.popLast() } }
        func give(_ library: TemplateLibrary) { free.withLock { $0.append(library) } }
    }

    /// Finds partials and parents that do not exist, and unescaped output of anything but a
    /// `…HTML` key (the view models put only `TrustedHTML` under such keys).
    @discardableResult
    static func checkTags(_ file: TextFile, names: Set<String>, log: inout DiagnosticLog) -> [(key: String, location: SourceLocation)] {
        var uses: [(key: String, location: SourceLocation)] = []
        for (index, line) in file.lines.enumerated() {
            var rest = line[...]
            while let open = rest.literalRange(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.literalRange(of: "}}") else { break }
                var tag = String(afterOpen[..<close.lowerBound])
                // `{{ title }}` is `{{title}}`; the sigil, if any, is the first non-space.
                if !tag.hasPrefix("{") { tag = tag.trimmingWhitespace }
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                let location = SourceLocation(file: file.path, line: index + 1, column: column)
                rest = afterOpen[close.upperBound...]
                let raw = tag.hasPrefix("{") || tag.hasPrefix("&")
                if tag.hasPrefix("{"), rest.hasPrefix("}") { rest = rest.dropFirst() }
                guard let sigil = tag.first else { continue }
                tag = String(tag.dropFirst()).trimmingWhitespace
                let name = "#^/{&".contains(sigil) ? tag : String(sigil) + tag
                if name.split(separator: ".").dropFirst().contains(where: { $0.allSatisfy(\.isNumber) }) {
                    log.error("`\(name)` indexes a list, which templates do not support (it is always empty)", at: location,
                              hint: "add a `has…` flag to the view model and use `{{#hasItems}}`")
                }
                if sigil == ">" || sigil == "<", !names.contains(tag) {
                    log.error("the template names `\(tag)`, which does not exist", at: location,
                              hint: "create templates/\(tag).mustache or fix the name")
                }
                if raw, !tag.hasSuffix("HTML") {
                    log.error("`\(tag)` is output unescaped but is not builder-made HTML", at: location,
                              hint: "use `{{\(tag)}}`; only keys ending in `HTML` hold HTML the builder made")
                }
                if !"/!$><".contains(sigil), name != ".", let key = name.split(separator: ".").first {
                    uses.append((String(key), location))
                }
            }
        }
        return uses
    }

    /// Keys templates read that no view model provides: a misspelt `{{titel}}` renders as
    /// nothing, silently, so `atlas check` reports it.
    public func checkKeys(known: Set<String>, log: inout DiagnosticLog) {
        for use in keyUses where !known.contains(use.key) {
            let near = EditDistance.nearest(use.key, in: Array(known)).map { "; did you mean `\($0)`?" } ?? ""
            log.error("the template reads `\(use.key)`, which no page provides\(near)", at: use.location,
                      hint: "use a key of the page's view model (see Sources/Atlas/Render/MustacheContext.swift)")
        }
    }

    func render(_ context: TemplateContext, template name: String) -> String {
        withCopy { $0.render(context.templateValue, template: name) ?? "" }
    }

    /// A page's UTF-8 bytes, for its file.
    func renderUTF8(_ context: TemplateContext, template name: String) -> [UInt8] {
        withCopy { $0.renderUTF8(context.templateValue, template: name) ?? [] }
    }

    /// `value` with its rendering by `partial` (`TemplateLibrary.prerendered`), made with a copy
    /// from the pool like a page: cards are prerendered on all cores.
    func prerendered(_ value: TemplateValue, partial: String) -> TemplateValue {
        withCopy { $0.prerendered(value, partial: partial) }
    }

    private func withCopy<Result>(_ body: (TemplateLibrary) -> Result) -> Result {
        let library = copies.take() ?? self.library.detached
        defer { copies.give(library) }
        return body(library)
    }
}
