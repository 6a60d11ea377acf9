import Foundation
import Testing
@testable import Atlas

/// Search, as a reader uses it: the site built under a sub-path, served on loopback, and Pagefind
/// queried in headless Chromium (scripts/install-deps installs Pagefind, Chromium and Selenium).
@Suite struct SearchTests {
    @Test func chineseAndEnglishQueriesFindTheArticlesUnderASubPath() throws {
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
        let result = try run(python, [script, server.url + "atlas/", "Greenland", "格陵兰", "镝", "dysprosium"])
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        var found: [String: [String]] = [:]
        for line in result.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            found[object?["query"] as? String ?? ""] = object?["urls"] as? [String] ?? []
        }
        let greenland = "/atlas/articles/tu-fa-te-xun-ou-meng-jiang-ju-xing-jin-ji-hui-yi-shang-tao-ge/"
        #expect(found["Greenland"]?.contains(greenland) == true)
        #expect(found["格陵兰"]?.contains(greenland) == true)
        // Articles that mention dysprosium, found in either language.
        for query in ["镝", "dysprosium"] {
            #expect((found[query] ?? []).filter { $0.hasPrefix("/atlas/articles/") }.count >= 3, "\(query): \(found[query] ?? [])")
        }
    }
}
