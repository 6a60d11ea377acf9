import Foundation

/// Topic, entity and timeline pages, and the events export.
extension SiteRenderer {
    static let typeLabels: [(type: String, label: String)] = [
        ("country", "国家 Countries"), ("region", "地区 Regions and blocs"), ("organisation", "组织 Organisations"),
        ("agency", "机构 Agencies"), ("company", "公司 Companies"), ("element", "元素 Elements"), ("place", "地点与项目 Places and projects"),
        ("agreement", "协议 Agreements"), ("policy", "政策与法律 Policies and laws"), ("person", "人物 People"),
    ]

    func explainerSection() -> [RenderJob] {
        var files: [RenderJob] = []
        let base = site.config.basePath
        let preview = pagination.preview
        for topic in site.topics {
            let ids = topic.articles.map(\.id)
            let idSet = Set(ids)
            let events = site.events.filter { $0.article.map(idSet.contains) ?? false }
            let figures = site.claims.filter { idSet.contains($0.article) && $0.metric.isShare }
            let topicLink = TopicLink(name: topic.name, url: base + "topics/\(topic.slug)/", nameEn: topic.nameEn)
            let view = TopicPageView(
                layout: layout(title: topic.nameEn.map { "\(topic.name) · \($0)" } ?? topic.name, path: "topics/\(topic.slug)/",
                               description: topic.summary ?? "\(topic.name): \(topic.articles.count) articles"),
                name: topic.name, nameEn: topic.nameEn, summary: topic.summary,
                explainerHTML: topic.document.map { markdownHTML($0.markdown, language: .english) },
                articles: topic.articles.prefix(preview).map(card), articleCount: topic.articles.count,
                allArticlesURL: topic.articles.count > preview ? base + "topics/\(topic.slug)/articles/" : nil,
                entities: site.mentions.top(in: ids).compactMap { entityLink($0.entity, count: $0.articles) },
                events: Array(events.filter { $0.kind != .publication }.suffix(8)).map(eventRow),
                timelineURL: base + "timeline/topics/\(topic.slug)/",
                figures: figures.prefix(preview).map(claimRow), figureCount: figures.count,
                allFiguresURL: figures.count > preview ? base + "topics/\(topic.slug)/figures/" : nil)
            files.append(page("topics/\(topic.slug)/index.html", template: "topic", view))
            let parents = [TopicLink(name: "专题 Topics", url: base + "topics/"), topicLink]
            files += fullList(topic.articles, list: "topics/\(topic.slug)/articles/", parents: parents,
                              heading: "\(topic.name) · 文章 Articles", lede: "\(topic.name)专题的全部 \(topic.articles.count) 篇文章，从新到旧 · All \(Plural.count(topic.articles.count, "article")) filed under \(topic.nameEn ?? topic.name), newest first",
                              card: card)
            files += fullList(figures, list: "topics/\(topic.slug)/figures/", parents: parents,
                              heading: "\(topic.name) · 数字 Figures", lede: "\(topic.name)专题文章给出的全部 \(figures.count) 个占比数字 · All \(Plural.count(figures.count, "share figure")) stated in the articles filed under \(topic.nameEn ?? topic.name)",
                              claims: claimRow)
            files += timelinePages("timeline/topics/\(topic.slug)/", heading: "时间线 · Timeline: \(topic.name)",
                                   scope: "Events in the articles filed under \(topic.name)\(topic.nameEn.map { " (\($0))" } ?? "")",
                                   events: events)
        }
        for entity in site.entities {
            let articles = (site.mentions.byEntity[entity.id] ?? []).compactMap { chartContext.articlesByID[$0] }
            let events = eventsByActor[entity.id] ?? []
            let figures = claimsByEntity[entity.id] ?? []
            let view = EntityPageView(
                layout: layout(title: "\(entity.name) · \(entity.nameZh)", path: "entities/\(entity.id)/",
                               description: "\(entity.name) (\(entity.nameZh)): \(articles.count) articles, figures and events"),
                entity: entity, typeLabel: Self.typeLabels.first { $0.type == entity.type }?.label ?? entity.type,
                articles: articles.prefix(preview).map(card), articleCount: articles.count,
                allArticlesURL: articles.count > preview ? base + "entities/\(entity.id)/articles/" : nil,
                coMentioned: site.mentions.coMentioned(with: entity.id).compactMap { entityLink($0.entity, count: $0.articles) },
                figures: figures.prefix(preview).map(claimRow), figureCount: figures.count,
                allFiguresURL: figures.count > preview ? base + "entities/\(entity.id)/figures/" : nil,
                events: events.suffix(preview).map(eventRow), eventCount: events.count,
                timelineURL: events.isEmpty ? nil : base + "timeline/entities/\(entity.id)/")
            files.append(page("entities/\(entity.id)/index.html", template: "entity", view))
            let parents = [TopicLink(name: "实体 Entities", url: base + "entities/"), TopicLink(name: entity.name, url: base + "entities/\(entity.id)/")]
            files += fullList(articles, list: "entities/\(entity.id)/articles/", parents: parents,
                              heading: "\(entity.name) · 文章 Articles", lede: "All \(articles.count) articles that mention \(entity.name) (\(entity.nameZh)), newest first",
                              card: card)
            files += fullList(figures, list: "entities/\(entity.id)/figures/", parents: parents,
                              heading: "\(entity.name) · 数字 Figures", lede: "All \(figures.count) figures the articles state for \(entity.name) (\(entity.nameZh))",
                              claims: claimRow)
            if !events.isEmpty {
                files += timelinePages("timeline/entities/\(entity.id)/", heading: "时间线 · Timeline: \(entity.name) \(entity.nameZh)",
                                       scope: "Events that name \(entity.name)", events: events)
            }
        }
        let groups = Self.typeLabels.compactMap { type, label -> EntityGroup? in
            let members = site.entities.filter { $0.type == type }
                .map { entity in (entity, site.mentions.byEntity[entity.id]?.count ?? 0) }
                .sorted { ($0.1, $1.0.name) > ($1.1, $0.0.name) }
                .compactMap { entityLink($0.0.id, count: $0.1) }
            return members.isEmpty ? nil : EntityGroup(label: label, entities: members)
        }
        files.append(page("entities/index.html", template: "entities", EntitiesIndexView(
            layout: layout(title: "实体 Entities", path: "entities/", description: "Countries, companies, elements, places and people the articles name"),
            groups: groups)))
        files += timelinePages("timeline/", heading: "时间线 · Timeline", scope: "Every dated event in the articles, every publication and the editors' milestones",
                               events: site.events, isFull: true)
        let exportInputs = RenderInputs(ExportInputs(claims: [], events: site.events, articles: articleStamps, basePath: site.config.basePath))
        files.append(text("data/events.csv", inputs: exportInputs) { eventsCSV() })
        files.append(text("data/events.json", inputs: exportInputs) { eventsJSON() })
        return files
    }

    func entityLink(_ id: String, count: Int) -> EntityLink? {
        guard let entity = chartContext.entityNames[id] else { return nil }
        let name = entity.name == entity.nameZh ? entity.name : "\(entity.name) \(entity.nameZh)"
        return EntityLink(name: name, url: site.config.basePath + "entities/\(id)/", language: Language.detect(entity.name), count: count)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// As precise as the source: "2025年10月9日 · 9 October 2025", "2025年10月 · October 2025", "2025年 · 2025".
    func dateLabel(_ event: Event) -> String {
        switch event.precision {
        case .day: return "\(event.year)年\(event.month!)月\(event.day!)日 · \(event.day!) \(Self.monthNames[event.month! - 1]) \(event.year)"
        case .month: return "\(event.year)年\(event.month!)月 · \(Self.monthNames[event.month! - 1]) \(event.year)"
        case .year: return "\(event.year)年 · \(event.year)"
        }
    }

    func eventRow(_ event: Event) -> EventRow {
        let article = event.article.flatMap { chartContext.articlesByID[$0] }
        let articleURL = article.map { site.config.basePath + "articles/\($0.slug)/" }
        return EventRow(event: event, dateLabel: dateLabel(event), articleTitle: article?.title, articleLanguage: article?.titleLanguage ?? .chinese,
                        articleURL: articleURL, quoteURL: highlighted.contains(event.id) ? articleURL.map { $0 + "#q-\(event.id)" } : nil,
                        actors: event.actors.compactMap { entityLink($0, count: 0) },
                        timelineURL: timelineURL(ofEvent: event.id))
    }

    /// A timeline in date order, cut into pages; each page groups its events by year and month.
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
        return paged(events, list: list, template: "timeline", title: heading, description: scope) { chunk, layout, pager in
            var years: [TimelineYear] = []
            for event in chunk {
                let row = eventRowHTML[event.id] ?? renderRow(eventRow(event), partial: "partials/event-row")
                let monthKey = event.month.map { "\(event.year.zeroPadded(4))-\($0.zeroPadded(2))" } ?? String(event.year)
                let monthLabel = event.month.map { "\(event.year)年\($0)月 · \(Self.monthNames[$0 - 1]) \(event.year)" } ?? "\(event.year)年，月份不详 · \(event.year), month not stated"
                if years.last?.year != event.year { years.append(TimelineYear(year: event.year, months: [])) }
                if years[years.count - 1].months.last?.key == monthKey {
                    years[years.count - 1].months[years[years.count - 1].months.count - 1].events.append(row)
                } else {
                    years[years.count - 1].months.append(TimelineMonth(key: monthKey, label: monthLabel, events: [row]))
                }
            }
            return TimelinePageView(layout: layout, heading: heading, scope: scope, years: years, count: events.count, targets: targets,
                                    topicFilters: pager.current == 1 ? topicFilters : [], entityFilters: pager.current == 1 ? entityFilters : [],
                                    isFull: isFull, pager: pager)
        }
    }

    struct EventRecord: Encodable {
        var id: String, date: String, precision: String, kind: String, status: String, summary: String
        var actors: [String], article: String?, quote: String?, source: String?, source_url: String?
    }

    func eventRecords() -> [EventRecord] {
        site.events.map { event in
            let article = event.article.flatMap { chartContext.articlesByID[$0] }
            return EventRecord(id: event.id, date: event.dateText, precision: event.precision.rawValue, kind: event.kind.rawValue,
                               status: event.status.rawValue, summary: event.summary, actors: event.actors,
                               article: article.map { site.config.basePath + "articles/\($0.slug)/" }, quote: event.quote,
                               source: event.source, source_url: event.sourceURL)
        }
    }

    func eventsJSON() -> String {
        var json = JSONRecords()
        for r in eventRecords() {
            json.append([("id", .string(r.id)), ("date", .string(r.date)), ("precision", .string(r.precision)), ("kind", .string(r.kind)),
                         ("status", .string(r.status)), ("summary", .string(r.summary)), ("actors", .strings(r.actors)),
                         ("article", r.article.map { .string($0) }), ("quote", r.quote.map { .string($0) }),
                         ("source", r.source.map { .string($0) }), ("source_url", r.source_url.map { .string($0) })])
        }
        return json.finished
    }

    func eventsCSV() -> String {
        let header = "id,date,precision,kind,status,summary,actors,article,quote,source,source_url"
        let lines = eventRecords().map { r in
            [r.id, r.date, r.precision, r.kind, r.status, r.summary, r.actors.joined(separator: " "), r.article ?? "", r.quote ?? "",
             r.source ?? "", r.source_url ?? ""].map(Exports.csvField).joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }
}
