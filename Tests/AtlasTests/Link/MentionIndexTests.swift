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
            if found.bodyMentions == nil { wrapped += 1 } else { reused += 1 }
            #expect(MentionIndex.counts(in: article, matcher: matcher, body: found.bodyMentions) == MentionIndex.counts(in: article, matcher: matcher),
                    "\(article.title)")
        }
        // Both paths are taken by the real dumps: English and unwrapped bodies, and Chinese ones
        // with line-wrap spaces between Han characters.
        #expect(reused > 0 && wrapped > 0, "reused \(reused), wrapped \(wrapped)")
        for article in articles { #expect(plan.site.mentions.byArticle[article.id] == MentionIndex.counts(in: article, matcher: matcher)) }
    }
}
