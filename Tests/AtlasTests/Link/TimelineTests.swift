import Testing
@testable import Atlas

/// The order of the timeline and the sentences "the same day" leans on, on small hand-made events.
@Suite struct TimelineTests {
    func event(_ id: String, _ year: Int, _ month: Int? = nil, _ day: Int? = nil, article: String? = "a", rule: String = "zh-ymd",
               approximation: Event.Approximation? = nil, kind: Event.Kind = .event) -> Event {
        Event(id: id, year: year, month: month, day: day, precision: day != nil ? .day : month != nil ? .month : .year, kind: kind,
              status: .happened, summary: id, actors: [], article: article, quote: id, source: nil, sourceURL: nil, rule: rule,
              approximation: approximation)
    }

    /// A date known only to its month or year stands at the start of it; "mid-" and "late"
    /// months stand just before their 11th and 21st.
    @Test func looseDatesSortAtTheStartOfTheirPeriod() {
        let events = [
            event("d29", 2025, 9, 29), event("d23", 2025, 9, 23), event("early", 2025, 9, approximation: .early),
            event("late", 2025, 9, approximation: .late), event("d21", 2025, 9, 21), event("d20", 2025, 9, 20),
            event("mid", 2025, 9, approximation: .middle), event("d10", 2025, 9, 10), event("d11", 2025, 9, 11),
            event("month", 2025, 9), event("year", 2025), event("aug", 2025, 8, 31), event("y2024", 2024, 12, 31),
        ]
        let order = Timeline.assemble(extracted: events, articles: [], curated: []).map(\.id)
        #expect(order == ["y2024", "year", "aug", "early", "month", "d10", "mid", "d11", "d20", "late", "d21", "d23", "d29"])
    }

    /// "On the same day, …" follows the sentence that states the day, even when the article says
    /// it first; "次日" leans on the day before.
    @Test func aSentenceDatedByAnotherFollowsIt() {
        let sameDay = event("same", 2025, 7, 1, rule: "same-day+relative")
        let stated = event("stated", 2025, 7, 1, rule: "en-mdy")
        let nextDay = event("next", 2025, 12, 12, article: "b", rule: "next-day+relative")
        let before = event("before", 2025, 12, 11, article: "b", rule: "zh-ymd")
        let elsewhere = event("elsewhere", 2025, 7, 1, article: "c", rule: "en-mdy")
        let events = Timeline.assemble(extracted: [sameDay, stated, nextDay, before, elsewhere], articles: [], curated: [])
        let order = events.map(\.id)
        #expect(order.firstIndex(of: "stated")! < order.firstIndex(of: "same")!)
        #expect(Timeline.antecedents(events) == ["same": "stated", "next": "before"])
        // Across a month's end.
        let first = event("first", 2026, 3, 1, rule: "next-day+relative")
        let last = event("last", 2026, 2, 28, rule: "zh-ymd")
        #expect(Timeline.antecedents([last, first]) == ["first": "last"])
    }
}
