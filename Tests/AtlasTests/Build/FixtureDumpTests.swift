import Foundation
import Testing
@testable import Atlas

/// The small real dump files in Fixtures/dumps, built as part of a whole site.
@Suite struct FixtureDumpTests {
    func site(with dumps: [String]) throws -> TemporaryFolder {
        let site = TemporaryFolder.siteCopy()
        for name in dumps {
            let data = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("dumps/\(name)"))
            site.write("content/sources/9-\(name)", data)
        }
        return site
    }

    @Test func awkwardButValidDumpsBuild() throws {
        let site = try self.site(with: ["bom-crlf-blank-lines.txt", "repeated-elsewhere.txt"])
        let report = Builder(options: .init(root: site.url)).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.isEmpty)
        #expect(report.articles.count == 28 + 3)
        // Same title, source and time in two dumps: one article under both topics.
        let shared = try #require(report.articles.first { $0.title == "会议将于 2025-08-18 举行" })
        #expect(shared.topics == ["稀土供应链", "钕"])
        #expect(report.articles.filter { $0.title == "会议将于 2025-08-18 举行" }.count == 1)
        let page = try #require(site.read("public/articles/\(shared.slug)/index.html"))
        #expect(page.contains("<time datetime=\"2025-08-18T13:30:00+08:00\">2025-08-18 13:30</time>"))
        let markup = try #require(report.articles.first { $0.title == "<b>Bold</b> & \"quoted\" title" })
        let markupPage = try #require(site.read("public/articles/\(markup.slug)/index.html"))
        #expect(markupPage.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot; title</h1>"))
        #expect(markupPage.contains("Excerpt: the export cut"))
        #expect(markupPage.contains("中国主导全球99%的重稀土金属供应。"))
        let topic = try #require(site.read("public/topics/neodymium/index.html"))
        #expect(topic.contains("会议将于 2025-08-18 举行"))
    }

    @Test func everyProblemOfEveryFileIsReportedAndPublicIsUntouched() throws {
        let site = try self.site(with: [])
        #expect(Builder(options: .init(root: site.url)).build().succeeded)
        let before = snapshot(site.url.appendingPathComponent("public"))
        for name in ["broken-triplets.txt", "latin1.txt"] {
            site.write("content/sources/9-\(name)", try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("dumps/\(name)")))
        }
        let report = Builder(options: .init(root: site.url)).build()
        #expect(!report.succeeded)
        let places = report.diagnostics.filter { $0.severity == .error }.map { $0.location?.description ?? "?" }
        #expect(places == [
            "content/sources/9-broken-triplets.txt:4:1", "content/sources/9-broken-triplets.txt:6:18",
            "content/sources/9-broken-triplets.txt:9:18", "content/sources/9-broken-triplets.txt:12:1",
            "content/sources/9-broken-triplets.txt:14:1", "content/sources/9-latin1.txt:3:4",
        ])
        #expect(report.diagnostics.allSatisfy { $0.hint?.isEmpty == false })
        #expect(snapshot(site.url.appendingPathComponent("public")) == before)
    }

    @Test func theCommandLineExitsNonZeroAndPrintsFileLineColumn() throws {
        let binary = TestPaths.repository.appendingPathComponent(".build/debug/atlas").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the atlas executable first (scripts/test does)")
        let site = try self.site(with: ["broken-triplets.txt"])
        let result = try run(binary, ["build", "--root", site.url.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/sources/9-broken-triplets.txt:9:18: error: impossible date or time `2025-02-30 24:00`"))
        #expect(result.stderr.contains("build failed: 5 error(s)"))
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("public").path))
    }
}
