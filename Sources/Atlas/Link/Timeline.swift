/// The site's timeline: every article's publication, the events its body dates, and the
/// editors' curated milestones, in date order (ties by kind and id, so the order never changes).
public enum Timeline {
    public static func assemble(extracted: [Event], articles: [Article], curated: [Event]) -> [Event] {
        let publications = articles.map { article in
            Event(id: "p" + Slug.stableHash(article.id), year: article.published.local.year, month: article.published.local.month,
                  day: article.published.local.day, precision: .day, kind: .publication, status: .happened,
                  summary: article.title, actors: [], article: article.id, quote: nil, source: article.source, sourceURL: article.sourceURL,
                  rule: "publication")
        }
        let kindOrder: [Event.Kind: Int] = [.curated: 0, .event: 1, .publication: 2]
        return (curated + extracted + publications).sorted {
            ($0.sortKey.0, $0.sortKey.1, $0.sortKey.2, kindOrder[$0.kind]!, $0.id) < ($1.sortKey.0, $1.sortKey.1, $1.sortKey.2, kindOrder[$1.kind]!, $1.id)
        }
    }
}
