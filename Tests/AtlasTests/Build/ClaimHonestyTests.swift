import Foundation
import Testing
@testable import Atlas

/// Issue #12 on the real site: every chart row, spread and key figure compares like with like,
/// states no midpoint and draws no target or history as now; the examples the issue found read
/// wrongly are read right; and editors' numbers are all backed by a source.
@Suite struct ClaimHonestyTests {
    struct Built: @unchecked Sendable {
        var site: Site
        var renderer: SiteRenderer
        var files: [String: String]
        var diagnostics: [Diagnostic]
    }

    static let built: Built = {
        var log = DiagnosticLog()
        let prepared = Builder(options: .init(root: TestPaths.repository)).prepare(log: &log)!
        let templates = TemplateSet.load(root: TestPaths.repository, log: &log)!
        let files = Dictionary(prepared.files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }, uniquingKeysWith: { a, _ in a })
        return Built(site: prepared.site, renderer: SiteRenderer(site: prepared.site, templates: templates), files: files, diagnostics: log.items)
    }()

    var site: Site { Self.built.site }

    func claim(_ quote: String, _ figure: String) throws -> Claim {
        try #require(site.claims.first { $0.quote.contains(quote) && $0.figureText.contains(figure) }, "\(quote) \(figure)")
    }

    @Test func everyChartRowIsOneQuantityOfNow() throws {
        let context = Self.built.renderer.chartContext
        for (metric, label) in ChainChart.stages {
            for comparison in ChainChart.comparisons(metric, context: context) {
                for claim in context.claims(comparison, entity: "china") {
                    #expect(Comparison(claim) == comparison, "\(label): \(claim.quote)")
                    #expect(claim.status.isMeasurement && claim.period.pointYear != nil && claim.duplicateOf == nil, "\(label): \(claim.quote)")
                }
            }
        }
        // Every mark a chart draws links to a claim that is a measurement of now.
        let byID = Dictionary(site.claims.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for chart in Self.built.renderer.charts {
            for id in chart.svg.html.components(separatedBy: "#q-").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
                let drawn = try #require(byID[id], "\(chart.name) draws an unknown claim \(id)")
                #expect(drawn.status.isMeasurement, "\(chart.name) draws a \(drawn.status): \(drawn.quote)")
                #expect([.year, .asOf, .current].contains(drawn.period.kind), "\(chart.name) draws \(drawn.period.code): \(drawn.quote)")
            }
        }
    }

    /// A percentage in a summary or key figure must be one a source states, never the middle of
    /// a range ("87.5%" for 85–90%).
    @Test func noMidpointIsStatedAnywhere() throws {
        // Stated: a bound of a figure in some article (claim or not), a reference share, a dataset value.
        var stated = Set(site.articles.flatMap { FigureScanner.scan(ScanText($0.title + " " + $0.sourceText)) }
            .filter { $0.unit == .percent }.flatMap { [$0.low, $0.high].compactMap { $0 } })
        stated.formUnion(Self.built.renderer.chartContext.references.map { ($0.value * 10).rounded() / 10 })
        for dataset in site.datasets { for row in dataset.rows { for value in row.values { if let number = Double(value) { stated.insert(number) } } } }
        let home = try #require(Self.built.files["index.html"])
        let texts = [home] + Self.built.renderer.charts.map(\.summary)
        for text in texts {
            for match in text.matches(of: /(\d+(?:\.\d+)?)%/) {
                let value = Double(match.output.1)!
                #expect(stated.contains(value) || [0, 25, 50, 75, 100].contains(value), "\(value)% is stated by no source: …\(text[max(text.startIndex, text.index(match.range.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex)..<match.range.upperBound])")
            }
        }
        #expect(!home.contains("87.5%") && !home.contains("from 30% to 80%") && !home.contains("from 65% to 99%"))
    }

    @Test func narrowerScopesAreTheirOwnQuantity() throws {
        let mediumHeavy = try claim("80%的中重稀土储量", "80%")
        #expect((mediumHeavy.metric, mediumHeavy.scope.elements) == (.reservesShare, .mediumHeavy))
        let heavy = try claim("99%的重", "99%")
        #expect(heavy.scope.elements == .heavy)
        let technology = try claim("88% of global refining technology", "88%")
        #expect(technology.scope.measure == .technology)
        let context = Self.built.renderer.chartContext
        for narrower in [mediumHeavy, heavy, technology] {
            #expect(!context.claims(Comparison.primary(narrower.metric), entity: "china").contains(narrower))
        }
        let home = try #require(Self.built.files["index.html"])
        #expect(home.contains("Not in this spread"))
    }

    @Test func timeStatusAndAttributionAreThoseOfTheSentence() throws {
        #expect(try claim("since the late 1990s", "60% to 70%").period.code == "since 1990s")
        #expect(try claim("from 2020 to 2023", "70%").period.code == "2020-2023")
        #expect(try claim("69% of production as of 2024", "69%").period.code == "as of 2024")
        let target = try claim("production target of 15,000 tons", "15,000")
        #expect((target.status, target.entity, target.period.code) == (.target, "mp-materials", "by 2025"))
        #expect(try claim("quarterly output remains at 500 tons", "500").rate == .perQuarter)
        #expect(try claim("预计需要至少2500亿美元", "2500亿").status == .forecast)
        #expect(try claim("potentially leveraging up to $5 billion", "$5 billion").status == .forecast)
        let price = try claim("dysprosium oxide surged to $850", "850")
        #expect((price.entity, price.scope.elements) == (nil, .element("dysprosium")))
        #expect(try claim("gallium refining plant", "100 metric tons").scope.commodity == "gallium")
        let each = site.claims.filter { $0.quote.contains("will invest over $1 billion each") }
        #expect(Set(each.compactMap(\.entity)) == ["united-states", "australia"])
        #expect(try claim("预计需要至少2500亿美元", "2500亿").qualifier == .atLeast)
    }

    @Test func conflictsCompareLikeWithLike() throws {
        let groups = Self.built.renderer.conflictGroups
        // Japan's 63% now and "historically over 90%" only look like a disagreement.
        let japan = try #require(groups.first { $0.metric == .importShare && $0.entity == "china" && $0.importer == "japan" })
        #expect(japan.kind == .explained)
        #expect(japan.setApart.contains { if case .historical = $0.reason { return true } else { return false } })
        // Tonnages the USGS contradicts are flagged, against the edition out when the article was.
        let reserves = groups.filter { $0.metric == .reservesTonnes && $0.kind == .reference }.map(\.entity)
        #expect(reserves.contains("china") && reserves.contains("greenland"))
        #expect(!reserves.contains("brazil"), "21 Mt was the USGS figure when the article was written (MCS 2025)")
        for group in groups where group.kind != .explained {
            for claim in group.claims { #expect(group.comparison.setApart(claim) == nil, "\(claim.quote)") }
        }
    }

    @Test func theTwoMissedEventsAreOnTheTimeline() {
        #expect(site.events.contains { $0.dateText == "2025-12" && ($0.quote ?? "").contains("decreased by 8%") })
        #expect(site.events.contains { $0.dateText == "2025-06" && ($0.quote ?? "").contains("352.8 tons in June") })
    }

    @Test func everyNumberEditorsWriteIsBacked() {
        let unbacked = Self.built.diagnostics.filter { $0.message.hasPrefix("the figure `") }
        #expect(unbacked.isEmpty, "\(unbacked.map(\.description))")
    }
}
