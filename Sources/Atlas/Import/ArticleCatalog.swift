/// Merges the articles of every dump and Markdown file into one list: one article per identity
/// (title, source, time), carrying every topic it was filed under, each with a unique slug.
public enum ArticleCatalog {
    public static func merge(dumps: [Dump], markdown: [Article], config: SiteConfig, log: inout DiagnosticLog) -> [Article] {
        var byID: [String: Int] = [:]
        var articles: [Article] = []
        func add(_ article: Article) {
            if let index = byID[article.id] {
                var existing = articles[index]
                for topic in article.topics where !existing.topics.contains(topic) { existing.topics.append(topic) }
                for tag in article.tags where !existing.tags.contains(tag) { existing.tags.append(tag) }
                existing.origins += article.origins
                if existing.body != article.body, let first = existing.origins.first, let here = article.origins.first {
                    log.warning("the article `\(article.title)` repeats \(first) with a different body; the first body is used", at: here)
                }
                articles[index] = existing
            } else {
                byID[article.id] = articles.count
                articles.append(article)
            }
        }
        for dump in dumps {
            for entry in dump.entries {
                guard let published = Timestamp(entry.time, zone: config.timeZone) else {
                    log.error("`\(entry.time)` does not exist in \(config.timeZone.identifier) (a daylight-saving gap)",
                              at: SourceLocation(file: entry.location.file, line: entry.location.line + 1),
                              hint: "check the time, or set `time_zone` in site.yml to the zone the export used")
                    continue
                }
                add(Article(slug: config.slugOverrides[entry.title] ?? "", title: entry.title, source: entry.source, sourceURL: nil,
                            published: published, topics: [dump.topic], tags: [], summary: nil,
                            body: .imported(BodyStructurer.structure(entry.body)), isDraft: false, origins: [entry.location]))
            }
        }
        markdown.forEach(add)
        assignSlugs(&articles, log: &log)
        // Newest first; ties broken by identity so the order never depends on input order.
        return articles.sorted { ($0.published, $1.id) > ($1.published, $0.id) }
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
            .sorted { (articles[$0].published, articles[$0].id) < (articles[$1].published, articles[$1].id) }
        for index in derived {
            var slug = Slug.make(articles[index].title)
            if slug.isEmpty || taken[slug] != nil {
                let stem = slug.isEmpty ? "article" : String(slug.prefix(Slug.maxLength - 7))
                slug = stem + "-" + Slug.disambiguator(for: articles[index].id)
            }
            taken[slug] = articles[index].title
            articles[index].slug = slug
        }
    }
}
