import Foundation
import Testing
@testable import Atlas

/// Conflicts compare like with like: the same party, metric, elements, measure and commodity,
/// each a measurement of a point in time; the rest is set apart with its reason.
@Suite struct ConflictsTests {
    func share(_ id: String, _ low: Double?, _ high: Double?, qualifier: Qualifier = .exact, status: ClaimStatus = .stated,
               elements: ElementScope = .all, measure: Measure = .reserves, period: ClaimPeriod = .current(published: 2025),
               metric: Metric = .reservesShare, unit: FigureUnit = .percent, article: String? = nil) -> Claim {
        Claim(id: id, article: article ?? id, metric: metric, entity: "china", low: low, high: high, qualifier: qualifier, unit: unit, status: status,
              scope: ClaimScope(elements: elements, measure: measure), period: period, quote: id)
    }

    @Test func valuesThatCannotBothBeTrueDisagree() {
        let groups = Conflicts.find([share("a", 34, 34), share("b", 49, 49), share("c", 30, nil, qualifier: .over)], references: [])
        #expect(groups.map(\.kind) == [.articles])
        #expect(groups.first?.claims.map(\.id) == ["c", "a", "b"])
        // "over 30%" and "34%" can both be true; rounding lets 69% and 69.2% agree.
        #expect(Conflicts.find([share("a", 34, 34), share("c", 30, nil, qualifier: .over)], references: []).isEmpty)
        #expect(Conflicts.find([share("a", 69, 69), share("b", 69.2, 69.2)], references: []).isEmpty)
    }

    @Test func otherScopesTimesAndStatusesAreSetApartWithTheirReason() throws {
        let claims = [share("now", 63, 63, measure: .imports, metric: .importShare),
                      share("then", 90, nil, qualifier: .over, status: .historical, measure: .imports, period: .past, metric: .importShare),
                      share("goal", 50, 50, status: .target, measure: .imports, period: ClaimPeriod(kind: .by, to: 2030, resolution: .stated), metric: .importShare)]
        let group = try #require(Conflicts.find(claims, references: []).first)
        #expect(group.kind == .explained)
        #expect(group.claims.map(\.id) == ["now"])
        #expect(Set(group.setApart.map(\.claim.id)) == ["then", "goal"])
        #expect(group.setApart.first { $0.claim.id == "goal" }?.reason.reason == "a target for 2030, not a measurement")
        let heavy = share("heavy", 80, 80, elements: .mediumHeavy)
        #expect(Comparison.primary(.reservesShare).setApart(heavy) == .otherElements(.mediumHeavy))
    }

    @Test func aFigureIsHeldToTheReferenceEditionOutWhenItWasWritten() throws {
        func reference(_ tonnes: Double, _ edition: String) -> ReferenceFigure {
            ReferenceFigure(metric: .reservesTonnes, entity: "china", value: tonnes, unit: .tonnes, measure: .reserves, bound: .exact, year: nil,
                            source: "USGS \(edition)", detail: "", dataset: "usgs-reserves")
        }
        let references = [reference(21_000_000, "MCS 2025"), reference(11_000_000, "MCS 2026")]
        let claim = share("old", 21_000_000, 21_000_000, metric: .reservesTonnes, unit: .tonnes, article: "written-2025")
        #expect(Conflicts.find([claim], references: references, published: ["written-2025": 2025]).isEmpty)
        let later = Conflicts.find([claim], references: references, published: ["written-2025": 2026])
        #expect(later.map(\.kind) == [.reference])
    }
}
