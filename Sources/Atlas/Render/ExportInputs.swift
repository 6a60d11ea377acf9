/// Everything the claim and event exports read, so an incremental rebuild remakes the large
/// export files only when one of these changed.
struct ExportInputs: Sendable, Equatable {
    var claims: [Claim]
    var events: [Event]
    var articles: [ArticleStamp]
    var basePath: String
}

/// What the exports say about an article: where it is, its title and publication time.
struct ArticleStamp: Sendable, Equatable {
    var id: String
    var slug: String
    var title: String
    var published: Timestamp
}

extension SiteRenderer {
    var articleStamps: [ArticleStamp] {
        site.articles.map { ArticleStamp(id: $0.id, slug: $0.slug, title: $0.title, published: $0.published) }
    }
}
