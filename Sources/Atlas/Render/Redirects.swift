/// A published address keeps working (DESIGN.md): a page the site no longer makes leaves a
/// redirect where it was, as Hugo's aliases do: a meta refresh (no script, which the
/// Content-Security-Policy forbids), a canonical link to the new place and `noindex`, with a
/// plain link for browsers that do not follow the refresh.
extension SiteRenderer {
    /// (old page path, where its content is now, the old page's title).
    func redirects() -> [(path: String, target: String, title: String)] {
        // Entities no article names lost their pages ("mentioned in 0 articles") to an entry on the index.
        site.entities.filter { !site.mentions.isMentioned($0.id) }.map { entity in
            ("entities/\(entity.id)/", "entities/#\(IdentityLinks.unmentionedAnchor(entity.id))", "\(entity.name) · \(entity.nameZh)")
        }
    }

    func redirectPages() -> [RenderJob] {
        redirects().map { redirect in
            page(redirect.path + "index.html", template: "redirect", RedirectView(
                site: site.config, title: redirect.title, target: site.config.basePath + redirect.target,
                absoluteTarget: site.config.absoluteURL(redirect.target)))
        }
    }
}
