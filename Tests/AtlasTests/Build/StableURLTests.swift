import Foundation
import Testing
@testable import Atlas

/// A published URL keeps working (DESIGN.md): correcting an imported article's title or date
/// keeps its page where it was; `aliases:` leave redirects; `atlas check` lists what moved.
@Suite(.serialized) struct StableURLTests {
    static let dump = "content/sources/1-rare-earth-supply-chain.txt"
    static let title = "稀土元素:中国来之不易的优势与全球困境"

    func build(_ site: TemporaryFolder) throws -> Builder.Report {
        let report = Builder(options: .init(root: site.url)).build()
        #expect(report.succeeded, "\(report.diagnostics.filter { $0.severity == .error })")
        return report
    }

    @Test func correctingATitleOrDateKeepsTheArticlesURL() throws {
        let site = TemporaryFolder.siteCopy()
        let slug = try #require(try build(site).articles.first { $0.title == Self.title }?.slug)
        let map = try #require(site.read(URLMap.path))
        #expect(map.contains("- slug: \(slug)\n"))
        // The committed map already holds every article: a build of the real content leaves it alone.
        #expect(map == (try String(contentsOf: TestPaths.repository.appendingPathComponent(URLMap.path), encoding: .utf8)))

        let text = try #require(site.read(Self.dump))
        let retitled = "稀土元素：中国来之不易的优势与全球困境（更正）"
        site.write(Self.dump, text.replacingOccurrences(of: Self.title + "\n", with: retitled + "\n"))
        let afterTitle = try build(site)
        #expect(afterTitle.articles.first { $0.title == retitled }?.slug == slug)
        let page = try #require(site.read("public/articles/\(slug)/index.html"))
        #expect(page.contains("（更正）"))

        site.write(Self.dump, (site.read(Self.dump) ?? "").replacingOccurrences(of: "Sou Hu Cai Jing· 2025-08-18 13:30", with: "Sou Hu Cai Jing· 2025-08-17 09:00"))
        let afterDate = try build(site)
        let article = try #require(afterDate.articles.first { $0.title == retitled })
        #expect(article.slug == slug)
        #expect(article.published.local.description == "2025-08-17 09:00")
        #expect(site.read("public/articles/\(slug)/index.html")?.contains("（更正）") == true)
        // The map follows the corrections, so the next build needs no guess.
        #expect(site.read(URLMap.path)?.contains("  title: \"\(retitled)\"\n  source: \"Sou Hu Cai Jing\"\n  date: \"2025-08-17 09:00\"") == true)
    }

    @Test func aliasesWriteRedirectsOutsideTheSitemap() throws {
        let site = TemporaryFolder.siteCopy()
        let about = try #require(site.read("content/pages/about.md"))
        site.write("content/pages/about.md", about.replacingOccurrences(of: "slug: about\n", with: "slug: about\naliases: [/about-us/, /pages/about]\n"))
        _ = try build(site)
        for old in ["about-us", "pages/about"] {
            let redirect = try #require(site.read("public/\(old)/index.html"))
            #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=/about/\">"))
            #expect(redirect.contains("<link rel=\"canonical\" href=\"https://rare-earth-atlas.example.org/about/\">"))
            #expect(redirect.contains("noindex"))
        }
        #expect(site.read("public/sitemap.xml")?.contains("about-us") == false)
        // An alias that is a page the site still makes is an error, not a silent overwrite.
        site.write("content/pages/about.md", about.replacingOccurrences(of: "slug: about\n", with: "slug: about\naliases: [/timeline/]\n"))
        let report = Builder(options: .init(root: site.url)).build()
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message.contains("`/timeline/`") && $0.location?.file == "content/pages/about.md" })
    }

    @Test func checkListsAURLThatMoved() throws {
        let site = TemporaryFolder.siteCopy()
        _ = try build(site)
        let about = try #require(site.read("content/pages/about.md"))
        site.write("content/pages/about.md", about.replacingOccurrences(of: "slug: about\n", with: "slug: about-the-atlas\n"))
        let moved = Checker(options: .init(root: site.url)).check().filter { $0.message.contains("`/about/` is published in public/") }
        #expect(moved.count == 1)
        #expect(moved.first?.hint?.contains("aliases: [/about/]") == true)
        // With the alias the old URL redirects, and check is satisfied.
        site.write("content/pages/about.md", about.replacingOccurrences(of: "slug: about\n", with: "slug: about-the-atlas\naliases: [/about/]\n"))
        #expect(!Checker(options: .init(root: site.url)).check().contains { $0.message.contains("is published in public/") })
    }

    @Test func newTopicKeepsThePublishedURLOfItsTopic() throws {
        let site = TemporaryFolder.siteCopy()
        let file = try #require(site.read("content/topics/neodymium.md"))
        try FileManager.default.removeItem(at: site.url.appendingPathComponent("content/topics/neodymium.md"))
        var log = DiagnosticLog()
        let topics = Builder(options: .init(root: site.url)).currentTopics(log: &log)
        let published = try #require(topics.first { $0.name == "钕" }).slug
        let result = Scaffold.create(kind: .topic, title: "钕", english: "Neodymium", slug: nil, root: site.url, today: Date(), topics: topics)
        #expect(try result.get().file == "content/topics/\(published).md")
        // With its explainer in place, a second `new topic` for it names that file.
        site.write("content/topics/neodymium.md", file)
        let again = Scaffold.create(kind: .topic, title: "钕", english: "Neodymium", slug: nil, root: site.url, today: Date(),
                                    topics: Builder(options: .init(root: site.url)).currentTopics(log: &log))
        if case .failure(let diagnostic) = again { #expect(diagnostic.location?.file == "content/topics/neodymium.md") } else { Issue.record("created twice") }
    }
}
