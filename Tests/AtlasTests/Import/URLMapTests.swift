import Foundation
import Testing
@testable import Atlas

/// Stable URLs: an imported article keeps the slug content/urls.yml remembers when its title
/// or date is corrected; a Markdown file's URL is its file name or its `slug:`.
@Suite struct URLMapTests {
    let config = SiteConfig(title: "T", baseURL: "https://example.org/")

    func merge(_ dumpText: String, urls: inout URLMap, markdown: [Article] = [], config: SiteConfig? = nil, log: inout DiagnosticLog) -> [Article] {
        let (dump, _) = parseDump(dumpText)
        return ArticleCatalog.merge(dumps: [dump!], markdown: markdown, config: config ?? self.config, urls: &urls, log: &log)
    }

    /// The map a build writes, read back as the next build reads it.
    func roundTrip(_ map: URLMap) -> URLMap {
        var log = DiagnosticLog()
        let read = URLMap.read(TextFile(path: URLMap.path, text: map.text), log: &log)
        #expect(log.items.isEmpty, "\(log.items)")
        return URLMap(entries: read.entries.map { var e = $0; e.location = nil; return e })
    }

    static let oneArticle = "稀土\nSearch documents\n稀土元素\nS· 2025-08-18 13:30\nBody\n"

    /// The URL map after one build of `dump`, as the next build reads it.
    func published(_ dump: String) -> URLMap {
        var urls = URLMap()
        var log = DiagnosticLog()
        _ = merge(dump, urls: &urls, log: &log)
        return roundTrip(urls)
    }

    @Test func aCorrectedTitleKeepsTheURL() throws {
        var urls = URLMap()
        var log = DiagnosticLog()
        let first = merge("稀土\nSearch documents\n稀土元素\nS· 2025-08-18 13:30\nBody\n其他\nS· 2025-08-19 10:00\nOther\n", urls: &urls, log: &log)
        let slug = try #require(first.first { $0.title == "稀土元素" }?.slug)
        #expect(slug == "xi-tu-yuan-su")
        #expect(urls.text.contains("- slug: xi-tu-yuan-su\n  title: \"稀土元素\"\n  source: \"S\"\n  date: \"2025-08-18 13:30\""))
        urls = roundTrip(urls)
        let corrected = merge("稀土\nSearch documents\n稀土元素的优势\nS· 2025-08-18 13:30\nBody\n其他\nS· 2025-08-19 10:00\nOther\n", urls: &urls, log: &log)
        #expect(corrected.first { $0.title == "稀土元素的优势" }?.slug == slug)
        // The map now holds the corrected title under the same slug, so the next build agrees.
        #expect(urls.entries.first { $0.slug == slug }?.title == "稀土元素的优势")
        #expect(log.items.isEmpty, "\(log.items)")
    }

    @Test func aCorrectedDateKeepsTheURL() throws {
        var urls = URLMap()
        var log = DiagnosticLog()
        // Two articles with one title: the older has the plain slug, the newer a suffix.
        let text = "稀土\nSearch documents\n同名\nS· 2025-01-02 03:04\nBody\n同名\nS· 2025-01-05 03:04\nBody 2\n"
        let before = merge(text, urls: &urls, log: &log)
        let slugs = Dictionary(uniqueKeysWithValues: before.map { ($0.sourceText, $0.slug) })
        urls = roundTrip(urls)
        // The older one's date is corrected to after the newer one: neither URL changes
        // (deriving slugs afresh would have swapped them).
        let after = merge(text.replacingOccurrences(of: "2025-01-02 03:04", with: "2025-01-09 03:04"), urls: &urls, log: &log)
        #expect(Dictionary(uniqueKeysWithValues: after.map { ($0.sourceText, $0.slug) }) == slugs)
    }

    @Test func anAmbiguousCorrectionIsANewURLNotAGuess() throws {
        var urls = URLMap()
        var log = DiagnosticLog()
        _ = merge("稀土\nSearch documents\nA\nS· 2025-01-02 03:04\nBody\nB\nS· 2025-01-02 03:04\nBody\n", urls: &urls, log: &log)
        // Both titles change at once; source and date agree with both entries: no match.
        let after = merge("稀土\nSearch documents\nC\nS· 2025-01-02 03:04\nBody\nD\nS· 2025-01-02 03:04\nBody\n", urls: &urls, log: &log)
        #expect(Set(after.map(\.slug)) == ["c", "d"])
    }

    @Test func aDuplicateTitleIsWarnedAtTheSecondArticle() throws {
        var urls = URLMap()
        var log = DiagnosticLog()
        _ = merge("稀土\nSearch documents\n同名\nS· 2025-01-02 03:04\nBody\n同名\nT· 2025-01-05 03:04\nBody 2\n", urls: &urls, log: &log)
        let warning = try #require(log.warnings.first)
        #expect(log.warnings.count == 1)
        #expect(warning.location == SourceLocation(file: "content/sources/test.txt", line: 6))
        #expect(warning.message.contains("content/sources/test.txt:3:1"))
    }

    @Test func aNewSlugLeavesARedirectAtTheOldOne() throws {
        var log = DiagnosticLog()
        let text = Self.oneArticle
        var urls = published(text)
        var custom = config
        custom.slugOverrides = ["稀土元素": SlugOverride(slug: "rare-earth-elements", location: SourceLocation(file: "site.yml", line: 9))]
        let article = try #require(merge(text, urls: &urls, config: custom, log: &log).first)
        #expect(article.slug == "rare-earth-elements")
        #expect(article.aliases.map(\.path) == ["articles/xi-tu-yuan-su/"])
        #expect(urls.entries.map(\.aliases) == [["xi-tu-yuan-su"]])
        // A slug the map remembers is never given to another article.
        urls = roundTrip(urls)
        let other = merge(text + "稀土-元素\nT· 2025-09-01 10:00\nOther\n", urls: &urls, config: custom, log: &log)
        #expect(other.first { $0.source == "T" }?.slug.hasPrefix("xi-tu-yuan-su-") == true)
    }

    @Test func markdownURLsComeFromTheFileNameOrSlug() throws {
        var log = DiagnosticLog()
        let text = "---\ntitle: 日本启动海底稀土试采\ndate: 2026-01-13 02:23\nsource: 日经中文网\n---\n正文。\n"
        let named = try #require(MarkdownReader.article(TextFile(path: "content/articles/japan-seabed-trial.md", text: text), config: config, log: &log))
        let chosen = try #require(MarkdownReader.article(TextFile(path: "content/articles/x.md",
                                                                  text: text.replacingOccurrences(of: "source:", with: "slug: seabed\nsource:")), config: config, log: &log))
        var urls = URLMap()
        let articles = ArticleCatalog.merge(dumps: [], markdown: [named], config: config, urls: &urls, log: &log)
        #expect(articles.map(\.slug) == ["japan-seabed-trial"])
        #expect(urls.entries.map(\.slug) == ["japan-seabed-trial"])
        // Renamed, the article moves, and its old URL becomes an alias (a redirect).
        urls = roundTrip(urls)
        let renamed = try #require(MarkdownReader.article(TextFile(path: "content/articles/seabed-mining-trial.md", text: text), config: config, log: &log))
        let moved = try #require(ArticleCatalog.merge(dumps: [], markdown: [renamed], config: config, urls: &urls, log: &log).first)
        #expect(moved.slug == "seabed-mining-trial")
        #expect(moved.aliases.map(\.path) == ["articles/japan-seabed-trial/"])
        #expect(urls.entries.map(\.aliases) == [["japan-seabed-trial"]])
        // A new file under the old name takes the URL: it is that article's now, not a redirect.
        urls = roundTrip(urls)
        let reuse = try #require(MarkdownReader.article(TextFile(path: "content/articles/japan-seabed-trial.md",
            text: text.replacingOccurrences(of: "日本启动海底稀土试采", with: "另一篇")), config: config, log: &log))
        let both = ArticleCatalog.merge(dumps: [], markdown: [renamed, reuse], config: config, urls: &urls, log: &log)
        #expect(Set(both.map(\.slug)) == ["seabed-mining-trial", "japan-seabed-trial"])
        #expect(both.allSatisfy { $0.aliases.isEmpty })
        // A draft has no published URL to keep.
        var none = URLMap()
        let draft = try #require(MarkdownReader.article(TextFile(path: "content/articles/d.md",
            text: text.replacingOccurrences(of: "source:", with: "draft: true\nsource:")), config: config, log: &log))
        _ = ArticleCatalog.merge(dumps: [], markdown: [draft], config: config, urls: &none, log: &log)
        #expect(none.entries.isEmpty)
        #expect(ArticleCatalog.merge(dumps: [], markdown: [chosen], config: config, log: &log).map(\.slug) == ["seabed"])
        let page = try #require(MarkdownReader.page(TextFile(path: "content/pages/method.md", text: "---\ntitle: 方法 · Method\n---\nx\n"), log: &log))
        #expect(page.slug == "method")
        #expect(log.items.isEmpty, "\(log.items)")
    }

    @Test func aMarkdownVersionOfAnImportedArticleKeepsItsURL() throws {
        var log = DiagnosticLog()
        let dump = Self.oneArticle
        var urls = published(dump)
        let curated = try #require(MarkdownReader.article(TextFile(path: "content/articles/curated.md",
            text: "---\ntitle: 稀土元素\ndate: 2025-08-18 13:30\nsource: S\n---\nBetter body.\n"), config: config, log: &log))
        let articles = merge(dump, urls: &urls, markdown: [curated], log: &log)
        #expect(articles.map(\.slug) == ["xi-tu-yuan-su"])
        #expect(articles.first?.sourceText == "Better body.\n")
    }

    @Test func aliasesAreSitePaths() throws {
        var log = DiagnosticLog()
        let text = "---\ntitle: Method\naliases: [/methods/, \"articles/old-name\", \"https://elsewhere.example/x/\", /../etc/]\n---\nx\n"
        let page = try #require(MarkdownReader.page(TextFile(path: "content/pages/method.md", text: text), log: &log))
        #expect(page.aliases.map(\.path) == ["methods/", "articles/old-name/"])
        #expect(log.errors.count == 2)
        #expect(log.errors.allSatisfy { $0.location?.line == 3 })
    }
}
