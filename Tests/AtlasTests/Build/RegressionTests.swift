import Foundation
import Testing
@testable import Atlas

/// Problems found in review, each pinned by the smallest input that showed it.
@Suite struct RegressionTests {
    @Test func absurdOrNonFiniteNumbersNeverCrash() throws {
        #expect(FigureScanner.scan(ScanText("The deal is worth $10000000 trillion in investment [1].")).isEmpty)
        let site = TemporaryFolder.siteCopy()
        site.write("content/sources/9-big.txt", "测试\nSearch documents\nBig\nS· 2025-09-01 10:00\nCore Insights - The deal is worth $10000000 trillion in investment [1] - China holds 99.999999% of reserves [2]\n")
        #expect(Builder(options: .init(root: site.url)).build().succeeded)
        var log = DiagnosticLog()
        _ = ClaimEditsReader.read(TextFile(path: "e.yml", text: "correct:\n  - id: x\n    value: inf\n    year: 1e20\n"), log: &log)
        #expect(log.errors.count == 2)
        #expect(DatasetReader.problem("inf", .number) != nil && DatasetReader.problem("nan", .number) != nil)
    }

    @Test func controlCharactersAreRejectedWhereTheyStand() {
        guard case .failure(let diagnostic) = TextFile.decode(Array("a\nb\u{08}c".utf8), path: "x.txt") else { Issue.record("accepted"); return }
        #expect(diagnostic.location == SourceLocation(file: "x.txt", line: 2, column: 2))
    }

    @Test func csvQuotingLooksAtScalars() {
        #expect(Exports.csvField("a,\u{301}b") == "\"a,\u{301}b\"")
        #expect(Exports.csvField("say \"\u{301}hi") == "\"say \"\"\u{301}hi\"")
        #expect(Exports.csvField("line\r\nbreak").hasPrefix("\""))
        // Every quote doubled, wherever it stands; the runs between copied as they are.
        #expect(Exports.csvField("\"稀土\",\"\"") == "\"\"\"稀土\"\",\"\"\"\"\"")
        #expect(Exports.csvField("plain") == "plain")
    }

    @Test func aQuoteRepeatedInTheBodyIsAnchoredOnce() {
        let body = BodyStructurer.structure("Core Insights - China holds 60% of world rare earth reserves [1] Group 1: Again - China holds 60% of world rare earth reserves [2]")
        let rendered = BodyRenderer.render(body, anchors: [("China holds 60% of world rare earth reserves", "c1"), ("60% of world rare earth", "e9")], linker: nil)
        // Each anchor exactly once: the full quote where it first stands, the nested one where
        // it stands alone.
        #expect(rendered.html.html.components(separatedBy: "id=\"q-c1\"").count == 2)
        #expect(rendered.html.html.components(separatedBy: "id=\"q-e9\"").count == 2)
        #expect(rendered.anchored == ["c1", "e9"])
    }

    @Test func chartsEmbedOnChinesePagesAndTopicSlugsAreUnique() throws {
        let site = TemporaryFolder.siteCopy()
        site.write("content/pages/zh.md", "---\ntitle: 中文页面\n---\n这是一个中文页面。\n\n```chart reserves\n```\n")
        #expect(Builder(options: .init(root: site.url)).build().succeeded)
        let page = try #require(site.read("public/zh/index.html"))
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-wide\""))
        #expect(!page.contains("\u{FFFC}"))
        site.write("content/topics/copy.md", (site.read("content/topics/neodymium.md") ?? "").replacingOccurrences(of: "title_zh: 钕", with: "title_zh: 钕的副本"))
        let report = Builder(options: .init(root: site.url)).build()
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message.contains("topic slug `neodymium`") })
    }

    @Test func scriptURLsAreRefusedInCuratedSources() {
        var log = DiagnosticLog()
        _ = TimelineReader.read(TextFile(path: "content/timeline.yml", text: "- date: 2025-01-01\n  title: X\n  source: Y\n  source_url: javascript:alert(1)\n"), entities: [], log: &log)
        #expect(log.errors.first?.location?.line == 4)
    }

    @Test func aPlanOnTwentyNinthFebruaryNextYearKeepsOnlyTheMonth() {
        let events = EventExtractor(entities: []).events(articleID: "a", body: "日本计划于2月29日启动试采。", published: LocalDateTime(year: 2024, month: 3, day: 10))
        #expect(events.map(\.dateText) == ["2025-02"])
        #expect(events.first?.status == .target)
    }

    @Test func templateTagsWithSpacesAreReadLikeOthers() {
        var log = DiagnosticLog()
        let uses = TemplateSet.checkTags(TextFile(path: "t.mustache", text: "{{ title }} {{# items }}{{/ items }}"), names: [], log: &log)
        #expect(uses.map(\.key) == ["title", "items"])
        #expect(log.items.isEmpty)
    }
}

extension RegressionTests {
    @Test func identityLinksAreFoundAsCmarkReadsThem() throws {
        let text = "---\ntitle: T\n---\nCode `[x](@/entities/nobody)` is not a link.\n\n```\n[y](@/entities/nobody2)\n```\n\n[a](<@/entities/nope1>) and [b]( @/topics/nope2) and [c](@/entities/china).\n\n[r]:\t@/pages/nope3\n"
        var log = DiagnosticLog()
        let page = try #require(MarkdownReader.page(TextFile(path: "content/pages/t.md", text: text), log: &log))
        #expect(page.links.map(\.target) == ["@/entities/nope1", "@/topics/nope2", "@/entities/china", "@/pages/nope3"])
        #expect(page.links.map { $0.location.line } == [10, 10, 10, 12])
    }
}
