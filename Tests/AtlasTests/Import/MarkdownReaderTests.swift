import Foundation
import Testing
@testable import Atlas

@Suite struct MarkdownReaderTests {
    let config = SiteConfig(title: "T", baseURL: "https://example.org/")

    func file(_ text: String, path: String = "content/articles/a.md") -> TextFile { TextFile(path: path, text: text) }

    @Test func readsAnArticle() throws {
        var log = DiagnosticLog()
        let text = "---\ntitle: 日本启动海底稀土试采\ndate: 2026-01-13 02:23\nsource: 日经中文网\nsource_url: https://example.org/a\ntopics: [钕, 稀土供应链]\ntags: japan\nlang: zh-Hans\n---\n正文。\n"
        let article = try #require(MarkdownReader.article(file(text), config: config, log: &log))
        #expect(log.items.isEmpty)
        #expect(article.title == "日本启动海底稀土试采")
        #expect(article.published.iso8601 == "2026-01-13T02:23:00+08:00")
        #expect(article.topics == ["钕", "稀土供应链"])
        #expect(article.tags == ["japan"])
        #expect(article.body == .markdown("正文。\n", language: .chinese))
    }

    @Test func invalidYAMLNamesLineAndColumn() {
        var log = DiagnosticLog()
        let text = "---\ntitle: ok\ndate: 2025-01-01\nsource: [unclosed\n---\nbody\n"
        #expect(MarkdownReader.article(file(text), config: config, log: &log) == nil)
        let error = log.errors.first
        #expect(error?.message.hasPrefix("invalid YAML") == true)
        // Points at the unclosed `[`, where the fix goes, not at the end of the YAML.
        #expect(error?.location == SourceLocation(file: "content/articles/a.md", line: 4, column: 9))
    }

    @Test func unknownKeyWarnsWithNearestValidKey() throws {
        var log = DiagnosticLog()
        let text = "---\ntitel: About\ntitle: About\n---\nbody\n"
        _ = MarkdownReader.page(file(text, path: "content/pages/about.md"), log: &log)
        let warning = try #require(log.warnings.first)
        #expect(warning.message.contains("`titel`"))
        #expect(warning.message.contains("did you mean `title`"))
        #expect(warning.location == SourceLocation(file: "content/pages/about.md", line: 2, column: 1))
    }

    @Test func missingFieldsAndBadDatesAreErrors() {
        var log = DiagnosticLog()
        _ = MarkdownReader.article(file("---\ntitle: x\ndate: 2025-02-30\n---\n"), config: config, log: &log)
        #expect(log.errors.contains { $0.message.contains("source") })
        #expect(log.errors.contains { $0.message.contains("impossible date") && $0.location?.line == 3 })
    }

    @Test func missingFrontMatterIsAnError() {
        var log = DiagnosticLog()
        #expect(MarkdownReader.page(file("# Just markdown\n", path: "content/pages/x.md"), log: &log) == nil)
        #expect(log.errors.first?.location == SourceLocation(file: "content/pages/x.md", line: 1, column: 1))
    }

    @Test func badSlugInFrontMatterIsAnError() {
        var log = DiagnosticLog()
        // The error fails the build; the page is still read (with a safe slug) so the rest of
        // it is checked in the same run.
        let page = MarkdownReader.page(file("---\ntitle: x\nslug: ../etc\n---\n", path: "content/pages/x.md"), log: &log)
        #expect(page?.slug == "x")
        #expect(log.errors.first?.location?.line == 3)
    }

    @Test func topicsAreDedupedAndNullMeansMissing() throws {
        var log = DiagnosticLog()
        let text = "---\ntitle: T\ndate: 2025-01-01\nsource: ~\ntopics: [钕, 钕, \"\"]\n---\n"
        #expect(MarkdownReader.article(file(text), config: config, log: &log) == nil)
        #expect(log.errors.contains { $0.message.contains("`source` is missing") })
        var log2 = DiagnosticLog()
        let ok = try #require(MarkdownReader.article(file(text.replacingOccurrences(of: "source: ~", with: "source: S")), config: config, log: &log2))
        #expect(ok.topics == ["钕"])
        #expect(log2.warnings.count == 1)
    }

    @Test func pageReadsDraftAndSummary() throws {
        var log = DiagnosticLog()
        let page = try #require(MarkdownReader.page(file("---\ntitle: Method\nsummary: How\ndraft: true\ndate: 2026-11-23\n---\nText\n", path: "content/pages/m.md"), log: &log))
        #expect(page.slug == "m")    // the file's name, not the title: retitling never moves a page
        #expect(page.isDraft)
        #expect(page.summary == "How")
    }
}
