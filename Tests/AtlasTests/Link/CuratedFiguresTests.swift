import Foundation
import Testing
@testable import Atlas

/// Numbers editors write are checked against the sources their paragraph links to.
@Suite struct CuratedFiguresTests {
    func warnings(_ topic: String, timeline: String? = nil) throws -> [Diagnostic] {
        let site = TemporaryFolder.siteCopy()
        site.write("content/topics/check.md", topic)
        if let timeline { site.write("content/timeline.yml", timeline) }
        var log = DiagnosticLog()
        _ = Builder(options: .init(root: site.url)).plan(log: &log)
        return log.items.filter { $0.message.hasPrefix("the figure `") }
    }

    static let header = "---\ntitle_zh: 检查\ntitle_en: Check\nslug: check\n---\n\n"

    @Test func aFigureNoLinkedSourceStatesIsAWarningAtItsPlaceWithTheNearestStatedFigure() throws {
        // Issue #12: the explainer said 约合40亿元人民币 where the article says about 40 billion RMB.
        let found = try warnings(Self.header + "印度宣布约合40亿元人民币的自主计划。\n")
        let warning = try #require(found.first)
        #expect(found.count == 1)
        #expect(warning.location?.description == "content/topics/check.md:7:7")
        #expect(warning.message.contains("`40亿元人民币`") && warning.message.contains("4 billion yuan"))
        #expect(warning.hint?.contains("40 billion yuan") == true && warning.hint?.contains("@/articles/yin-du-xi-tu-hao-du") == true)
    }

    @Test func aLinkToTheArticleThatStatesItBacksAFigure() throws {
        let linked = Self.header + "[India](@/articles/yin-du-xi-tu-hao-du-14-tian-qing-dao-ji-hui-zhong-e-mo-di-ya) announced 500 billion rupees "
            + "(about 40 billion yuan), with 2,900 tonnes of output.\n\n| who | share |\n|---|---|\n| [China](@/data/usgs-reserves) | 44 million t |\n"
        #expect(try warnings(linked).isEmpty)
        // The same words, linked to an article that does not state them, are not backed.
        let wrong = Self.header + "[India](@/articles/xi-tu-yuan-su-zhong-guo-lai-zhi-bu-yi-de-you-shi-yu-quan-qiu) produced 2,900 tonnes.\n"
        #expect(try warnings(wrong).count == 1)
        // A range is backed only if both ends are stated; a midpoint never is.
        let range = Self.header + "[China](@/articles/xi-tu-yuan-su-zhong-guo-lai-zhi-bu-yi-de-you-shi-yu-quan-qiu) refines 85% to 90%, or 87.5%.\n"
        let found = try warnings(range)
        #expect(found.count == 1 && found.first?.message.contains("87.5%") == true)
    }

    @Test func timelineTitlesAreChecked() throws {
        let timeline = "- date: 2025-04-04\n  title: \"A ban on 12,345 tonnes of exports\"\n  source: \"Somewhere\"\n  entities: [china]\n"
        let found = try warnings(Self.header + "No numbers here.\n", timeline: timeline)
        #expect(found.map { $0.location?.line } == [2])
        // A title cannot link: the hint must not ask for a link in its paragraph.
        #expect(found.first?.message.contains("article or dataset") == true && found.first?.hint?.contains("cannot link") == true)
    }
}
