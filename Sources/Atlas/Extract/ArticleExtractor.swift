/// The figures and dated events of one article.
public struct ArticleFindings: Sendable, Equatable {
    public var claims: [Claim]
    public var events: [Event]
    /// Entity id → how often the body names it, from the matches extraction made anyway: the
    /// mention index takes them instead of matching every body a second time (`MentionIndex.counts`).
    var bodyMentions: [String: Int] = [:]
}

/// Runs both extractors over articles. An article's findings depend only on its own body, id
/// and publication date, which is what lets the articles be read in parallel and lets a rebuild
/// reuse the findings of every article that did not change.
public struct ArticleExtractor: Sendable {
    let claimExtractor: ClaimExtractor
    let eventExtractor: EventExtractor
    let entities: [Entity]

    public init(entities: [Entity]) {
        self.entities = entities
        claimExtractor = ClaimExtractor(entities: entities)
        eventExtractor = EventExtractor(entities: entities)
    }

    public func findings(for article: Article) -> ArticleFindings {
        let analyzed = AnalyzedText(article.sourceText, matcher: claimExtractor.matcher)
        var mentions: [String: Int] = [:]
        for mention in analyzed.mentions { mentions[mention.entity, default: 0] += 1 }
        return ArticleFindings(claims: claimExtractor.claims(articleID: article.id, in: analyzed, published: article.published.local),
                               events: eventExtractor.events(articleID: article.id, in: analyzed, published: article.published.local),
                               bodyMentions: mentions)
    }

    /// In the articles' order, whatever order the cores finish in. With a cache, an article
    /// whose body and date are unchanged (under the same entity registry) is not read again.
    /// Unchanged means the same bytes, of the id and of the body: the findings hold the id's
    /// bytes (later looked up by them, `ByteKey`) and the body's mention counts, which an edit
    /// that only changes a text's Unicode normalisation would otherwise leave stale. With a
    /// store, findings the memory does not hold are read from the last build's (`FindingsStore`),
    /// and this build's are written back for the next.
    public func findings(for articles: [Article], cache: inout FindingsCache) -> [ArticleFindings] {
        if cache.entities != entities { cache = FindingsCache(entities: entities, remembering: cache.remembering, store: cache.store) }
        let known = cache.entries
        let store = cache.store
        let registry = store.map { _ in FindingsStore.registry(entities) }
        let kept = store.flatMap { $0.entries(FindingsStore.file, context: registry!) }
        // Entries are made only for a store that is written (not `atlas serve`'s, read-only).
        let keeping = store?.writes == true
        let results = Parallel.map(articles) { article -> (findings: ArticleFindings, entry: BuildCache.Entry?, reused: Bool) in
            if let entry = known[article.id], entry.body.utf8.elementsEqual(article.sourceText.utf8), entry.published == article.published.local {
                // Written to the store too, which would otherwise lose what the memory held.
                return (entry.findings, keeping ? FindingsStore.entry(entry.findings, key: FindingsStore.key(article)) : nil, false)
            }
            guard store != nil else { return (findings(for: article), nil, false) }
            let key = FindingsStore.key(article)
            if let hit = FindingsStore.findings(kept, key: key, keeping: keeping) { return (hit.findings, hit.entry, true) }
            let found = findings(for: article)
            return (found, keeping ? FindingsStore.entry(found, key: key) : nil, false)
        }
        if let store, let registry {
            let entries = results.compactMap(\.entry)
            cache.reusedFromStore = results.lazy.filter(\.reused).count
            cache.storeProblem = nil
            if BuildCache.isNews(count: entries.count, reused: cache.reusedFromStore, kept: kept) {
                cache.storeProblem = store.write(FindingsStore.file, context: registry, entries: entries)
            }
        }
        guard cache.remembering else { return results.map(\.findings) }
        cache.entries = ByteKeyedDictionary(zip(articles, results).map { ($0.id, FindingsCache.Entry(body: $0.sourceText, published: $0.published.local, findings: $1.findings)) })
        return results.map(\.findings)
    }

    public func findings(for articles: [Article]) -> [ArticleFindings] {
        var cache = FindingsCache(entities: entities, remembering: false)
        return findings(for: articles, cache: &cache)
    }
}

/// The findings of the previous build, by article id, for rebuilds in `atlas serve`, and the
/// store that keeps them between runs of `atlas build`.
public struct FindingsCache: Sendable {
    struct Entry: Sendable {
        var body: String
        var published: LocalDateTime
        var findings: ArticleFindings
    }

    /// The registry the findings were made with: mentions and holders depend on it.
    var entities: [Entity]
    var entries = ByteKeyedDictionary<Entry>()
    /// A one-off build keeps nothing: holding every body and finding would only cost memory.
    let remembering: Bool
    /// Where findings are kept between builds (`atlas build`, `atlas check`, the first build of
    /// `atlas serve`); nil: nowhere.
    var store: BuildCache?
    /// Of the last extraction with a store: how many articles' findings came from it, and why
    /// the store could not be written (for a warning).
    public internal(set) var reusedFromStore = 0
    public internal(set) var storeProblem: String?

    public init(entities: [Entity] = [], remembering: Bool = true, store: BuildCache? = nil) {
        self.entities = entities
        self.remembering = remembering
        self.store = store
    }
}
