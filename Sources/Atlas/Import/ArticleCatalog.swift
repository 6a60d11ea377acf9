/// Merges the articles of every dump and Markdown file into one list: one article per identity
/// (title, source, time), carrying every topic it was filed under, each with a unique slug.
public enum ArticleCatalog {
    public static func merge(dumps: [Dump], markdown: [Article], config: SiteConfig, log: inout DiagnosticLog) -> [Article] {
        var byID: [String: Int] = [:]
        var articles: [Article] = []
        func add(_ article: Article) {
            if let index = byID[article.id] {
                var existing = articles[index]
                if case .markdown = article.body, case .imported = existing.body {
                    // An editor's Markdown version of an imported article is the curated one:
                    // its body and fields win, the topics of both are kept.
                    var curated = article
                    curated.topics = existing.topics + article.topics.filter { !existing.topics.contains($0) }
                    curated.origins = article.origins + existing.origins
                    articles[index] = curated
                    return
                }
                for topic in article.topics where !existing.topics.contains(topic) { existing.topics.append(topic) }
                for tag in article.tags where !existing.tags.contains(tag) { existing.tags.append(tag) }
                existing.origins += article.origins
                if existing.body != article.body, let first = existing.origins.first, let here = article.origins.first {
                    log.warning("the article `\(article.title)` repeats \(first) with a different body; the first body is used", at: here,
                                hint: "to replace an imported body, write the article as Markdown in content/articles/ with the same title, source and date")
                }
                articles[index] = existing
            } else {
                byID[article.id] = articles.count
                articles.append(article)
            }
        }
        for dump in dumps {
            for entry in dump.entries {
                guard let published = Timestamp.make(entry.time, zone: config.timeZone, at: entry.timeLocation, log: &log) else { continue }
                add(Article(slug: config.slugOverrides[entry.title]?.slug ?? "", title: entry.title, source: entry.source, sourceURL: nil,
                            published: published, topics: [dump.topic], tags: [], summary: nil,
                            body: .imported(BodyStructurer.structure(entry.body)), isDraft: false, origins: [entry.location]))
            }
        }
        markdown.forEach(add)
        let titles = Set(articles.map(\.title))
        for (title, override) in config.slugOverrides.sorted(by: { $0.key < $1.key }) where !titles.contains(title) {
            log.warning("`slugs` names `\(title)`, which is no article's title", at: override.location, hint: "check the title or remove the line")
        }
        assignSlugs(&articles, log: &log)
        // Newest first; ties broken by identity so the order never depends on input order.
        return articles.map { ($0.id, $0) }.sorted { ($0.1.published, $1.0) > ($1.1.published, $0.0) }.map(\.1)
    }

    /// Oldest article keeps the plain slug, so publishing a new article never moves an old URL.
    static func assignSlugs(_ articles: inout [Article], log: inout DiagnosticLog) {
        var taken: [String: String] = [:]
        let chosen = articles.indices.filter { !articles[$0].slug.isEmpty }
        for index in chosen {
            let article = articles[index]
            if let other = taken[article.slug] {
                log.error("slug `\(article.slug)` is used by `\(other)` and `\(article.title)`", at: article.origins.first,
                          hint: "give one of them a different `slug`")
            }
            taken[article.slug] = article.title
        }
        let derived = articles.indices.filter { articles[$0].slug.isEmpty }
            .map { ($0, articles[$0].id) }
            .sorted { (articles[$0.0].published, $0.1) < (articles[$1.0].published, $1.1) }
        // A chosen slug must not take the URL another article would get by itself: that page
        // would silently move.
        for (index, _) in derived {
            let natural = Slug.make(articles[index].title)
            if let owner = taken[natural] {
                let chooser = articles.first { $0.slug == natural }
                log.error("slug `\(natural)` chosen for `\(owner)` is the URL `\(articles[index].title)` gets from its title", at: chooser?.origins.first,
                          hint: "choose another slug, or give the other article a slug of its own")
            }
        }
        for (index, id) in derived {
            let slug = Slug.unique(Slug.make(articles[index].title), fallback: "article", identity: id) { taken[$0] != nil }
            taken[slug] = articles[index].title
            articles[index].slug = slug
        }
    }
}
