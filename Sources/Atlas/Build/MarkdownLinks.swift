import Foundation

/// The links editors write in Markdown — by identity, by path, to an anchor — checked against
/// the planned site at build time, as Zola does: a link to `/articles/does-not-exist/` or
/// `#no-such-anchor` fails the build at its own file, line and column instead of waiting for
/// `atlas check` or a reader. Paths are checked against the files the site will have; an
/// anchor by rendering only the page it points into.
enum MarkdownLinks {
    /// A Markdown source with the page it renders to.
    struct Source {
        var page: String
        var file: String
        var links: [IdentityLink]
    }

    /// Pages, topic explainers and Markdown articles, by the page each renders to.
    static func sources(_ site: Site) -> [Source] {
        site.pages.map { Source(page: "\($0.slug)/index.html", file: $0.origin.file, links: $0.links) }
            + site.topics.compactMap { topic in
                topic.document.map { Source(page: "topics/\(topic.slug)/index.html", file: $0.origin.file, links: $0.links) }
            }
            + site.articles.compactMap { article in
                // A Markdown body is its file's (an editor's version of an imported article
                // comes first among its origins); an imported one has no Markdown to link from.
                guard case .markdown = article.body, let file = article.origins.first?.file else { return nil }
                return Source(page: "articles/\(article.slug)/index.html", file: file, links: article.links)
            }
    }

    /// The `href` the renderer writes for a link (`Markdown.rewrite`); nil for an identity link
    /// that names nothing, which `IdentityLinks` reports.
    static func href(_ target: String, identities: IdentityLinks, basePath: String) -> String? {
        if target.hasPrefix("@/") { return identities.resolve(target).map { basePath + $0 } }
        if target.hasPrefix("/") { return basePath + target.dropFirst() }
        return target
    }

    static func check(_ site: Site, jobs: [RenderJob], log: inout DiagnosticLog) {
        let identities = IdentityLinks(site: site)
        let basePath = site.config.basePath
        let paths = Set(jobs.map(\.path))
        let byPath = Dictionary(jobs.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var anchors: [String: Set<String>] = [:]
        func ids(_ path: String) -> Set<String> {
            if let known = anchors[path] { return known }
            let found = byPath[path].map { LinkChecker.anchors(in: $0.render().text) } ?? []
            anchors[path] = found
            return found
        }
        for source in sources(site) {
            for link in source.links {
                guard let href = href(link.target, identities: identities, basePath: basePath),
                      let reason = LinkChecker.problem(href: href, on: source.page, basePath: basePath, paths: paths, ids: ids) else { continue }
                log.error("the link `\(link.target)` \(reason)", at: link.location,
                          hint: link.target.hasPrefix("#") ? "anchors are the ids of headings and sections; check the spelling"
                                : "link pages by identity (@/articles/SLUG, @/entities/ID …) so a changed URL is caught at its link")
            }
        }
    }
}
