/// Tag pages: `/tags/<slug>/` lists the articles an editor tagged, newest first, so a tag on an
/// article leads somewhere instead of being a label that looks like a link. Only editors'
/// Markdown articles carry tags: a site without any has no tag pages.
extension SiteRenderer {
    /// A tag's URL segment. Tags that differ only in case or accents (`Japan`, `japan`) share one
    /// page; a tag with no letters or digits to make a slug from gets one derived from its text.
    static func tagSlug(_ tag: String) -> String {
        Slug.unique(SlugMaker.make(tag), fallback: "tag", identity: tag) { _ in false }
    }

    /// Every tag's slug, made once for the site (an ICU call per tag of every article page was
    /// half a percent of a dense build); the renderer keeps it as `tagSlugs`.
    static func tagSlugs(_ articles: [Article]) -> [String: String] {
        var table: [String: String] = [:]
        for article in articles { for tag in article.tags where table[tag] == nil { table[tag] = tagSlug(tag) } }
        return table
    }

    /// A slug is a function of the tag alone: a tag the table lacks (added in the preview) is
    /// slugged when asked.
    func slug(ofTag tag: String) -> String {
        tagSlugs[tag] ?? Self.tagSlug(tag)
    }

    func tagLink(_ tag: String) -> TopicLink {
        TopicLink(name: tag, url: site.config.basePath + "tags/\(slug(ofTag: tag))/")
    }

    func tagSection() -> [RenderJob] {
        var order: [String] = []
        var groups: [String: (name: String, articles: [Article])] = [:]
        for article in site.articles {
            for tag in article.tags {
                let slug = self.slug(ofTag: tag)
                if groups[slug] == nil { order.append(slug); groups[slug] = (tag, []) }
                if groups[slug]!.articles.last?.id != article.id { groups[slug]!.articles.append(article) }
            }
        }
        let parents = [TopicLink(name: "文章 Articles", url: site.config.basePath + "articles/")]
        return order.sorted().flatMap { slug in
            let (name, articles) = groups[slug]!
            return fullList(articles, list: "tags/\(slug)/", parents: parents, preview: 0, heading: "标签 Tag: \(name)",
                            lede: "标有“\(name)”的文章，共 \(articles.count) 篇，从新到旧 · \(Plural.count(articles.count, "article")) tagged \(name), newest first",
                            card: card)
        }
    }
}
