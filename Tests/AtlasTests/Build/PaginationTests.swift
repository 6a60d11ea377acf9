import Foundation
import Testing
@testable import Atlas

/// Lists that grow with the corpus are cut into pages; summaries show the newest items and link
/// to the full list. Checked on the real site grown by 260 generated articles that all mention
/// China with a figure and a date, so every list passes a page.
@Suite struct PaginationTests {
    static let extra = 260

    static let site: TemporaryFolder = {
        let site = TemporaryFolder.siteCopy()
        for index in 0..<extra {
            let day = index % 28 + 1
            site.write("content/articles/gen-\(index).md", """
                ---
                title: "Generated report \(index) on Chinese rare earths"
                date: 2025-03-\(String(format: "%02d", day)) 10:00
                source: Test Wire
                topics: [Test topic]
                ---
                China holds \(30 + index % 20)% of the world's rare earth reserves, the report says.
                On March \(day), 2025 the ministry announced new export controls.
                """)
        }
        _ = Builder(options: .init(root: site.url)).build()
        return site
    }()

    func page(_ path: String) throws -> String { try #require(Self.site.read("public/" + path), "missing \(path)") }

    @Test func longListsArePagedAndEveryPageIsLinked() throws {
        let first = try page("articles/index.html")
        #expect(first.contains("rel=\"next\" href=\"/articles/page/2/\"") || first.contains("href=\"/articles/page/2/\" rel=\"next\""))
        let second = try page("articles/page/2/index.html")
        #expect(second.contains("href=\"/articles/\" rel=\"prev\""))
        #expect(second.contains("<span aria-current=\"page\">2</span>"))
        // 28 real + 260 generated articles: three pages of 100.
        #expect(Self.site.read("public/articles/page/3/index.html") != nil)
        #expect(Self.site.read("public/articles/page/4/index.html") == nil)
        let problems = LinkWalker(root: Self.site.url.appendingPathComponent("public"), basePath: "/").check().problems
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func summariesShowThePreviewAndLinkToTheFullList() throws {
        let china = try page("entities/china/index.html")
        #expect(china.contains("href=\"/entities/china/articles/\""))
        #expect(china.contains("href=\"/entities/china/figures/\""))
        #expect(china.components(separatedBy: "<li class=\"card").count - 1 == Pagination().preview)
        let all = try page("entities/china/articles/index.html")
        #expect(all.contains("href=\"/entities/china/articles/page/2/\""))
        let topic = try page("topics/test-topic/index.html")
        #expect(topic.contains("href=\"/topics/test-topic/articles/\""))
    }

    @Test func theLedgerListsEveryFigureAcrossItsPages() throws {
        var log = DiagnosticLog()
        let site = try #require(Builder(options: .init(root: Self.site.url)).plan(log: &log)).site
        let reserves = site.claims.filter { $0.metric == .reservesShare }
        #expect(reserves.count > 100)
        var shown = 0
        var number = 1
        while let html = Self.site.read("public/" + Pagination.path("data/figures/reserves-share/", page: number) + "index.html") {
            shown += html.components(separatedBy: "<td class=\"num\">").count - 1
            number += 1
        }
        #expect(shown == reserves.count)
    }

    @Test func conflictsShowEachDistinctValueOnce() throws {
        let conflicts = try page("data/conflicts/index.html")
        let start = try #require(conflicts.range(of: "id=\"c-reserves_share-china\""))
        let section = String(conflicts[start.lowerBound...].prefix { _ in true }).components(separatedBy: "</section>")[0]
        let values = section.components(separatedBy: "<td class=\"num\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(values.count <= SiteRenderer.conflictRowLimit)
        #expect(Set(values).count == values.count)
        #expect(section.contains("href=\"/data/figures/reserves-share/\""))
    }

    @Test func noPageGrowsWithTheCorpus() throws {
        for file in snapshot(Self.site.url.appendingPathComponent("public")) where file.key.hasSuffix(".html") {
            #expect(file.value.count < 150_000, "\(file.key) is \(file.value.count) bytes")
        }
    }
}
