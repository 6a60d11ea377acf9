import Foundation
import Testing
@testable import Atlas

/// Nothing an editor writes is dropped silently, and every error names the place to fix it:
/// the real site plus the small Markdown files of Fixtures/editor/, planned (not written).
@Suite struct EditorInputTests {
    static let fixtures = TestPaths.fixtures.appendingPathComponent("editor")

    /// A copy of the real site with the named fixtures as articles (paths kept).
    func site(_ articles: [String]) throws -> TemporaryFolder {
        let site = TemporaryFolder.siteCopy()
        for name in articles {
            site.write("content/articles/" + name, try Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
        }
        return site
    }

    func plan(_ site: TemporaryFolder) -> ((site: Site, jobs: [RenderJob])?, DiagnosticLog) {
        var log = DiagnosticLog()
        let planned = Builder(options: .init(root: site.url)).plan(log: &log)
        return (planned.map { ($0.site, $0.jobs) }, log)
    }

    @Test func subfoldersAndEveryMarkdownExtensionAreRead() throws {
        let site = try self.site(["2025/filed-by-year.md", "Upper-Case.MD", "long-extension.markdown"])
        let (planned, log) = plan(site)
        #expect(log.errors.isEmpty, "\(log.errors)")
        let titles = Set(try #require(planned).site.articles.map(\.title))
        #expect(titles.isSuperset(of: ["Filed by year in a subfolder", "An upper-case extension", "A long extension"]))
        // An editor's hidden swap file is not an article.
        site.write("content/articles/.filed-by-year.md.swp", "---\ntitle: swap\n---\n")
        #expect(plan(site).1.errors.isEmpty)
    }

    @Test func topicsAreNamedByChineseOrEnglishTitleOrSlugAndNoTopicIsAdded() throws {
        let before = try #require(plan(TemporaryFolder.siteCopy()).0).site.topics.map(\.slug)
        let (planned, log) = plan(try site(["2025/filed-by-year.md", "Upper-Case.MD"]))
        #expect(log.errors.isEmpty, "\(log.errors)")
        let site = try #require(planned).site
        #expect(site.topics.map(\.slug) == before)
        let article = try #require(site.articles.first { $0.title == "Filed by year in a subfolder" })
        #expect(article.topics == ["全球稀土供应链博弈", "钕", "稀土供应链"])
        #expect(site.articles.first { $0.title == "An upper-case extension" }?.topics == ["钕"])
    }

    @Test func anUnknownTopicIsAnErrorWithACloseSuggestionOnly() throws {
        let (planned, log) = plan(try site(["unknown-topics.md"]))
        #expect(planned == nil)
        let errors = log.errors.filter { $0.location?.file == "content/articles/unknown-topics.md" }
        #expect(errors.count == 2)
        #expect(errors[0].message.contains("unknown topic `Neodymum`; did you mean `Neodymium`?"))
        #expect(errors[0].location == SourceLocation(file: "content/articles/unknown-topics.md", line: 5, column: 10))
        #expect(errors[1].message == "unknown topic `glob`")
        #expect(errors[1].hint?.contains("global-contest") == true)
    }

    @Test func tagsAreAListOrACommaSeparatedString() throws {
        let (planned, log) = plan(try site(["2025/filed-by-year.md", "long-extension.markdown"]))
        #expect(log.errors.isEmpty, "\(log.errors)")
        let articles = try #require(planned).site.articles
        #expect(articles.first { $0.title == "Filed by year in a subfolder" }?.tags == ["magnets", "exports", "稀土"])
        #expect(articles.first { $0.title == "A long extension" }?.tags == ["one", "two"])
        var chinese = DiagnosticLog()
        let file = TextFile(path: "content/articles/t.md", text: "---\ntitle: T\ndate: 2025-01-01\nsource: S\ntags: 稀土，磁体、出口\n---\n")
        #expect(MarkdownReader.article(file, config: .fallback, log: &chinese)?.tags == ["稀土", "磁体", "出口"])
    }

    @Test func chartFencesIgnoreCaseAndRefuseExtraWords() throws {
        let (planned, log) = plan(try site(["2025/filed-by-year.md"]))
        #expect(log.errors.isEmpty, "\(log.errors)")
        let slug = try #require(planned?.site.articles.first { $0.title == "Filed by year in a subfolder" }?.slug)
        let page = try #require(planned?.jobs.first { $0.path == "articles/\(slug)/index.html" }).render()
        #expect(String(decoding: page.data, as: UTF8.self).contains("chart-reserves-title"))

        let (_, broken) = plan(try site(["chart-extra-words.md"]))
        let error = try #require(broken.errors.first)
        #expect(broken.errors.count == 1)
        #expect(error.location == SourceLocation(file: "content/articles/chart-extra-words.md", line: 8, column: 4))
        #expect(error.message.contains("takes nothing after the chart name, but has `2024`"))
        #expect(error.hint?.contains("charts: china-share-chain, reserves") == true)
    }

    @Test func brokenLinksAndAnchorsFailTheBuildAtTheirOwnPosition() throws {
        let site = try self.site(["broken-links.md"])
        let (planned, log) = plan(site)
        #expect(planned == nil)
        let file = "content/articles/broken-links.md"
        #expect(log.errors.map(\.location) == [SourceLocation(file: file, line: 6, column: 20),
                                               SourceLocation(file: file, line: 8, column: 18),
                                               SourceLocation(file: file, line: 9, column: 13)])
        #expect(log.errors[0].message.contains("`/articles/does-not-exist/` names no page"))
        #expect(log.errors[1].message.contains("no anchor #no-such-anchor"))
        #expect(log.errors[2].message.contains("`@/entities/china#nope` names no anchor #nope on entities/china/index.html"))
        // `atlas check` reports the same three, once each.
        let checked = Checker(options: .init(root: site.url)).check().filter { $0.severity == .error }
        #expect(checked.map(\.location) == log.errors.map(\.location))
    }

    @Test func aYAMLSlipInTheEntityRegistryIsOneError() throws {
        let site = TemporaryFolder.siteCopy()
        var lines = try #require(site.read("content/entities.yml")).components(separatedBy: "\n")
        let index = try #require(lines.indices.first { $0 > 2 && lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("name:") })
        lines[index] = "   " + lines[index].trimmingCharacters(in: .whitespaces)
        site.write("content/entities.yml", lines.joined(separator: "\n"))
        let (planned, log) = plan(site)
        #expect(planned == nil)
        #expect(log.errors.count == 1, "\(log.errors)")
        #expect(log.errors.first?.location?.file == "content/entities.yml")
        #expect(log.errors.first?.location?.line == index + 1)
        #expect(log.warnings.isEmpty, "\(log.warnings)")
    }

    @Test func didYouMeanOffersOnlyCloseMatches() {
        #expect(EditDistance.nearest("author", in: MarkdownReader.articleKeys) == nil)
        #expect(EditDistance.nearest("titel", in: MarkdownReader.articleKeys) == "title")
        #expect(EditDistance.nearest("Reserves", in: ChartCatalog.names) == "reserves")
        #expect(EditDistance.nearest("tag", in: MarkdownReader.articleKeys) == "tags")
        var log = DiagnosticLog()
        _ = MarkdownReader.article(TextFile(path: "content/articles/a.md", text: "---\ntitle: T\ndate: 2025-01-01\nsource: S\nauthor: Me\n---\n"),
                                   config: .fallback, log: &log)
        #expect(log.warnings.map(\.message) == ["unknown key `author`"])
    }
}
