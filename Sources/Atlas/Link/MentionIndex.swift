/// Which entities each article names (title and body, both languages) and how often, and the
/// reverse: which articles name each entity. Built once, linear in the text.
///
/// Bodies are read as the page shows them: the dumps leave line-wrap spaces between Han
/// characters (`中国外 交部`), which the body renderer drops; matching the raw line would miss
/// those names while the page links them.
public struct MentionIndex: Sendable {
    /// Article id → entity id → number of mentions (ids looked up by their bytes: `ByteKey`).
    var byArticle = ByteKeyedDictionary<[String: Int]>()
    /// Entity id → article ids, in site order (newest first).
    public var byEntity: [String: [String]] = [:]

    public init(articles: [Article], entities: [Entity]) {
        let matcher = EntityMatcher(entities: entities)
        self.init(articles: articles, counts: Parallel.map(articles) { Self.counts(in: $0, matcher: matcher) })
    }

    /// `counts`: each article's `counts(in:matcher:)`, in `articles` order (`atlas serve`
    /// remembers them for articles that did not change).
    init(articles: [Article], counts: [[String: Int]]) {
        for (article, counts) in zip(articles, counts) {
            byArticle[article.id] = counts
            for entity in counts.keys.sorted() { byEntity[entity, default: []].append(article.id) }
        }
    }

    /// Entity id → how often the article's title and body name it. `extracted`: the counts of
    /// extraction's matches in the raw body (`ArticleFindings.bodyMentions`), which are the
    /// body's counts whenever joining wrapped lines leaves the body as it is.
    static func counts(in article: Article, matcher: EntityMatcher, extracted: [String: Int]? = nil) -> [String: Int] {
        // Straight from the strings: a `ScanText` made from an array of characters re-encoded
        // each one.
        var mentions = matcher.mentions(in: ScanText(article.title))
        var counts: [String: Int] = [:]
        if let extracted, !ChineseBodyStructurer.hasSpaceBeforeHan(article.sourceText) {
            counts = extracted
        } else {
            mentions += matcher.mentions(in: ScanText(ChineseBodyStructurer.joinWrapped(article.sourceText)))
        }
        for mention in mentions { counts[mention.entity, default: 0] += 1 }
        return counts
    }

    /// Whether any article names the entity: only those have a page.
    public func isMentioned(_ entity: String) -> Bool {
        !(byEntity[entity]?.isEmpty ?? true)
    }

    /// Entity id → the entities named together with it, by number of shared articles (then id),
    /// the first `limit` of them. Counted for every entity at once over entity numbers instead
    /// of ids: China is named in nearly every article, and hashing each id it shares an article
    /// with, per entity page, took a tenth of a second of a 10,000-article build.
    public func coMentionedByEntity(limit: Int = 12) -> [String: [(entity: String, articles: Int)]] {
        let ids = byEntity.keys.sorted()
        let number = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        // By the id's bytes: an id is a title, mostly Chinese, and hashing it as a `String` normalises it.
        var named = ByteKeyedDictionary<[Int]>()
        var counts = [Int](repeating: 0, count: ids.count)
        var result: [String: [(entity: String, articles: Int)]] = [:]
        for (entity, id) in ids.enumerated() {
            var touched: [Int] = []
            for article in byEntity[id] ?? [] {
                let others: [Int]
                if let known = named[article] {
                    others = known
                } else {
                    others = (byArticle[article] ?? [:]).keys.compactMap { number[$0] }
                    named[article] = others
                }
                for other in others where other != entity {
                    if counts[other] == 0 { touched.append(other) }
                    counts[other] += 1
                }
            }
            // Ids are numbered in sorted order: the smaller number is the smaller id.
            result[id] = touched.map { ($0, counts[$0]) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(limit).map { (ids[$0.0], $0.1) }
            for other in touched { counts[other] = 0 }
        }
        return result
    }

    /// The entities most named across `articles` (by articles naming them, then mentions).
    public func top(in articles: [String], limit: Int = 12) -> [(entity: String, articles: Int)] {
        var documents: [String: Int] = [:], mentions: [String: Int] = [:]
        for article in articles {
            for (entity, count) in byArticle[article] ?? [:] {
                documents[entity, default: 0] += 1
                mentions[entity, default: 0] += count
            }
        }
        return documents.keys.sorted { (documents[$0]!, mentions[$0]!, $1) > (documents[$1]!, mentions[$1]!, $0) }
            .prefix(limit).map { ($0, documents[$0]!) }
    }
}
