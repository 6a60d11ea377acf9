/// Merges the articles of every dump and Markdown file into one list: one article per identity
/// (title, source, time), carrying every topic it was filed under, each with a unique slug.
public enum ArticleCatalog {
    public static func merge(dumps: [Dump], markdown: [Article], config: SiteConfig, log: inout DiagnosticLog) -> [Article] {
        var urls = URLMap()
        return merge(dumps: dumps, markdown: markdown, config: config, urls: &urls, log: &log)
    }

    /// `urls`: the committed URL map on the way in; on the way out, the map for this set of
    /// articles (what `atlas build` writes back). `structure` is `BodyStructurer.structure`, or
    /// `atlas serve`'s memo of it, so an edit restructures only the bodies it changed.
    public static func merge(dumps: [Dump], markdown: [Article], config: SiteConfig, urls: inout URLMap, log: inout DiagnosticLog,
                             structure: @Sendable (String) -> ImportedBody = BodyStructurer.structure) -> [Article] {
        // Structuring a body is the costly part of an entry and depends on nothing else: on all
        // cores, in entry order. Merging, the title check and the slugs read no body, so one
        // worker does them alongside (a quarter of a second on one core at 10,000 articles);
        // the bodies are put in afterwards.
        let entries = dumps.flatMap { dump in dump.entries.map { (topic: dump.topic, entry: $0) } }
        let committed = urls
        let (merged, bodies) = Parallel.map(entries.map(\.entry.body), alongside: {
            catalog(entries, markdown: markdown, config: config, urls: committed)
        }) { structure($0) }
        log.append(merged.log)
        urls = merged.urls
        for repeated in merged.repeats where bodies[repeated.first] != bodies[repeated.again] {
            warnRepeat(repeated.title, of: repeated.firstLocation, at: repeated.location, log: &log)
        }
        return merged.articles.map { article in
            guard case .imported = article.body, let entry = merged.bodyEntry[article.id] else { return article }
            var article = article
            article.body = .imported(bodies[entry])
            return article
        }
    }

    /// The merged articles without their imported bodies (each is the body of entry
    /// `bodyEntry[id]`), with the URL map they give and the imported repeats whose bodies are
    /// still to be compared.
    struct Merged: Sendable {
        struct Repeat: Sendable {
            var first: Int, again: Int
            var title: String
            var firstLocation: SourceLocation, location: SourceLocation
        }
        var articles: [Article]
        var bodyEntry: ByteKeyedDictionary<Int>
        var repeats: [Repeat]
        var urls: URLMap
        var log: DiagnosticLog
    }

    static func warnRepeat(_ title: String, of first: SourceLocation, at here: SourceLocation, log: inout DiagnosticLog) {
        log.warning("the article `\(title)` repeats \(first) with a different body; the first body is used", at: here,
                    hint: "to replace an imported body, write the article as Markdown in content/articles/ with the same title, source and date")
    }

    private static let unstructured = ImportedBody(blocks: [], language: .english, isExcerpt: false, raw: "")

    static func catalog(_ entries: [(topic: String, entry: DumpEntry)], markdown: [Article], config: SiteConfig, urls: URLMap) -> Merged {
        var log = DiagnosticLog()
        // By the ids' bytes: an id holds the title, mostly Chinese, which a `String` key normalises to hash.
        var byID = ByteKeyedDictionary<Int>()
        var articles: [Article] = []
        var bodyEntry = ByteKeyedDictionary<Int>()
        var repeats: [Merged.Repeat] = []
        func add(_ article: Article, entry: Int?) {
            if let index = byID[article.id] {
                var existing = articles[index]
                if case .markdown = article.body, case .imported = existing.body {
                    // An editor's Markdown version of an imported article is the curated one:
                    // its body and fields win, the topics of both are kept, and so is its URL
                    // unless the Markdown gives a `slug:`.
                    var curated = article
                    curated.topics = existing.topics + article.topics.filter { !existing.topics.contains($0) }
                    curated.origins = article.origins + existing.origins
                    curated.isImported = true
                    if curated.slug.isEmpty { curated.slug = existing.slug }
                    articles[index] = curated
                    return
                }
                for topic in article.topics where !existing.topics.contains(topic) { existing.topics.append(topic) }
                for tag in article.tags where !existing.tags.contains(tag) { existing.tags.append(tag) }
                existing.origins += article.origins
                if let first = existing.origins.first, let here = article.origins.first {
                    // Imported bodies are compared once they are structured.
                    if let entry, let earlier = bodyEntry[article.id] {
                        repeats.append(Merged.Repeat(first: earlier, again: entry, title: article.title, firstLocation: first, location: here))
                    } else if existing.body != article.body {
                        warnRepeat(article.title, of: first, at: here, log: &log)
                    }
                }
                articles[index] = existing
            } else {
                byID[article.id] = articles.count
                articles.append(article)
                if let entry { bodyEntry[article.id] = entry }
            }
        }
        for (index, (topic, entry)) in entries.enumerated() {
            guard let published = Timestamp.make(entry.time, zone: config.timeZone, at: entry.timeLocation, log: &log) else { continue }
            var article = Article(slug: config.slugOverrides[entry.title]?.slug ?? "", title: entry.title, source: entry.source, sourceURL: nil,
                                  published: published, topics: [topic], tags: [], summary: nil,
                                  body: .imported(unstructured), isDraft: false, origins: [entry.location])
            article.isImported = true
            add(article, entry: index)
        }
        markdown.forEach { add($0, entry: nil) }
        let titles = config.slugOverrides.isEmpty ? [] : Set(articles.map { $0.title })
        for (title, override) in config.slugOverrides.sorted(by: { $0.key < $1.key }) where !titles.contains(title) {
            log.warning("`slugs` names `\(title)`, which is no article's title", at: override.location, hint: "check the title or remove the line")
        }
        warnDuplicateTitles(articles, log: &log)
        var urls = urls
        urls = assignSlugs(&articles, urls: urls, log: &log)
        // Newest first; ties broken by identity so the order never depends on input order.
        articles = articles.map { ($0.id, $0) }.sorted { ($0.1.published, $1.0) > ($1.1.published, $0.0) }.map { $0.1 }
        return Merged(articles: articles, bodyEntry: bodyEntry, repeats: repeats, urls: urls, log: log)
    }

    /// Two different articles with one title are legal (two outlets may print the same
    /// headline), but readers cannot tell them apart in lists, and when both take their URL from
    /// the title the newer one's carries a suffix: say so where the newer one is written.
    static func warnDuplicateTitles(_ articles: [Article], log: inout DiagnosticLog) {
        var first = ByteKeyedDictionary<Article>()
        for article in articles.sorted(by: { ($0.published, $0.id) < ($1.published, $1.id) }) {
            guard let earlier = first[article.title] else { first[article.title] = article; continue }
            let there = earlier.origins.first.map { " at \($0)" } ?? ""
            log.warning("another article has the title `\(article.title)`\(there) (\(earlier.source), \(earlier.published.local)); "
                        + "this one (\(article.source), \(article.published.local)) looks the same in every list", at: article.origins.first,
                        hint: "if they are one article, make source and date agree; otherwise tell the titles apart, or give one a `slug`")
        }
    }

    /// Chosen slugs (`slug:` in Markdown, `slugs:` in site.yml) first; then a Markdown article's
    /// file name; then an imported article's slug from the URL map; then, for an article the map
    /// does not know, a slug from its title (the oldest article keeps the plain one). Returns the
    /// URL map of the published articles; an article whose slug is not the one the map had
    /// (a new `slug:`, a renamed file) keeps the old one as an alias, which redirects.
    static func assignSlugs(_ articles: inout [Article], urls: URLMap, log: inout DiagnosticLog) -> URLMap {
        var taken: [String: String] = [:]
        func claim(_ slug: String, for index: Int, at location: SourceLocation?) {
            if let other = taken[slug] {
                log.error("slug `\(slug)` is used by `\(other)` and `\(articles[index].title)`", at: location,
                          hint: "give one of them a different `slug` (or rename the file)")
            }
            taken[slug] = articles[index].title
            articles[index].slug = slug
        }
        for index in articles.indices where !articles[index].slug.isEmpty {
            claim(articles[index].slug, for: index, at: articles[index].origins.first)
        }
        for index in articles.indices where articles[index].slug.isEmpty && !articles[index].isImported {
            let file = articles[index].origins.first?.file ?? ""
            claim(Slug.fromFileName(file), for: index, at: articles[index].origins.first)
        }
        // Drafts have no published URL to keep.
        let published = articles.indices.filter { !articles[$0].isDraft }
        let matched = urls.match(articles, candidates: published)
        var entries: [Int: URLMap.Entry] = [:]
        // Every slug the map has given out, current or old: a new article takes none of them.
        let mapped = Set(urls.entries.flatMap { [$0.slug] + $0.aliases })
        // Made on all cores before the serial pass that keeps them unique (a title ICU must read
        // whole costs about 0.1 ms).
        let needing = published.filter { articles[$0].slug.isEmpty && matched[$0] == nil }
        let titles = articles.map { $0.title }
        let baseSlugs = Dictionary(uniqueKeysWithValues: zip(needing, Parallel.map(needing) { SlugMaker.make(titles[$0]) }))
        for index in published.sorted(by: { (articles[$0].published, articles[$0].id) < (articles[$1].published, articles[$1].id) }) {
            let article = articles[index]
            let known = matched[index].map { urls.entries[$0] }
            if article.slug.isEmpty {
                if let known {
                    if let owner = taken[known.slug] {
                        let chooser = articles.first { $0.slug == known.slug }
                        log.error("slug `\(known.slug)`, chosen for `\(owner)`, is the published URL of `\(article.title)` (\(URLMap.path))",
                                  at: chooser?.origins.first ?? article.origins.first, hint: "choose another slug; published URLs do not move")
                    }
                    taken[known.slug] = article.title
                    articles[index].slug = known.slug
                } else {
                    let slug = Slug.unique(baseSlugs[index]!, fallback: "article", identity: article.id) { candidate in
                        taken[candidate] != nil || mapped.contains(candidate)
                    }
                    taken[slug] = article.title
                    articles[index].slug = slug
                }
            }
            var aliases = known?.aliases ?? []
            if let known, known.slug != articles[index].slug, !aliases.contains(known.slug) { aliases.append(known.slug) }
            aliases.removeAll { $0 == articles[index].slug }
            let location = known?.location ?? SourceLocation(file: URLMap.path, line: 1)
            articles[index].aliases += aliases.map { Alias(path: "articles/\($0)/", location: location) }
            entries[index] = URLMap.Entry(slug: articles[index].slug, title: article.title, source: article.source,
                                          date: article.published.local.description, aliases: aliases.sorted())
        }
        // An old slug another article now has is that article's URL (an editor reused the
        // name), not a redirect.
        let current = Set(articles.map { $0.slug })
        for index in published {
            articles[index].aliases.removeAll { $0.location.file == URLMap.path && current.contains(String($0.path.dropFirst("articles/".count).dropLast())) }
            entries[index]?.aliases.removeAll { current.contains($0) }
        }
        return URLMap(entries: entries.values.sorted { $0.slug < $1.slug })
    }
}
