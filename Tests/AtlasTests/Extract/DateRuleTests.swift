import Testing
@testable import Atlas

/// Each date rule with the forms it reads, against a fixed publication date.
@Suite struct DateRuleTests {
    let published = LocalDateTime(year: 2025, month: 10, day: 21, hour: 11, minute: 51)

    func dates(_ text: String) -> [String] {
        DateRule.scan(ScanText(text), published: published).map { mention in
            switch mention.precision {
            case .day: return "\(mention.year)-\(mention.month!)-\(mention.day!)"
            case .month: return "\(mention.year)-\(mention.month!)"
            case .year: return "\(mention.year)"
            }
        }
    }

    @Test(arguments: [
        ("2025年10月20日,特朗普与澳大利亚签署", ["2025-10-20"]),
        ("2025年4月,中国首次对稀土物项实施出口管制", ["2025-4"]),
        ("10月9日,商务部升级管制范围", ["2025-10-9"]),
        ("据路透社本月23号发布的消息", ["2025-10-23"]),
        ("G7和欧盟曾于本月初在美国芝加哥开会", ["2025-10"]),
        ("2025年12月11日签署。中国外交部在次日回应", ["2025-12-11", "2025-12-12"]),
        ("日本启动海底稀土试采,力争30年商业化", ["2030"]),
        ("announced on July 1, 2025, by the foreign ministers", ["2025-7-1"]),
        ("On the same day, China enacted a revision. It was announced on July 1, 2025", ["2025-7-1", "2025-7-1"]),
        ("In December 2025, exports fell", ["2025-12"]),
        ("set sail on January 12 to collect mud", ["2025-1-12"]),
        ("by February 2027", ["2027-2"]),
        ("by around 2030", ["2030"]),
        ("the 1 July 2025 meeting", ["2025-7-1"]),
        ("the fourth quarter of 2026", ["2026"]),
        ("output last year", ["2024"]),
    ])
    func readsDates(_ text: String, _ expected: [String]) {
        #expect(dates(text) == expected, "\(text)")
    }

    /// Where in its period a loose date falls, or that it is only rough; said beside the date
    /// and used to sort it at the start of its period.
    @Test(arguments: [
        ("G7和欧盟曾于本月初在美国芝加哥开会", "2025-10", Event.Approximation?.some(.early)),
        ("本月底将公布", "2025-10", .late),
        ("2025年底前完成", "2025", .late),
        ("4月初，商务部宣布", "2025-4", .early),
        ("10月中旬举行会议", "2025-10", .middle),
        ("声称一年后稀土将多到不知如何处理", "2026", .about),
        ("output will rise by mid-2026", "2026", .middle),
        ("in early July 2025 the ministers met", "2025-7", .early),
        ("by the end of 2027", "2027", .late),
        ("2025年初步统计显示", "2025", nil),
        ("2025年中国稀土产量", "2025", nil),
        ("去年稀土出口", "2024", nil),
        ("新工厂已于今年初投产", "2025", .early),
        ("In December 2025, exports fell", "2025-12", nil),
    ])
    func readsWhereInThePeriod(_ text: String, _ date: String, _ approximation: Event.Approximation?) {
        let found = DateRule.scan(ScanText(text), published: published)
        #expect(dates(text) == [date], "\(text)")
        #expect(found.first?.approximation == approximation, "\(text)")
    }

    @Test(arguments: ["since the late 1990s", "within 14 days", "15,000 tons", "in over 70 years", "a 2025 tons shipment", "70年来首次", "3个月", "$2,025 million"])
    func durationsAndNumbersAreNotDates(_ text: String) {
        #expect(dates(text).isEmpty, "\(text)")
    }

    @Test func targetsAreKeptApartFromEvents() {
        let extractor = EventExtractor(entities: [])
        let events = extractor.events(articleID: "a", body: "Core Viewpoint - Japan set sail on January 12 to collect mud [1] - The project aims to verify daily collection by February 2027 [2] - The U.S. plans to impose a 10% tariff starting February 1 [3]",
                                      published: LocalDateTime(year: 2026, month: 1, day: 13))
        #expect(events.map { "\($0.dateText) \($0.status.rawValue)" } == ["2026-01-12 happened", "2027-02 target", "2026-02-01 target"])
        #expect(events.allSatisfy { $0.quote != nil && $0.kind == .event })
    }

    /// A year's level is a statistic; a change dated to a month happened then (issue #12:
    /// "surged to 352.8 tons in June" and "In December 2025, exports … decreased by 8%" were
    /// missed), but the base or span of a change ("from May", "between January and April") is not.
    @Test func datesThatOnlyQualifyAStatisticAreNotEvents() {
        let extractor = EventExtractor(entities: [])
        let body = "Core Insights - In 2024, China's share of refining was 90% [1] - Exports surged to 352.8 tons in June, a 660% increase from May [2] - Following the announcement of controls in April 2025, imports fell 30% [3] - Prices rose 30% between January and April [4] - In December 2025, exports to Japan decreased by 8% [5]"
        #expect(extractor.events(articleID: "a", body: body, published: LocalDateTime(year: 2026, month: 2, day: 8)).map(\.dateText) == ["2025-06", "2025-04", "2025-12"])
    }

    /// "【Rare Earth Exchanges网 1月5日报道】" dates the report, not an event (issue #13: it stood
    /// on the timeline as an event whose whole text was the dateline).
    @Test func aReportsDatelineIsNotAnEvent() {
        let extractor = EventExtractor(entities: [])
        let body = "【Rare Earth Exchanges网 1月5日报道】 核心要点 中国于1月3日发布稀土价格指数。"
        #expect(extractor.events(articleID: "a", body: body, published: LocalDateTime(year: 2026, month: 1, day: 6)).map(\.dateText) == ["2026-01-03"])
    }
}
