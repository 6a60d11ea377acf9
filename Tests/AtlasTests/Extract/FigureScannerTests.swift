import Testing
@testable import Atlas

/// Each scanning rule with the kinds of text it was written for.
@Suite struct FigureScannerTests {
    func scan(_ text: String) -> [FigureMention] { FigureScanner.scan(ScanText(text)) }

    @Test(arguments: [
        ("controls 85% to 90% of refining", 85.0, 90.0, Qualifier.exact),
        ("supplied 60%-70% of the supply", 60, 70, .exact),
        ("reliant on imports for approximately 80-85% of its needs", 80, 85, .about),
        ("占全球85%至90%的产能", 85, 90, .exact),
        ("between 1% and 2% of world production", 1, 2, .exact),
        ("a staggering 83.7% dependence", 83.7, 83.7, .exact),
        ("nearly 90% of refining", 90, 90, .nearly),
        ("约70%", 70, 70, .about),
        ("近60%", 60, 60, .nearly),
        ("90%左右", 90, 90, .about),
        ("83.7 percent of imports", 83.7, 83.7, .exact),
    ])
    func percentagesAndRanges(_ text: String, _ low: Double, _ high: Double, _ qualifier: Qualifier) throws {
        let figure = try #require(scan(text).first)
        #expect(figure.unit == .percent)
        #expect(figure.low == low && figure.high == high)
        #expect(figure.qualifier == qualifier)
    }

    @Test(arguments: [
        ("holding over 90% of the capacity", 90.0 as Double?, nil as Double?, Qualifier.over),
        ("超过90%", 90 as Double?, nil as Double?, .over),
        ("90%以上的市场份额", 90 as Double?, nil as Double?, .over),
        ("六成以上", 60 as Double?, nil as Double?, .over),
        ("less than 1.5% of global production", nil as Double?, 1.5 as Double?, .lessThan),
        ("不到10%", nil as Double?, 10 as Double?, .lessThan),
        ("up to 30% of Japan's imports", nil as Double?, 30 as Double?, .upTo),
    ])
    func openBounds(_ text: String, _ low: Double?, _ high: Double?, _ qualifier: Qualifier) throws {
        let figure = try #require(scan(text).first)
        #expect(figure.low == low && figure.high == high && figure.qualifier == qualifier)
    }

    @Test(arguments: [
        ("about two-thirds of China's output", 66.7),
        ("a quarter of the world's reserves", 25),
        ("约三分之二的稀土产量", 66.7),
        ("超过九成", 90),
    ])
    func fractionsInWords(_ text: String, _ value: Double) throws {
        let figure = try #require(scan(text).first)
        #expect(figure.unit == .percent)
        #expect(figure.low == value || figure.high == value)
    }

    @Test(arguments: [
        ("需要至少2500亿美元的投入", 2.5e11, FigureUnit.usd),
        ("a plan worth 500 billion rupees", 5e11, .inr),
        ("approximately 40 billion RMB", 4e10, .cny),
        ("$8.5 billion critical minerals deal", 8.5e9, .usd),
        ("3834吨稀土", 3834, .tonnes),
        ("15万吨", 150_000, .tonnes),
        ("only 2,900 tons of production", 2900, .tonnes),
        ("a ₹7,280 crore scheme", 7.28e10, .inr),
        ("traded at $62 per kg", 62, .usdPerKg),
    ])
    func amountsAreScaled(_ text: String, _ value: Double, _ unit: FigureUnit) throws {
        let figure = try #require(scan(text).first)
        #expect(figure.unit == unit)
        #expect(figure.low == value)
    }

    @Test func codesAndYearsAreNotFigures() {
        #expect(scan("G7 and the 1C902 code, No.18 of 2025, in 2024").isEmpty)
        #expect(scan("the half-life of the first half of 2025").isEmpty)
    }
}

@Suite struct MetricAndAttributionTests {
    let extractor: ClaimExtractor = {
        var log = DiagnosticLog()
        let file = ContentLoader.read(TestPaths.repository, EntityRegistryReader.path, log: &log, missingHint: nil)!
        return ClaimExtractor(entities: EntityRegistryReader.read(file, log: &log) ?? [])
    }()

    static let published = LocalDateTime(year: 2025, month: 10, day: 1)

    func claims(_ text: String) -> [Claim] { extractor.claims(articleID: "a", body: text, published: Self.published) }

    @Test(arguments: [
        ("China holds 34% of the world's total reserves [1]", Metric.reservesShare, "china"),
        ("China holds over 70% of global rare earth mining capacity [5]", .productionShare, "china"),
        ("中国凭借占全球90%的稀土精炼产能", .refiningShare, "china"),
        ("中国在精炼稀土的产能上占据90%以上的市场份额。", .refiningShare, "china"),
        ("中国在全球永磁体产量中的份额长期保持在90%以上。", .magnetShare, "china"),
        ("Greenland possesses a quarter of the world's rare earth reserves [2]", .reservesShare, "greenland"),
        ("with 90% of global rare earth production coming from China [3]", .productionShare, "china"),
    ])
    func metricAndHolder(_ text: String, _ metric: Metric, _ entity: String) throws {
        let claim = try #require(claims(text).first)
        #expect(claim.metric == metric)
        #expect(claim.entity == entity)
    }

    @Test func importSharesNameSupplierAndImporter() throws {
        let found = claims("China accounts for 70% of U.S. rare earth imports, followed by Malaysia (13%), Japan (6%), and Estonia (5%), with other countries making up the remaining 6% [3]")
        #expect(found.map(\.entity) == ["china", "malaysia", "japan", "estonia", "rest-of-world"])
        #expect(found.allSatisfy { $0.metric == .importShare && $0.importer == "united-states" })
        let japan = try #require(claims("Japan's historical dependence on Chinese rare earths, exceeding 90%, has prompted efforts [5]").first)
        #expect((japan.metric, japan.entity, japan.importer, japan.low, japan.high) == (.importShare, "china", "japan", 90, nil))
        let korea = try #require(claims("South Korea relied on China for nearly 80% of its rare earth imports in 2025 [2]").first)
        #expect((korea.entity, korea.importer, korea.period.code) == ("china", "south-korea", "2025"))
        let myanmar = try #require(claims("缅甸矿占中国稀土矿进口量的约70%。").first)
        #expect((myanmar.entity, myanmar.importer) == ("myanmar", "china"))
    }

    @Test func importRelianceWithoutSupplierIsDependence() throws {
        let claim = try #require(claims("The U.S. is reliant on imports for approximately 80-85% of its rare earth needs [4]").first)
        #expect(claim.metric == .importDependence)
        #expect(claim.entity == "united-states")
    }

    @Test(arguments: [
        "China's rare earth magnet exports surged 660% from May [1]",
        "a 25% tariff on Chinese permanent magnets [2]",
        "India's output is less than 1.4% of China's output [4]",
        "the U.S. will meet only 5% of its rare earth separation capacity by 2023 [5]",
        "Around 40% of the Hanau plant's output goes to defense contractors [6]",
        "demand is expected to grow 15% a year [7]",
        "锁定项目一半以上的镝产量。",
    ])
    func changesRatesAndRelativeSharesAreNotShares(_ text: String) {
        #expect(!claims(text).contains { $0.metric.isShare }, "\(text)")
    }

    @Test func patentsAtAStageAreItsTechnologyShare() throws {
        let claim = try #require(claims("China holds 85% of separation patents [3]").first)
        #expect((claim.metric, claim.scope.measure) == (.refiningShare, .technology))
        #expect(!claims("China holds 60% of the world's patents [3]").contains { $0.metric.isShare })
    }

    @Test func periodsAreReadFromTheClause() throws {
        #expect(claims("China holds a dominant position, with 49% of the world's reserves and 69% of production as of 2024 [3]").map(\.period.code) == ["as of 2024", "as of 2024"])
        #expect(claims("providing 70% of the U.S. rare earth imports from 2020 to 2023 [1]").first?.period.code == "2020-2023")
        #expect(claims("China has supplied 60% to 70% of the world's supply since the late 1990s [2]").first?.period.code == "since 1990s")
        #expect(claims("2025年,中国稀土矿产量约占全球的三分之二。").first?.period.code == "2025")
    }

    @Test func quotesAreVerbatimClausesWithStableIDs() throws {
        let body = "Core Insights - China has supplied 60% to 70% of the world's REE supply and controls 85% to 90% of the refining capacity [2][3] - Other [4]"
        let first = claims(body)
        #expect(first.count == 2)
        for claim in first {
            #expect(claim.quote == "China has supplied 60% to 70% of the world's REE supply and controls 85% to 90% of the refining capacity")
            #expect(String(Array(body)[claim.quoteRange]) == claim.quote)
        }
        #expect(first[0].id != first[1].id)
        #expect(claims(body).map(\.id) == first.map(\.id))
        #expect(extractor.claims(articleID: "b", body: body, published: Self.published).map(\.id) != first.map(\.id))
    }
}
