import Foundation
import Testing
@testable import Atlas

@Suite struct MentionIndexTests {
    /// The build counts an article's body mentions from what extraction matched; they must be
    /// the counts of matching the body as the page shows it, wrapped Chinese lines included.
    @Test func bodyCountsFromExtractionAreTheIndexOwn() throws {
        var log = DiagnosticLog()
        let plan = try #require(Builder(options: .init(root: TestPaths.repository)).plan(log: &log))
        let articles = plan.site.articles
        let matcher = EntityMatcher(entities: plan.site.entities)
        let findings = ArticleExtractor(entities: plan.site.entities).findings(for: articles)
        var reused = 0, wrapped = 0
        for (article, found) in zip(articles, findings) {
            if ChineseBodyStructurer.hasSpaceBeforeHan(article.sourceText) { wrapped += 1 } else { reused += 1 }
            #expect(MentionIndex.counts(in: article, matcher: matcher, extracted: found.bodyMentions) == MentionIndex.counts(in: article, matcher: matcher),
                    "\(article.title)")
        }
        // Both paths are taken by the real dumps: English and unwrapped bodies, and Chinese ones
        // with line-wrap spaces between Han characters.
        #expect(reused > 0 && wrapped > 0, "reused \(reused), wrapped \(wrapped)")
        for article in articles { #expect(plan.site.mentions.byArticle[article.id] == MentionIndex.counts(in: article, matcher: matcher)) }
    }

    /// Entity pages read the co-mentions of every entity from one table counted over entity
    /// numbers; it must rank as counting each entity's articles by id does, ties by id
    /// (`coMentioned(with:limit:)` below, the plain definition).
    @Test func coMentionTableRanksAsTheCountByID() throws {
        var log = DiagnosticLog()
        let plan = try #require(Builder(options: .init(root: TestPaths.repository)).plan(log: &log))
        let mentions = plan.site.mentions
        for limit in [3, 12] {
            let table = mentions.coMentionedByEntity(limit: limit)
            #expect(Set(table.keys) == Set(mentions.byEntity.keys))
            var tied = 0
            for id in mentions.byEntity.keys {
                let counted = mentions.coMentioned(with: id, limit: limit)
                #expect((table[id] ?? []).map { "\($0.entity) \($0.articles)" } == counted.map { "\($0.entity) \($0.articles)" }, "\(id)")
                tied += zip(counted, counted.dropFirst()).filter { $0.articles == $1.articles }.count
            }
            // Ties are broken by id somewhere on the real site, so the order of ties is tested.
            #expect(tied > 0)
        }
    }

    /// `atlas serve` reuses an unchanged article's findings, which hold its id's bytes and its
    /// body's mention counts: a title or body saved in another Unicode normalisation (equal as
    /// `String`s) is read again, so no finding keeps the old bytes.
    @Test func findingsAreReusedOnlyForTheSameBytes() throws {
        var log = DiagnosticLog()
        let plan = try #require(Builder(options: .init(root: TestPaths.repository)).plan(log: &log))
        let base = try #require(plan.site.articles.first { !ArticleExtractor(entities: plan.site.entities).findings(for: $0).claims.isEmpty })
        func variant(_ accent: String) -> Article {
            Article(slug: base.slug, title: "Caf\(accent) " + base.title, source: base.source, sourceURL: base.sourceURL, published: base.published,
                    topics: base.topics, tags: base.tags, summary: base.summary, body: base.body, isDraft: base.isDraft, origins: base.origins)
        }
        let composed = variant("\u{E9}"), decomposed = variant("e\u{301}")
        #expect(composed.id == decomposed.id && !composed.id.utf8.elementsEqual(decomposed.id.utf8))
        let extractor = ArticleExtractor(entities: plan.site.entities)
        var cache = FindingsCache(entities: plan.site.entities)
        _ = extractor.findings(for: [composed], cache: &cache)
        let again = try #require(extractor.findings(for: [decomposed], cache: &cache).first)
        #expect(!again.claims.isEmpty && again.claims.allSatisfy { $0.article.utf8.elementsEqual(decomposed.id.utf8) })
        #expect(again == extractor.findings(for: decomposed))
    }
}

extension MentionIndex {
    /// Entities named together with `entity`, by number of shared articles (then id): what
    /// `coMentionedByEntity` must give, counted the plain way.
    func coMentioned(with entity: String, limit: Int = 12) -> [(entity: String, articles: Int)] {
        var counts: [String: Int] = [:]
        for article in byEntity[entity] ?? [] {
            for other in byArticle[article]?.keys ?? [:].keys where other != entity { counts[other, default: 0] += 1 }
        }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit).map { ($0.key, $0.value) }
    }
}
