import Foundation
import Testing
@testable import Atlas

/// Claims, events and articles share their fields between copies (`CopyOnWrite`); they must
/// still behave as values: changing one copy leaves every other as it was.
@Suite struct CopyOnWriteTests {
    @Test func aChangedCopyLeavesTheOthersAsTheyWere() throws {
        var log = DiagnosticLog()
        let plan = try #require(Builder(options: .init(root: TestPaths.repository)).plan(log: &log))
        let claim = try #require(plan.site.claims.first { $0.entity != nil })
        var changed = claim
        #expect(changed == claim)
        changed.entity = "somebody-else"
        changed.scope.measure = changed.scope.measure == nil ? .reserves : nil
        #expect(changed.entity == "somebody-else" && claim.entity != "somebody-else")
        #expect(changed.scope.measure != claim.scope.measure)
        #expect(changed != claim)
        #expect(plan.site.claims.first { $0.id == claim.id } == claim)

        let event = try #require(plan.site.events.first)
        var moved = event
        moved.year += 1
        moved.actors.append("somebody-else")
        #expect(moved.year == event.year + 1 && !event.actors.contains("somebody-else"))
        #expect(plan.site.events.first == event && moved != event)

        let article = try #require(plan.site.articles.first)
        var renamed = article
        renamed.slug += "-2"
        renamed.topics.append("another topic")
        #expect(renamed.slug != article.slug && !article.topics.contains("another topic"))
        #expect(renamed.id == article.id && renamed != article)
        #expect(plan.site.articles.first == article)
    }

    /// Equal values hash alike whether or not they share a box.
    @Test func equalValuesInTwoBoxesAreEqualAndHashAlike() throws {
        var log = DiagnosticLog()
        let plan = try #require(Builder(options: .init(root: TestPaths.repository)).plan(log: &log))
        let claim = try #require(plan.site.claims.first)
        var rebuilt = claim
        rebuilt.rule = claim.rule + "x"
        rebuilt.rule = claim.rule
        #expect(rebuilt == claim)
        #expect(Set([claim, rebuilt]).count == 1)
        #expect(rebuilt.hashValue == claim.hashValue)
    }
}
