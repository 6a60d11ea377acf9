/// The figures and dated events of one article.
public struct ArticleFindings: Sendable, Equatable {
    public var claims: [Claim]
    public var events: [Event]
}

/// Runs both extractors over articles. An article's findings depend only on its own body, id
/// and publication date, which is what lets the articles be read in parallel and lets a rebuild
/// reuse the findings of every article that did not change.
public struct ArticleExtractor: Sendable {
    let matcher: EntityMatcher
    let claimExtractor: ClaimExtractor
    let eventExtractor: EventExtractor

    public init(entities: [Entity]) {
        matcher = EntityMatcher(entities: entities)
        claimExtractor = ClaimExtractor(entities: entities)
        eventExtractor = EventExtractor(entities: entities)
    }

    public func findings(for article: Article) -> ArticleFindings {
        let analyzed = AnalyzedText(article.sourceText, matcher: matcher)
        return ArticleFindings(claims: claimExtractor.claims(articleID: article.id, in: analyzed),
                               events: eventExtractor.events(articleID: article.id, in: analyzed, published: article.published.local))
    }

    /// In the articles' order, whatever order the cores finish in.
    public func findings(for articles: [Article]) -> [ArticleFindings] {
        Parallel.map(articles) { findings(for: $0) }
    }
}
