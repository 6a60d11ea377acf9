import Foundation
import Testing
@testable import Atlas

/// Search, as a reader uses it: the site built under a sub-path, served on loopback, and queries
/// typed into the search page's Pagefind UI in headless Chromium, in light and in dark mode
/// (scripts/install-deps installs Pagefind, Chromium and Selenium).
@Suite struct SearchTests {
    struct Search {
        var query: String
        var scheme: String
        var urls: [String]
        var message: String
        var filters: [String]
        var contrast: Double
        var contrastDetail: String
        /// The results with the "文章 Article" kind ticked (nil when no article matched).
        var articlesOnly: [String]?
    }

    /// Pagefind cannot load its index into a page opened from disk; the page says so in both
    /// languages instead of showing "searching" for ever.
    @Test func searchOpenedFromDiskExplainsItselfInBothLanguages() throws {
        let python = try LocalServer.seleniumPython()
        let site = TemporaryFolder.siteCopy()
        let report = Builder(options: .init(root: site.url, relativeLinks: true)).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = site.url.appendingPathComponent("public/search/index.html").absoluteString + "?q=dysprosium"
        let result = try run(python, [TestPaths.fixtures.appendingPathComponent("scripts/search_from_disk.py").path, page])
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        let notice = try #require(object["notice"] as? String, "no notice shown: \(object)")
        #expect(notice.contains("本站从磁盘（file://）打开时无法搜索") && notice.contains("Search cannot run on a site opened from disk"))
        #expect(object["boxHidden"] as? Bool == true)
        #expect(object["message"] as? String == "")
    }

    @Test func readersFindArticlesFirstInEitherLanguageAndModeUnderASubPath() throws {
        let python = try LocalServer.seleniumPython()
        let site = TemporaryFolder.siteCopy()
        let report = Builder(options: .init(root: site.url, output: site.url.appendingPathComponent("web/atlas"),
                                            baseURL: "https://example.org/atlas/")).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(site.read("web/atlas/pagefind/pagefind-entry.json")?.contains("\"zh\"") == true)
        #expect(site.read("web/atlas/search/index.html")?.contains("data-bundle=\"/atlas/pagefind/\"") == true)
        let server = try LocalServer(serving: site.url.appendingPathComponent("web"))
        defer { server.stop() }
        let script = TestPaths.fixtures.appendingPathComponent("scripts/pagefind_search.py").path
        let result = try run(python, [script, server.url + "atlas/", "Greenland", "格陵兰", "dysprosium", "镝"])
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        var searches: [Search] = []
        for line in result.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let contrast = object["contrast"] as? [String: Any]
            searches.append(Search(query: object["query"] as? String ?? "", scheme: object["scheme"] as? String ?? "",
                                   urls: object["urls"] as? [String] ?? [], message: object["message"] as? String ?? "",
                                   filters: object["filters"] as? [String] ?? [],
                                   contrast: contrast?["ratio"] as? Double ?? 0, contrastDetail: contrast?["what"] as? String ?? "",
                                   articlesOnly: object["articlesOnly"] as? [String]))
        }
        #expect(searches.count == 8)
        let greenland = "/atlas/articles/tu-fa-te-xun-ou-meng-jiang-ju-xing-jin-ji-hui-yi-shang-tao-ge/"
        for search in searches {
            let shown = "\(search.query) (\(search.scheme)): \(search.urls)"
            switch search.query {
            case "Greenland", "格陵兰":
                // The article about Greenland, not only pages that list it.
                #expect(search.urls.prefix(3).contains(greenland), "\(shown)")
            case "dysprosium":
                // An article or a topic explainer first; the entity page, an index of articles, after.
                #expect(search.urls.first.map { $0.hasPrefix("/atlas/articles/") || $0.hasPrefix("/atlas/topics/") } == true, "\(shown)")
                #expect(search.urls.filter { $0.hasPrefix("/atlas/articles/") }.count >= 3, "\(shown)")
                #expect(search.urls.contains("/atlas/entities/dysprosium/"), "\(shown)")
            default:
                // No article body names 镝 (the Chinese ones say 稀土, the English ones dysprosium);
                // the entity page that links them all is found by its Chinese name.
                #expect(search.urls.first == "/atlas/entities/dysprosium/", "\(shown)")
            }
            // The count line and the kind filter speak both languages; kinds without results are not offered.
            #expect(search.message.contains("个结果") && search.message.contains("result"), "\(search.message)")
            let kinds = ["文章 Article", "专题 Topic", "实体 Entity", "数据 Data", "页面 Page"]
            #expect(search.filters.first == "类型 Kind" && search.filters.dropFirst().allSatisfy { label in kinds.contains { label.hasPrefix($0 + " (") } },
                    "\(search.filters)")
            #expect(search.filters.contains { $0.hasPrefix("实体 Entity (") }, "\(search.filters)")
            // Ticking the article kind leaves the articles, in the same order.
            if search.query != "镝" {
                let articles = search.urls.filter { $0.hasPrefix("/atlas/articles/") }
                #expect(search.articlesOnly.map { Array($0.prefix(articles.count)) == articles && $0.allSatisfy { $0.hasPrefix("/atlas/articles/") } } == true,
                        "\(search.query): \(search.articlesOnly ?? [])")
            }
            // Results, excerpts, highlights, the count line and the filters are legible in both modes (WCAG AA).
            #expect(search.contrast >= 4.5, "\(search.query) (\(search.scheme)): \(search.contrast) \(search.contrastDetail)")
        }
        #expect(Set(searches.map(\.scheme)) == ["light", "dark"])
    }
}
