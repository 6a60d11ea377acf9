/// The timeline pages: the full timeline and its slices by topic and entity, each a dated list
/// under year and month headings (a date is said once: the year in its heading, the month in its
/// heading, the day beside the entry), with an overview axis of the years and months on top and
/// each month's publications folded into a count.
extension SiteRenderer {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// As precise as the source: "2025年10月9日 · 9 October 2025", "2025年10月 · October 2025",
    /// "2025年9月初（约） · early September 2025 (approximate)", "2025年 · 2025".
    func dateLabel(_ event: Event) -> String {
        let part = Self.partNames(event)
        switch event.precision {
        case .day:
            return "\(event.year)年\(event.month!)月\(event.day!)日 · \(event.day!) \(Self.monthNames[event.month! - 1]) \(event.year)"
        case .month:
            let month = Self.monthNames[event.month! - 1]
            guard let part else { return "\(event.year)年\(event.month!)月 · \(month) \(event.year)" }
            return "\(event.year)年\(event.month!)月\(part.zh) · \(part.en) \(month) \(event.year) (approximate)"
        case .year:
            guard let part else { return "\(event.year)年 · \(event.year)" }
            return "\(event.year)年\(part.zh) · \(part.en) \(event.year) (approximate)"
        }
    }

    /// What the day badge of a timeline row cannot say: that the day is not stated, or where in
    /// the period a loose date falls. (A year's events of no stated month stand under a heading
    /// that says so.)
    static func precisionNote(_ event: Event) -> String? {
        let period = event.precision == .month ? ("月", "the month") : ("年", "the year")
        switch (event.precision, event.approximation) {
        case (.day, _): return nil
        case (_, .early?): return "\(period.0)初（约） · early in \(period.1) (approximate)"
        case (_, .middle?): return "\(period.0)中（约） · in the middle of \(period.1) (approximate)"
        case (_, .late?): return "\(period.0)底（约） · late in \(period.1) (approximate)"
        case (_, .about?): return "约数：由文章日期推算 · approximate, counted from the article's date"
        case (.month, nil): return "日期未说明 · day not stated"
        case (.year, nil): return nil
        }
    }

    /// The approximation in words, for a month or year: ("初（约）", "early").
    static func partNames(_ event: Event) -> (zh: String, en: String)? {
        switch event.approximation {
        case .early?: return ("初（约）", "early")
        case .middle?: return ("中（约）", "mid-")
        case .late?: return ("底（约）", "late")
        case .about?: return ("前后", "around")
        case nil: return nil
        }
    }

    /// `onTimeline`: the row stands under its year and month headings, so it shows the day only.
    /// `after`: the event of the row just above, which needs no repeating as this row's context.
    func eventRow(_ event: Event, onTimeline: Bool = false, after previous: String? = nil) -> EventRow {
        let article = event.article.flatMap { chartContext.articlesByID[$0] }
        let articleURL = article.map { site.config.basePath + "articles/\($0.slug)/" }
        // Shown as the page shows the article: without the dumps' line-wrap spaces between Han characters.
        var shown = event
        shown.summary = ChineseBodyStructurer.joinWrapped(event.summary)
        return EventRow(event: shown, dateLabel: onTimeline ? event.day.map(String.init) ?? "" : dateLabel(event), onTimeline: onTimeline,
                        precisionNote: onTimeline ? Self.precisionNote(event) : nil,
                        articleTitle: article?.title, articleLanguage: article?.titleLanguage ?? .chinese,
                        articleURL: articleURL, articleByline: article.map { "\($0.source), \($0.published.dateOnly)" },
                        quoteURL: highlighted.contains(event.id) ? articleURL.map { $0 + "#q-\(event.id)" } : nil,
                        context: leans(event, on: previous) ? nil : eventAntecedent[event.id].map { ChineseBodyStructurer.joinWrapped($0.summary) },
                        actors: event.actors.compactMap { entityLink($0, count: 0) },
                        timelineURL: timelineURL(ofEvent: event.id))
    }

    /// Whether `event` leans on the one whose row is just above it (`previous`).
    func leans(_ event: Event, on previous: String?) -> Bool {
        previous != nil && eventAntecedent[event.id]?.id == previous
    }

    /// Rows of a short list (an entity's or topic's latest events), each after the one above.
    func eventRows(_ events: [Event]) -> [EventRow] {
        zip(events, [nil] + events.map { $0.id }).map { eventRow($0, after: $1) }
    }

    /// "2025-04" for a dated month, "2025" for the events known only to their year.
    static func monthKey(_ event: Event) -> String {
        event.month.map { DigitText.month(event.year, $0) } ?? event.year.zeroPadded(4)
    }

    /// The overview of a whole list (not of one page): each month that has entries links to
    /// its heading on the page that shows its first entry.
    func timelineAxis(_ events: [Event], list: String) -> TimelineAxis {
        var first: [String: Int] = [:]
        var counts: [String: (events: Int, published: Int)] = [:]
        for (index, event) in events.enumerated() {
            let key = Self.monthKey(event)
            if first[key] == nil { first[key] = index }
            if first[String(event.year)] == nil { first[String(event.year)] = index }
            if event.kind == .publication { counts[key, default: (0, 0)].published += 1 } else { counts[key, default: (0, 0)].events += 1 }
        }
        let busiest = max(1, counts.filter { $0.key.count > 4 }.map(\.value.events).max() ?? 1)
        func url(_ key: String, anchor: String) -> String? {
            first[key].map { site.config.basePath + Pagination.path(list, page: pagination.page(ofItemAt: $0)) + "#\(anchor)" }
        }
        let years = Set(events.map { $0.year }).sorted()
        let withMonths = Set(events.filter { $0.month != nil }.map { $0.year })
        return TimelineAxis(years: years.map { year in
            TimelineAxis.Year(year: year, url: url(String(year), anchor: "y-\(year)") ?? "", undated: counts[year.zeroPadded(4)]?.events ?? 0,
                              cells: !withMonths.contains(year) ? [] : (1...12).map { month in
                                  let key = DigitText.month(year, month)
                                  let count = counts[key] ?? (0, 0)
                                  // Height in four steps of the busiest month; a month of publications only is a dot.
                                  let level = count.events == 0 ? 0 : Int((4.0 * Double(count.events) / Double(busiest)).rounded(.up))
                                  return TimelineAxis.Cell(month: month, events: count.events, published: count.published,
                                                           url: url(key, anchor: "m-\(key)"), level: level)
                              })
        })
    }

    /// A timeline in date order, cut into pages; each page groups its entries by year and month.
    func timelinePages(_ list: String, heading: String, scope: String, events: [Event], isFull: Bool = false) -> [RenderJob] {
        let topicFilters = isFull ? site.topics.map { topic in
            EntityLink(name: topic.nameEn.map { "\(topic.name) \($0)" } ?? topic.name,
                       url: site.config.basePath + "timeline/topics/\(topic.slug)/", language: .chinese, count: topic.articles.count)
        } : []
        var actorCounts: [String: Int] = [:]
        if isFull { for event in events { for actor in event.actors { actorCounts[actor, default: 0] += 1 } } }
        let entityFilters = actorCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(16).compactMap { entityLink($0.key, count: $0.value) }
            .map { EntityLink(name: $0.name, url: $0.url.replacingOccurrences(of: "/entities/", with: "/timeline/entities/"), language: $0.language, count: $0.count) }
        let targets = events.filter { $0.status == .target }.count
        let publications = events.filter { $0.kind == .publication }.count
        let axis = timelineAxis(events, list: list).mustache.templateValue
        return paged(events, list: list, template: "timeline", title: heading, description: scope) { chunk, layout, pager in
            var years: [TimelineYear] = []
            var previous: String?
            for event in chunk {
                let key = Self.monthKey(event)
                if years.last?.year != event.year { years.append(TimelineYear(year: event.year, months: [])) }
                if years[years.count - 1].months.last?.key != key {
                    let label = event.month.map { "\($0)月 · \(Self.monthNames[$0 - 1])" } ?? "月份未说明 · Month not stated"
                    years[years.count - 1].months.append(TimelineMonth(key: key, label: label, events: []))
                }
                let last = years[years.count - 1].months.count - 1
                if event.kind == .publication, let article = event.article.flatMap({ chartContext.articlesByID[$0] }) {
                    years[years.count - 1].months[last].published.append(PublishedArticle(
                        anchor: "e-\(event.id)", day: event.day ?? 0, date: event.dateText, title: article.title, titleLanguage: article.titleLanguage,
                        url: card(article).url, source: article.source))
                } else {
                    // The shared row, unless it leans on the row just above ("the same day"), which it then need not quote.
                    years[years.count - 1].months[last].events.append(
                        leans(event, on: previous) ? renderRow(eventRow(event, onTimeline: true, after: previous), partial: "partials/event-row")
                            : eventRowHTML[event.id] ?? renderRow(eventRow(event, onTimeline: true), partial: "partials/event-row"))
                    previous = event.id
                }
            }
            return TimelinePageView(layout: layout, heading: heading, scope: scope, years: years, axis: axis, eventCount: events.count - publications, publicationCount: publications, targets: targets,
                                    topicFilters: pager.current == 1 ? topicFilters : [], entityFilters: pager.current == 1 ? entityFilters : [],
                                    isFull: isFull, pager: pager)
        }
    }
}
