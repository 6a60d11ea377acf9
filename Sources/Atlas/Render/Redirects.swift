/// A published address keeps working (DESIGN.md): a page the site no longer makes leaves a
/// redirect where it was, as Hugo's aliases do: a meta refresh (no script, which the
/// Content-Security-Policy forbids), a canonical link to the new place and `noindex`, with a
/// plain link for browsers that do not follow the refresh. Redirects are not in the sitemap.
extension SiteRenderer {
    /// (old page path, where its content is now, the old page's title).
    func redirects() -> [(path: String, target: String, title: String)] {
        // Entities no article names lost their pages ("mentioned in 0 articles") to an entry on the index.
        let entities = site.entities.filter { !site.mentions.isMentioned($0.id) }.map { entity in
            ("entities/\(entity.id)/", "entities/#\(IdentityLinks.unmentionedAnchor(entity.id))", "\(entity.name) · \(entity.nameZh)")
        }
        return entities + aliasRedirects().map { ($0.alias.path, $0.target, $0.title) }
    }

    /// Every old address editors listed (`aliases:`) or the URL map remembers, with the page it
    /// now leads to; an alias that is the page's own address is no redirect.
    public func aliasRedirects() -> [(alias: Alias, target: String, title: String)] {
        let articles = site.articles.flatMap { article in article.aliases.map { ($0, "articles/\(article.slug)/", article.title) } }
        let pages = site.pages.flatMap { page in page.aliases.map { ($0, "\(page.slug)/", page.title) } }
        let topics = site.topics.flatMap { topic in
            (topic.document?.aliases ?? []).map { ($0, "topics/\(topic.slug)/", [topic.name, topic.nameEn].compactMap { $0 }.joined(separator: " · ")) }
        }
        return (articles + pages + topics).filter { $0.0.path != $0.1 }.map { (alias: $0.0, target: $0.1, title: $0.2) }
    }

    func redirectPages() -> [RenderJob] {
        redirects().map { redirect in
            page(redirect.path + "index.html", template: "redirect", RedirectView(
                site: site.config, title: redirect.title, target: site.config.basePath + redirect.target,
                absoluteTarget: site.config.absoluteURL(redirect.target)))
        }
    }
}
