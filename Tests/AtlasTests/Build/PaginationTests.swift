import Foundation
import Testing
@testable import Atlas

/// Lists that grow with the corpus are cut into pages; summaries show the newest items and link
/// to the full list. Checked on the real site grown by 260 generated articles that all mention
/// China with a figure and a date, so every list passes a page, and give other countries'
/// shares of mining that disagree, so the conflicts outgrow one page.
@Suite struct PaginationTests {
    static let extra = 260
    static let countries = ["Japan", "Australia", "Malaysia", "Myanmar", "India", "Russia", "Vietnam", "Brazil", "Canada", "South Korea",
                            "Germany", "France", "Thailand", "Laos", "Madagascar", "Kazakhstan", "Saudi Arabia", "Netherlands",
                            "Singapore", "Uruguay", "United Kingdom", "Philippines", "Nigeria", "Cambodia", "Israel"]

    static let site: TemporaryFolder = {
        let site = TemporaryFolder.siteCopy()
        // Articles name only topics the site has.
        site.write("content/topics/test-topic.md", "---\ntitle_zh: 测试主题\ntitle_en: Test topic\nslug: test-topic\n---\nA topic for generated articles.\n")
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
                \(countries[index % countries.count]) accounts for \(2 + index % 9)% of global rare earth mine production.
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
        #expect(china.components(separatedBy: "<li class=\"card").count - 1 == SiteRenderer.entityPreview)
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
            shown += html.components(separatedBy: "<td class=\"num\"").count - 1
            number += 1
        }
        #expect(shown == reserves.count)
    }

    @Test func conflictsShowEachDistinctValueOnce() throws {
        let conflicts = try page("data/conflicts/index.html")
        let start = try #require(conflicts.range(of: "id=\"c-reserves_share-china\""))
        let section = String(conflicts[start.lowerBound...].prefix { _ in true }).components(separatedBy: "</section>")[0]
        let values = section.components(separatedBy: "<span class=\"value\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(values.count <= SiteRenderer.conflictRowLimit)
        #expect(Set(values).count == values.count)
        #expect(section.contains("href=\"/data/figures/reserves-share/\""))
    }

    @Test func conflictsArePagedAndEveryGroupIsOnOnePage() throws {
        var log = DiagnosticLog()
        let site = try #require(Builder(options: .init(root: Self.site.url)).plan(log: &log)).site
        #expect(site.conflicts.count > SiteRenderer.conflictsPerPage)
        var ids: [String] = []
        var number = 1
        while let html = Self.site.read("public/" + Pagination.path("data/conflicts/", page: number) + "index.html") {
            let here = html.components(separatedBy: "<section class=\"conflict\" aria-labelledby=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(here.count <= SiteRenderer.conflictsPerPage)
            // Every page indexes all three sections.
            #expect(html.contains("#disagree\"") && html.contains("#reference\"") && html.contains("#explained\""))
            ids += here
            number += 1
        }
        #expect(number > 2)
        #expect(ids.count == site.conflicts.count)
        #expect(Set(ids).count == ids.count)
        // The home page's key figures reach China's groups on whichever page they are.
        let home = try page("index.html")
        let links = home.components(separatedBy: "href=\"/data/conflicts/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            .filter { $0.contains("#c-") }
        #expect(!links.isEmpty)
        for link in links {
            let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let target = try #require(parts.count == 2 ? Self.site.read("public/data/conflicts/" + parts[0] + "index.html") : nil, "\(link)")
            #expect(target.contains("id=\"\(parts[1])\""), "\(link)")
        }
    }

    @Test func noPageGrowsWithTheCorpus() throws {
        for file in snapshot(Self.site.url.appendingPathComponent("public")) where file.key.hasSuffix(".html") {
            #expect(file.value.count < 150_000, "\(file.key) is \(file.value.count) bytes")
        }
    }
}
