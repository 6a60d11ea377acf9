import Foundation
import Testing
@testable import Atlas

/// What the sentence says about a figure, rule by rule, on the sentences issue #12 found read
/// wrongly: status, scope, period, rate, attribution, qualifier and repeats.
@Suite struct ClaimFieldRuleTests {
    let registry: [Entity] = {
        var log = DiagnosticLog()
        let file = ContentLoader.read(TestPaths.repository, EntityRegistryReader.path, log: &log, missingHint: nil)!
        return EntityRegistryReader.read(file, log: &log) ?? []
    }()
    var extractor: ClaimExtractor { ClaimExtractor(entities: registry) }

    func claims(_ text: String, published: LocalDateTime = LocalDateTime(year: 2026, month: 1, day: 13)) -> [Claim] {
        extractor.claims(articleID: "a", body: text, published: published)
    }

    @Test func aYearBindsToItsOwnClause() throws {
        let japan = claims("Japan now sources about 60% of its rare earths from China, down from over 90% in 2009 [1]")
        #expect(japan.map(\.period.code) == ["current", "2009"])
        #expect(japan.map(\.status) == [.stated, .historical])
        #expect(japan.first?.period.to == 2026)
        let asOf = try #require(claims("As of 2024, China held 44 million tonnes of reserves, making it the largest holder [2]").first)
        #expect(asOf.period.code == "as of 2024")
        #expect(claims("providing 70% of the U.S. rare earth imports from 2020 to 2023 [1]").first?.period.code == "2020-2023")
        let since = try #require(claims("China has supplied 60% to 70% of the world's REE supply since the late 1990s [2]").first)
        #expect(since.period.code == "since 1990s")
        #expect(Comparison.primary(.productionShare).setApart(since) == .span(since.period))
        #expect(claims("中国在稀土开采领域的份额已由2010年的97%降至2024年的69%。").map(\.period.code) == ["2010", "2024"])
    }

    @Test func aParagraphBreakEndsTheSentence() {
        let text = "China accounted for 69% of mined rare earths in 2024\n\nOn 9 October 2025 MOFCOM extended the controls."
        #expect(claims(text).first?.period.code == "2024")
        let runOn = "China accounted for 69% of mined rare earths\n\n2025年10月9日，商务部扩大管制。"
        #expect(claims(runOn).first?.period.code == "current")
    }

    @Test func targetsPlansAndForecastsAreNotMeasurements() throws {
        let japan = try #require(claims("Japan aims to cut its reliance on China to 50% by 2030 [1]").first)
        #expect((japan.status, japan.period.code) == (.target, "by 2030"))
        let mp = claims("The US company MP Materials claims a production target of 15,000 tons by 2025, but actual quarterly output remains at 500 tons [5]",
                        published: LocalDateTime(year: 2025, month: 7, day: 7))
        #expect(mp.map(\.status) == [.target, .stated])
        #expect(mp.map(\.entity) == ["mp-materials", "mp-materials"])
        #expect(mp.map(\.rate) == [nil, .perQuarter])
        let rebuild = try #require(claims("要想重建完整的稀土产业链，预计需要至少2500亿美元的投入。").first)
        #expect((rebuild.status, rebuild.qualifier, rebuild.low, rebuild.high) == (.forecast, .atLeast, 250_000_000_000, nil))
        let bank = claims("The U.S. Export-Import Bank will issue seven financing letters totaling over $2.2 billion, potentially leveraging up to $5 billion in investments [3]")
        #expect(bank.map(\.status) == [.plan, .forecast])
        #expect(bank.last?.qualifier == .upTo)
        let estimated = try #require(claims("Greenland's rare earth oxide reserves are estimated at 38.5 million tons [2]").first)
        #expect((estimated.status, estimated.metric, estimated.entity) == (.estimate, .reservesTonnes, "greenland"))
    }

    @Test func scopeIsReadFromTheFiguresOwnPhrase() throws {
        let mediumHeavy = try #require(claims("中国拥有全球80%的中重稀土储量。").first)
        #expect((mediumHeavy.metric, mediumHeavy.scope.elements, mediumHeavy.scope.measure) == (.reservesShare, .mediumHeavy, .reserves))
        let heavy = try #require(claims("中国主导全球99%的重 稀土金属供应。").first)
        #expect((heavy.metric, heavy.scope.elements) == (.productionShare, .heavy))
        let technology = claims("China holds a technological monopoly in rare earth refining, with 88% of global refining technology and 94% of high-end magnetic materials [7]")
        #expect(technology.map(\.scope.measure) == [.technology, .output])
        #expect(technology.map(\.metric) == [.refiningShare, .magnetShare])
        let capacity = try #require(claims("China controls 85% to 90% of the refining capacity [2]").first)
        #expect(capacity.scope.measure == .capacity)
        #expect(Comparison.primary(.refiningShare).setApart(capacity) == .otherMeasure(.capacity))
    }

    @Test func anElementNeedNotBeRegisteredToNarrowTheScope() throws {
        // The site's registry lists no lanthanum or cerium; the figures are still about them alone.
        #expect(!registry.contains { $0.id == "lanthanum" || $0.id == "cerium" })
        let lanthanum = try #require(claims("Between 60% and 63% of Japan's lanthanum imports come from China.").first)
        #expect(lanthanum.scope.elements == .element("lanthanum"))
        let cerium = try #require(claims("中国铈产量约占全球的85%。").first)
        #expect(cerium.scope.elements == .element("cerium"))
        // "镧系" is the lanthanide series: all of them.
        let series = try #require(claims("中国镧系元素储量约占全球的37%。").first)
        #expect(series.scope.elements == .all)
    }

    @Test func otherMaterialsArePlottedNowhere() throws {
        let gallium = try #require(claims("the U.S. Department of Defense funding a high-end gallium refining plant in Western Australia, designed to produce 100 metric tons annually [6]").first)
        #expect((gallium.scope.commodity, gallium.rate, gallium.scope.measure) == ("gallium", .perYear, .capacity))
        #expect(Comparison.primary(.productionTonnes).setApart(gallium) == .otherCommodity("gallium"))
    }

    @Test func attributionFollowsTheSentence() throws {
        let price = try #require(claims("Following China's export controls on certain rare earths, prices for dysprosium oxide surged to $850 per kilogram [5]").first)
        #expect((price.metric, price.entity, price.scope.elements) == (.price, nil, .element("dysprosium")))
        let each = claims("Both the U.S. and Australia will invest over $1 billion each in the first six months [3]")
        #expect(Set(each.compactMap(\.entity)) == ["united-states", "australia"])
        #expect(each.allSatisfy { $0.status == .plan && $0.qualifier == .over })
        #expect(Set(each.map(\.id)).count == 2)
    }

    @Test func qualifiersSayHowTheSourceHedged() {
        #expect(claims("预计需要至少2500亿美元的投入。").first?.qualifier == .atLeast)
        #expect(claims("托木斯克矿床拥有高达15万吨的高品位稀土储量。").first?.qualifier == .upTo)
        #expect(claims("China supplies about 60% of the world's rare earths [1]").first?.qualifier == .about)
    }

    @Test func aFigureStatedTwiceCountsOnce() {
        let body = "Core Insights - China controls 90% of global refining capacity [1] Group 1 - China controls 90% of global refining capacity, analysts say [2]"
        let found = claims(body)
        #expect(found.count == 2)
        #expect(found[1].duplicateOf == found[0].id)
        #expect(ChartCatalog.spread(found) == "90% in 1 article")
    }

    @Test func aConversionInBracketsRestatesTheFigure() throws {
        let found = claims("The Indian government announced a plan worth 500 billion rupees (approximately 40 billion RMB) to boost self-sufficiency [1]")
        #expect(found.map(\.unit) == [.inr, .cny])
        #expect(found.allSatisfy { $0.metric == .investment && $0.entity == "india" && $0.status == .plan })
        #expect(found.last?.qualifier == .about)
    }

    @Test func speakersAreKept() {
        #expect(claims("According to the Japan Research Institute, a one-year interruption could cut GDP by 0.9%, and China holds 60% of supply [4]").last?.speaker == "Japan Research Institute")
        #expect(claims("据美国地质调查局统计，中国稀土储量占全球的49%。").first?.speaker == "美国地质调查局")
    }

    /// Found in review: a range across " - " (also a digest's item separator) and a year range
    /// read over a figure ("2024-25 tons") must neither crash nor lose the figure.
    @Test func rangesAcrossADashStayWhole() {
        #expect(claims("The ministry said it will spend $5 - 10 billion.").map(\.valueText) == ["$5–10 billion"])
        #expect(claims("美国将投资10 - 20亿美元。").map(\.valueText) == ["$1–2 billion"])
        #expect(claims("China holds 40% - 50% of reserves.").map(\.valueText) == ["40–50%"])
        #expect(claims("2024-25 tons of ore were mined, and 30 tons were shipped.").count == 2)
    }
}
