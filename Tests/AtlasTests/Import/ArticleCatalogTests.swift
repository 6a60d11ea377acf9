import Foundation
import Testing
@testable import Atlas

@Suite struct ArticleCatalogTests {
    let config = SiteConfig(title: "T", baseURL: "https://example.org/")

    /// Two dumps, a.txt and b.txt, merged.
    func merged(_ a: String, _ b: String) -> ([Article], DiagnosticLog) {
        let (dumpA, _) = parseDump(a, path: "a.txt")
        let (dumpB, _) = parseDump(b, path: "b.txt")
        var log = DiagnosticLog()
        return (ArticleCatalog.merge(dumps: [dumpA!, dumpB!], markdown: [], config: config, log: &log), log)
    }

    @Test func repeatedArticleBecomesOneCarryingEveryTopic() throws {
        let (articles, log) = merged("稀土\nSearch documents\n同一篇\nS· 2025-01-02 03:04\nBody\n同一篇\nS· 2025-01-02 03:04\nBody\n",
                                     "钕\nSearch documents\n同一篇\nS· 2025-01-02 03:04\nBody\n另一篇\nS· 2025-01-02 03:04\nBody\n")
        #expect(articles.count == 2)
        let merged = try #require(articles.first { $0.title == "同一篇" })
        #expect(merged.topics == ["稀土", "钕"])
        #expect(merged.origins.count == 3)
        #expect(log.items.isEmpty)
    }

    /// Bodies are structured beside the merge and compared afterwards: a repeat whose body
    /// differs is reported at the repeat, and the first body is the one the article keeps.
    @Test func repeatWithAnotherBodyKeepsTheFirstAndSaysWhere() throws {
        let (articles, log) = merged("稀土\nSearch documents\n同一篇\nS· 2025-01-02 03:04\n第一个正文。\n另一篇\nS· 2025-01-03 03:04\nBody\n",
                                     "钕\nSearch documents\n另一篇\nS· 2025-01-03 03:04\nBody\n同一篇\nS· 2025-01-02 03:04\n第二个正文。\n")
        #expect(articles.count == 2)
        let merged = try #require(articles.first { $0.title == "同一篇" })
        guard case .imported(let body) = merged.body else { Issue.record("an imported body"); return }
        #expect(body.raw == "第一个正文。")
        #expect(articles.allSatisfy { if case .imported(let body) = $0.body { !body.blocks.isEmpty } else { false } })
        #expect(log.items.count == 1)
        let warning = try #require(log.items.first)
        #expect(warning.message == "the article `同一篇` repeats a.txt:3:1 with a different body; the first body is used")
        #expect(warning.location == SourceLocation(file: "b.txt", line: 6))
    }

    @Test func sameTitleDifferentTimeIsTwoArticlesWithDistinctSlugs() throws {
        let text = "稀土\nSearch documents\n同名\nS· 2025-01-02 03:04\nBody\n同名\nS· 2025-01-05 03:04\nBody 2\n"
        let (dump, _) = parseDump(text)
        var log = DiagnosticLog()
        let articles = ArticleCatalog.merge(dumps: [dump!], markdown: [], config: config, log: &log)
        #expect(articles.count == 2)
        // The older keeps the plain slug, so a newer article never moves an old URL.
        let older = try #require(articles.last)
        #expect(older.slug == "tong-ming")
        #expect(articles.first!.slug.hasPrefix("tong-ming-"))
        #expect(articles.first!.slug != older.slug)
    }

    @Test func readsTimesInTheConfiguredZone() throws {
        let (dump, _) = parseDump("稀土\nSearch documents\nT\nS· 2025-08-18 13:30\nBody\n")
        var log = DiagnosticLog()
        let shanghai = ArticleCatalog.merge(dumps: [dump!], markdown: [], config: config, log: &log)
        #expect(shanghai.first?.published.iso8601 == "2025-08-18T13:30:00+08:00")
        var utc = config
        utc.timeZone = TimeZone(identifier: "America/New_York")!
        let newYork = ArticleCatalog.merge(dumps: [dump!], markdown: [], config: utc, log: &log)
        #expect(newYork.first?.published.iso8601 == "2025-08-18T13:30:00-04:00")
    }

    @Test func slugOverrideFromConfigWins() throws {
        var custom = config
        let place = SourceLocation(file: "site.yml", line: 9)
        custom.slugOverrides = ["稀土元素": SlugOverride(slug: "rare-earth-elements", location: place),
                                "没有这篇": SlugOverride(slug: "nothing", location: place)]
        let (dump, _) = parseDump("稀土\nSearch documents\n稀土元素\nS· 2025-08-18 13:30\nBody\n")
        var log = DiagnosticLog()
        #expect(ArticleCatalog.merge(dumps: [dump!], markdown: [], config: custom, log: &log).first?.slug == "rare-earth-elements")
        // An override that matches no title is a warning at its line, not silently ignored.
        #expect(log.warnings.map(\.location) == [place])
        #expect(log.warnings.first?.message.contains("没有这篇") == true)
    }

    @Test func timeSkippedByDaylightSavingPointsAtTheSourceLine() throws {
        let (dump, _) = parseDump("稀土\nSearch documents\nT\n\n\nS· 2025-03-09 02:30\nBody\n")
        var newYork = config
        newYork.timeZone = TimeZone(identifier: "America/New_York")!
        var log = DiagnosticLog()
        #expect(ArticleCatalog.merge(dumps: [dump!], markdown: [], config: newYork, log: &log).isEmpty)
        #expect(log.errors.first?.location == SourceLocation(file: "content/sources/test.txt", line: 6, column: 4))
        #expect(log.errors.first?.message.contains("America/New_York") == true)
    }

    @Test func collidingLongSlugsStayValid() throws {
        let title = String(repeating: "a", count: 56) + " bbbbbb"
        let text = "稀土\nSearch documents\n\(title)\nS· 2025-01-02 03:04\nBody\n\(title)\nS· 2025-01-03 03:04\nBody\n"
        let (dump, _) = parseDump(text)
        var log = DiagnosticLog()
        let slugs = ArticleCatalog.merge(dumps: [dump!], markdown: [], config: config, log: &log).map(\.slug)
        #expect(Set(slugs).count == 2)
        for slug in slugs { #expect(Slug.problem(with: slug) == nil, "\(slug)") }
    }
}
