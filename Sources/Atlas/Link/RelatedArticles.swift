/// Up to five related articles per article: shared topics weigh most, then shared entities,
/// rarer entities more than common ones; ties go to the newer article, then the id.
///
/// Candidates come from the inverted index, and entities named in more than half of the
/// articles (China, rare earths) are left out, so the work stays near-linear in the corpus.
public enum RelatedArticles {
    public static func compute(_ articles: [Article], mentions: MentionIndex, limit: Int = 5) -> [String: [String]] {
        let byID = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byTopic: [String: [String]] = [:]
        for article in articles { for topic in article.topics { byTopic[topic, default: []].append(article.id) } }
        let ceiling = max(2, articles.count / 2)
        var result: [String: [String]] = [:]
        for article in articles {
            var scores: [String: Double] = [:]
            for topic in article.topics where (byTopic[topic]?.count ?? 0) <= max(ceiling, 50) {
                for other in byTopic[topic] ?? [] where other != article.id { scores[other, default: 0] += 3 }
            }
            for entity in (mentions.byArticle[article.id] ?? [:]).keys {
                let sharing = mentions.byEntity[entity] ?? []
                guard sharing.count <= ceiling else { continue }
                let weight = 1.0 + 1.0 / Double(sharing.count)
                for other in sharing where other != article.id { scores[other, default: 0] += weight }
            }
            result[article.id] = scores.keys.sorted {
                let a = (scores[$0]!, byID[$0]!.published.instant, $1)
                let b = (scores[$1]!, byID[$1]!.published.instant, $0)
                return a > b
            }.prefix(limit).map { $0 }
        }
        return result
    }
}
