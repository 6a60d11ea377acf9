extension SiteRenderer {
    /// The page of an article whose body alone changed, made from the renderer of the published
    /// site (`atlas serve`, before it rebuilds the site): the article's own parts are made again
    /// from its new body — the body's HTML with its quotes marked and entities linked, its
    /// claims (with the editor's corrections of `edits`), events, entity mentions and card —
    /// and everything the page takes from the rest of the site (neighbours, related articles,
    /// its place on the timeline) is as published. Those parts are what a body edit seldom
    /// changes; when it does, the rebuild that follows writes the page again.
    func editedArticlePage(_ article: Article, findings: ArticleFindings, edits: ClaimEdits) -> OutputFile? {
        guard let index = site.articles.firstIndex(where: { $0.id == article.id }) else { return nil }
        var patched = self
        patched.site.articles[index] = article
        // The ledger of this one article: entries about other articles name claims it does not
        // have, and what they would report is the rebuild's to say.
        var elsewhere = DiagnosticLog()
        let claims = ClaimLedger.apply(edits, to: findings.claims, articles: [article], entities: site.entities, log: &elsewhere)
            .filter { $0.article == article.id }
        let events = Timeline.assemble(extracted: findings.events, articles: [], curated: []).filter { $0.kind == .event }
        patched.claimsByArticle[article.id] = claims
        patched.eventsByArticle[article.id] = events
        for anchor in Self.anchors(claimsByArticle[article.id] ?? [], eventsByArticle[article.id] ?? []) {
            patched.highlighted.remove(anchor.id)
        }
        if case .imported(let body) = article.body {
            let rendered = BodyRenderer.render(body, anchors: Self.anchors(claims, events), linker: linker)
            patched.bodies[article.id] = rendered.html
            patched.highlighted.formUnion(rendered.anchored)
        }
        patched.site.mentions.byArticle[article.id] = MentionIndex.counts(in: article, matcher: linker.matcher)
        patched.cards[article.id] = Self.makeCard(article, basePath: site.config.basePath, topicLinks: topicLinks, markdown: markdown, memo: memo, templates: templates)
        return patched.articlePage(index).render()
    }
}
