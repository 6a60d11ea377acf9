import Foundation
import Testing
@testable import Atlas

/// The data section of the real site, built end to end.
@Suite struct DataSectionTests {
    static let site = TemporaryFolder.builtSiteCopy()

    func page(_ path: String) throws -> String { try #require(Self.site.read("public/" + path), "missing \(path)") }

    @Test func everyChartHasItsPageTableCSVAndSource() throws {
        let data = try page("data/index.html")
        for name in ["china-share-chain", "reserves", "mine-production", "refining", "us-import-sources"] {
            let chart = try page("data/\(name)/index.html")
            #expect(chart.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-wide\""))
            #expect(chart.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-narrow\""))
            #expect(chart.contains("<table class=\"chart-table\">"))
            #expect(chart.contains("href=\"/data/\(name)/data.csv\""))
            #expect(chart.contains("class=\"chart-source\">Source"))
            let csv = try page("data/\(name)/data.csv")
            #expect(csv.split(separator: "\n").count > 1)
            #expect(data.contains("id=\"chart-\(name)-figure\""))
        }
    }

    @Test func conflictsShowTheDisagreementsOverReservesAndProduction() throws {
        let conflicts = try page("data/conflicts/index.html")
        let reserves = try #require(conflicts.range(of: "id=\"c-reserves_share-china\""))
        let section = conflicts[reserves.lowerBound...].prefix(20000)
        for value in ["&gt; 30%", "≈ 34%", "≈ 40%", "49%"] { #expect(section.contains("<span class=\"value\">\(value)</span>"), "\(value)") }
        #expect(section.contains("USGS MCS 2026"))
        #expect(conflicts.contains("id=\"c-production_share-china\""))
        #expect(conflicts.contains("Possible reasons"))
        // Every comparison has its own anchor, and the page has three sections.
        let ids = conflicts.split(separator: "id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count, "duplicate ids")
        for anchor in ["disagree", "reference", "explained"] { #expect(conflicts.contains("id=\"\(anchor)\"")) }
    }

    @Test func exportsCarryEveryClaimWithWhatItIs() throws {
        var log = DiagnosticLog()
        let prepared = try #require(Builder(options: .init(root: Self.site.url)).prepare(log: &log))
        let csv = try page("data/claims.csv")
        let header = csv.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        for column in ["id", "metric", "entity", "value_low", "value_high", "unit", "qualifier", "status", "elements", "measure", "commodity",
                       "period", "period_from", "period_to", "rate", "speaker", "repeat_of", "quote"] {
            #expect(header.contains(column), "\(column)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(try page("data/claims.json").utf8)) as? [[String: Any]]
        #expect(json?.count == prepared.site.claims.count)
        #expect(json?.first?["quote"] is String)
        #expect(json?.allSatisfy { $0["status"] is String && $0["period"] is String && $0["commodity"] is String } == true)
        // The schema names every column, in order, says what each means, and lists every value an
        // enumerated column takes.
        let schema = try #require(JSONSerialization.jsonObject(with: Data(try page("data/claims.schema.json").utf8)) as? [String: Any])
        let fields = try #require(schema["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String ?? "" } == header)
        #expect(fields.allSatisfy { ($0["description"] as? String)?.isEmpty == false })
        for field in fields {
            guard let allowed = (field["constraints"] as? [String: Any])?["enum"] as? [String], let name = field["name"] as? String else { continue }
            for record in json ?? [] { if let value = record[name] as? String { #expect(allowed.contains(value), "\(name) = \(value)") } }
        }
        for dataset in ["usgs-reserves", "usgs-mine-production", "iea-magnet-ree-shares", "china-export-controls"] {
            #expect(try page("data/\(dataset).csv").contains(","))
            let metadata = try JSONSerialization.jsonObject(with: Data(try page("data/\(dataset).metadata.json").utf8)) as? [String: Any]
            for key in ["citation", "unit", "as_of", "licence", "edition"] { #expect(metadata?[key] is String, "\(dataset) \(key)") }
        }
    }

    @Test func articlePagesListTheirFiguresAndMarkTheQuotes() throws {
        let html = try page("articles/xi-tu-yuan-su-zhong-guo-lai-zhi-bu-yi-de-you-shi-yu-quan-qiu/index.html")
        #expect(html.contains("Figures in this article"))
        #expect(html.contains("<mark class=\"quote\" id=\"q-"))
        #expect(html.contains("China has supplied 60% to 70% of the world&#39;s REE supply"))
    }

    @Test func editorsEmbedChartsAndMisspeltNamesFailWithFileAndLine() throws {
        #expect(try page("about/index.html").contains("aria-labelledby=\"chart-china-share-chain-title chart-china-share-chain-desc\""))
        let site = TemporaryFolder.siteCopy()
        site.write("content/pages/glossary.md", "---\ntitle: Glossary\n---\nIntro\n\n```chart reservs\n```\n")
        let report = Builder(options: .init(root: site.url)).build()
        #expect(!report.succeeded)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.location == SourceLocation(file: "content/pages/glossary.md", line: 6, column: 4))
        #expect(error.message.contains("did you mean `reserves`"))
    }

    @Test func hostileQuotesInChartsStayText() throws {
        let site = TemporaryFolder.siteCopy()
        site.write("content/sources/9-hostile.txt", "测试\nSearch documents\nHostile\nS· 2025-09-01 10:00\nCore Insights - China holds 41% of the world's reserves </svg><script>alert(1)</script> ]]> {{layout}} \"x\" [1]\n")
        #expect(Builder(options: .init(root: site.url)).build().succeeded)
        let chart = try #require(site.read("public/data/china-share-chain/index.html"))
        #expect(!chart.contains("<script>alert"))
        #expect(!chart.contains("</svg><script>"))
        #expect(chart.contains("&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; {{layout}} &quot;x&quot;"))
    }
}
