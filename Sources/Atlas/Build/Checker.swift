import Foundation

/// `atlas check`: every validation of a build, and then some, without writing anything — the
/// inputs, the templates' keys against what the view models provide, and every internal link
/// and anchor of the rendered site, each reported at the file it comes from.
public struct Checker: Sendable {
    public let options: Builder.Options

    public init(options: Builder.Options) { self.options = options }

    public func check() -> [Diagnostic] {
        var log = DiagnosticLog()
        let keys = KeyCollector()
        guard let prepared = Builder(options: options).prepare(log: &log, keys: keys, checking: true) else { return log.sorted }
        var templateLog = DiagnosticLog()
        if let templates = TemplateSet.load(root: options.root, log: &templateLog) {
            templates.checkKeys(known: keys.keys, log: &log)
        }
        let sources = sourceTexts(prepared.site)
        // Links written in Markdown were checked at their own position by the build
        // (`MarkdownLinks`); the rest are links templates and imports make.
        let site = prepared.site
        let identities = IdentityLinks(site: site)
        let markdown = MarkdownLinks.sources(site)
        let written = Set(markdown.flatMap { source in
            source.links.compactMap { MarkdownLinks.href($0.target, identities: identities, basePath: site.config.basePath).map { source.page + "\u{0}" + $0 } }
        })
        // An `@/` href still in a page that no input declares slipped past the scan.
        let declared = Set(markdown.flatMap(\.links).map(\.target).filter { $0.hasPrefix("@/") })
        for problem in LinkChecker.problems(in: prepared.files, basePath: site.config.basePath)
        where !declared.contains(problem.href) && !written.contains(problem.page + "\u{0}" + problem.href) {
            log.error("the link `\(problem.href)` \(problem.reason)", at: locate(problem, sources: sources),
                      hint: "link pages by identity (@/articles/SLUG, @/entities/ID …) so the build checks them")
        }
        for path in Self.vanishedPages(published: options.output, built: prepared.files.map(\.path)) {
            log.warning("`\(site.config.basePath)\(path)` is published in \(options.output.lastPathComponent)/ but this build has no page and no redirect there",
                        at: nil, hint: "if the page moved, add `aliases: [/\(path)]` to its front matter; if it was removed on purpose, rebuild to drop it")
        }
        return log.sorted
    }

    /// Page folders of the published site (`public/`) the fresh build no longer makes: URLs that
    /// changed, or pages removed. A redirect counts as a page.
    static func vanishedPages(published: URL, built: [String]) -> [String] {
        let made = Set(built)
        let files = FileManager.default.enumerator(atPath: published.path)?.allObjects as? [String] ?? []
        return files.filter { $0.hasSuffix("index.html") && !$0.hasPrefix("pagefind/") && !made.contains($0) }
            .map { String($0.dropLast("index.html".count)) }
            .sorted()
    }

    /// Content files by the page they render to, to point a broken link at its source line.
    func sourceTexts(_ site: Site) -> [String: (file: String, text: String)] {
        var result: [String: (String, String)] = [:]
        let root = options.root
        func text(_ path: String) -> String? { FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) } }
        for source in MarkdownLinks.sources(site) { if let t = text(source.file) { result[source.page] = (source.file, t) } }
        return result
    }

    func locate(_ problem: LinkChecker.Problem, sources: [String: (file: String, text: String)]) -> SourceLocation {
        guard let source = sources[problem.page] else { return SourceLocation(file: "public/" + problem.page, line: 1) }
        let basePath = problem.href.hasPrefix("/") ? "/" + problem.href.dropFirst() : problem.href
        for (index, line) in source.text.lines().enumerated() {
            for candidate in [problem.href, basePath] {
                if let range = line.range(of: "(" + candidate) ?? line.range(of: candidate) {
                    return SourceLocation(file: source.file, line: index + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 2)
                }
            }
        }
        return SourceLocation(file: source.file, line: 1)
    }
}
