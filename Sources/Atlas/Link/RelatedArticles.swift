/// Up to five related articles per article: shared topics weigh most, then shared entities,
/// rarer entities more than common ones; ties go to the newer article, then the id.
///
/// Candidates come from the inverted index, and entities named in more than half of the
/// articles (China, rare earths) are left out, so the work stays near-linear in the corpus.
public enum RelatedArticles {
    /// At most this many same-topic neighbours (by date) and this many sharers of an entity are
    /// looked at per article, which keeps the work linear in the corpus.
    static let window = 40
    static let commonEntity = 200
    /// Articles scored with one table (`compute`): enough runs to share out among the cores,
    /// few enough that making each run's table (one number per article) costs little.
    static let runLength = 256

    public static func compute(_ articles: [Article], mentions: MentionIndex, limit: Int = 5) -> [String: [String]] {
        // Integer indices throughout: articles arrive newest first, so index order is date order.
        let index = ByteKeyedDictionary(articles.enumerated().map { ($1.id, $0) })
        var byTopic: [String: [Int]] = [:]
        for (i, article) in articles.enumerated() { for topic in article.topics { byTopic[topic, default: []].append(i) } }
        let members = byTopic
        let entityArticles = mentions.byEntity.mapValues { $0.compactMap { index[$0] } }
        let ceiling = min(commonEntity, max(2, articles.count / 2))
        // Each article's list depends on the indexes only: computed on all cores, in runs of
        // articles that share one table of scores by article index (a dictionary of scores,
        // hashed at every addition, was most of the work).
        let runs = stride(from: 0, to: articles.count, by: runLength).map { $0..<min($0 + runLength, articles.count) }
        let lists = Parallel.map(runs) { run -> [[String]] in
            var scores = [Double](repeating: 0, count: articles.count)
            var touched: [Int] = []
            touched.reserveCapacity(256)
            var lists: [[String]] = []
            lists.reserveCapacity(run.count)
            for i in run {
                let article = articles[i]
                // Every weight is positive: a score of zero is an article not met yet.
                for topic in article.topics {
                    let members = members[topic] ?? []
                    // Members are in ascending index order: find this article by bisection.
                    var lo = 0, hi = members.count
                    while lo < hi { let mid = (lo + hi) / 2; if members[mid] < i { lo = mid + 1 } else { hi = mid } }
                    guard lo < members.count, members[lo] == i else { continue }
                    let position = lo
                    let low = max(0, position - window / 2), high = min(members.count, position + window / 2 + 1)
                    for other in members[low..<high] where other != i {
                        if scores[other] == 0 { touched.append(other) }
                        scores[other] += 3
                    }
                }
                // In a fixed order: floating-point sums depend on it, and a dictionary's order can
                // differ between two builds of the same content, which would break ties differently.
                for entity in (mentions.byArticle[article.id] ?? [:]).keys.sorted() {
                    let sharing = entityArticles[entity] ?? []
                    guard sharing.count <= ceiling else { continue }
                    let weight = 1.0 + 1.0 / Double(sharing.count)
                    for other in sharing where other != i {
                        if scores[other] == 0 { touched.append(other) }
                        scores[other] += weight
                    }
                }
                // Read through a buffer: a lazy view capturing `scores` itself made it a boxed
                // variable, checked for exclusive access at every addition above.
                let best = scores.withUnsafeBufferPointer { scores in top(limit, of: touched.lazy.map { (key: $0, value: scores[$0]) }) }
                for other in touched { scores[other] = 0 }
                touched.removeAll(keepingCapacity: true)
                lists.append(best.map { articles[$0].id })
            }
            return lists
        }.flatMap { $0 }
        return Dictionary(zip(articles.map { $0.id }, lists), uniquingKeysWith: { _, last in last })
    }

    /// The `limit` best-scored articles: highest score, then newer (lower index). Kept in a short
    /// sorted list while the scores are read once, instead of sorting every candidate (hundreds
    /// per article) for five; the order is total, so the list is the sorted scores' first five.
    static func top(_ limit: Int, of scores: some Sequence<(key: Int, value: Double)>) -> [Int] {
        guard limit > 0 else { return [] }
        func before(_ a: (key: Int, value: Double), _ b: (key: Int, value: Double)) -> Bool { (a.value, -a.key) > (b.value, -b.key) }
        var best: [(key: Int, value: Double)] = []
        best.reserveCapacity(limit + 1)
        for score in scores {
            if best.count == limit, !before(score, best[limit - 1]) { continue }
            best.insert(score, at: best.firstIndex { before(score, $0) } ?? best.count)
            if best.count > limit { best.removeLast() }
        }
        return best.map(\.key)
    }
}
