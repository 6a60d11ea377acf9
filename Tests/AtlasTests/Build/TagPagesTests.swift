import Foundation
import Testing
@testable import Atlas

/// An article's tags lead to a page listing every article with that tag.
@Suite struct TagPagesTests {
    @Test func eachTagHasAPageListingItsArticlesNewestFirst() throws {
        let site = TemporaryFolder.siteCopy()
        site.write("content/articles/seabed.md", "---\ntitle: Japan starts seabed mining trials\nslug: seabed\ndate: 2026-01-13\nsource: Nikkei\ntags: [Japan, seabed]\n---\nJapan's trial ship left port.\n")
        site.write("content/articles/quota.md", "---\ntitle: 日本增加稀土储备\ndate: 2026-02-01\nsource: 日经中文网\ntags: [japan, 储备]\n---\n日本政府表示将增加储备。\n")
        let report = Builder(options: .init(root: site.url)).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        // `Japan` and `japan` are one tag; its page lists both, the newer first.
        let japan = try #require(site.read("public/tags/japan/index.html"))
        let newer = try #require(japan.range(of: "日本增加稀土储备")), older = try #require(japan.range(of: "Japan starts seabed mining trials"))
        #expect(newer.lowerBound < older.lowerBound)
        #expect(japan.contains("<h1>标签 Tag: japan</h1>"))  // as the newest article spells it
        // A list of other pages, so not a search result of its own (the articles are).
        #expect(!japan.contains("data-pagefind-body"))
        #expect(site.read("public/articles/seabed/index.html")?.contains("data-pagefind-body") == true)
        let seabed = try #require(site.read("public/tags/seabed/index.html"))
        #expect(!seabed.contains("日本增加稀土储备"))
        #expect(site.read("public/tags/chu-bei/index.html")?.contains("日本增加稀土储备") == true)
        // The article links its tags to those pages.
        let article = try #require(site.read("public/articles/seabed/index.html"))
        #expect(article.contains("<a class=\"tag\" href=\"/tags/japan/\" lang=\"en\">Japan</a>"))
        #expect(article.contains("<a class=\"tag\" href=\"/tags/seabed/\" lang=\"en\">seabed</a>"))
        // The tag pages are in the sitemap like every page.
        #expect(site.read("public/sitemap.xml")?.contains("/tags/japan/") == true)
    }

    @Test func aSiteWithoutTagsHasNoTagPages() throws {
        let site = TemporaryFolder.siteCopy()
        #expect(Builder(options: .init(root: site.url)).build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("public/tags").path))
    }
}
