/// The site's timeline: every article's publication, the events its body dates, and the
/// editors' curated milestones, in date order. Ties keep one article's events together in the
/// order its text gives them, a sentence dated by another ("On the same day, …") after the one
/// it leans on; the inputs come in a fixed order, so the result never changes.
public enum Timeline {
    public static func assemble(extracted: [Event], articles: [Article], curated: [Event]) -> [Event] {
        let publications = articles.map { article in
            Event(id: "p" + Slug.stableHash(article.id), year: article.published.local.year, month: article.published.local.month,
                  day: article.published.local.day, precision: .day, kind: .publication, status: .happened,
                  summary: article.title, actors: [], article: article.id, quote: nil, source: article.source, sourceURL: article.sourceURL,
                  rule: "publication")
        }
        let kindOrder: [Event.Kind: Int] = [.curated: 0, .event: 1, .publication: 2]
        let all = curated + extracted + publications
        // Keys made once, not at every comparison of the sort.
        let keys = all.indices.map { index -> (Int, Int, Int, Int, String, Int) in
            let event = all[index]
            return (event.sortKey.0, event.sortKey.1, event.sortKey.2, kindOrder[event.kind]!, event.article ?? "",
                    isDatedByAnother(event) ? all.count + index : index)
        }
        return all.indices.sorted { keys[$0] < keys[$1] }.map { all[$0] }
    }

    /// "On the same day", "次日": dated by the sentence of another event (rule `same-day`,
    /// `next-day`, or either with `+…` qualifiers).
    static func isDatedByAnother(_ event: Event) -> Bool {
        ["same-day", "next-day"].contains { event.rule == $0 || event.rule.hasPrefix($0 + "+") }
    }

    /// For each event whose sentence dates itself by another ("On the same day, …", "次日"),
    /// the event of the same article that states that day, so the timeline can show the
    /// sentence it leans on instead of leaving "the same day" unexplained. The date rule
    /// resolves such phrases against the nearest stated day before them (else after), so the
    /// nearest such event is the one read.
    public static func antecedents(_ events: [Event]) -> [String: String] {
        let byArticle = Dictionary(grouping: events.filter { $0.kind == .event && $0.article != nil }, by: { $0.article! })
        var result: [String: String] = [:]
        for event in events where event.kind == .event {
            guard isDatedByAnother(event), let article = event.article, let month = event.month, let day = event.day else { continue }
            let base = event.rule.hasPrefix("same-day") ? (event.year, month, day) : previousDay(event.year, month, day)
            let stated = (byArticle[article] ?? []).filter {
                $0.id != event.id && $0.precision == .day && !$0.rule.hasSuffix("+relative") && ($0.year, $0.month ?? 0, $0.day ?? 0) == base
            }
            if let antecedent = stated.first { result[event.id] = antecedent.id }
        }
        return result
    }

    static func previousDay(_ year: Int, _ month: Int, _ day: Int) -> (Int, Int, Int) {
        if day > 1 { return (year, month, day - 1) }
        if month > 1 {
            let last = (28...31).last { LocalDateTime(year: year, month: month - 1, day: $0).calendarProblem == nil } ?? 28
            return (year, month - 1, last)
        }
        return (year - 1, 12, 31)
    }
}
