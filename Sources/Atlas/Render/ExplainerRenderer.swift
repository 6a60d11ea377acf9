import Foundation

/// Topic pages, the full timeline (TimelineRenderer) and the events export.
extension SiteRenderer {
    /// Each topic's events and share figures, in site order.
    struct TopicLists: Sendable {
        var events: [[Event]]
        var figures: [[Claim]]
    }

    /// The topics' pages, one list of jobs per topic (`listJobs` makes them side by side: the
    /// topics together were the last quarter second of listing on one core).
    func topicSections() -> [@Sendable () -> [RenderJob]] {
        let lists = Parallel.Pending { topicLists() }
        return site.topics.indices.map { index in { topicPages(index, lists: lists.value()) } }
    }

    /// From one pass over each list (a pass per topic hashed every article id once per topic).
    func topicLists() -> TopicLists {
        var topicsOfArticle = ByteKeyedDictionary<[Int]>()
        for (index, topic) in site.topics.enumerated() {
            for article in topic.articles where topicsOfArticle[article.id]?.last != index { topicsOfArticle[article.id, default: []].append(index) }
        }
        var eventsOfTopic = [[Event]](repeating: [], count: site.topics.count)
        for event in site.events {
            for index in event.article.flatMap({ topicsOfArticle[$0] }) ?? [] { eventsOfTopic[index].append(event) }
        }
        var figuresOfTopic = [[Claim]](repeating: [], count: site.topics.count)
        for claim in site.claims where claim.metric.isShare {
            for index in topicsOfArticle[claim.article] ?? [] { figuresOfTopic[index].append(claim) }
        }
        return TopicLists(events: eventsOfTopic, figures: figuresOfTopic)
    }

    func topicPages(_ index: Int, lists: TopicLists) -> [RenderJob] {
        var files: [RenderJob] = []
        let base = site.config.basePath
        let preview = pagination.preview
        let topic = site.topics[index]
        let ids = topic.articles.map(\.id)
        let events = lists.events[index]
        let figures = lists.figures[index]
        let topicLink = TopicLink(name: topic.name, url: base + "topics/\(topic.slug)/", nameEn: topic.nameEn)
        let entities = site.mentions.top(in: ids).compactMap { entityLink($0.entity, count: $0.articles) }
        let explainer = topic.document.map { TableOfContents.anchoringHeadings(markdownHTML($0.markdown, language: .english)) }
        let dated = events.filter { $0.kind != .publication }
        let shownEvents = Array(dated.suffix(8))
        var view = TopicPageView(
            layout: layout(title: topic.nameEn.map { "\(topic.name) · \($0)" } ?? topic.name, path: "topics/\(topic.slug)/",
                           description: topic.summary ?? "\(topic.name): \(topic.articles.count) articles"),
            name: topic.name, nameEn: topic.nameEn, summary: topic.summary,
            explainerHTML: explainer?.html,
            articles: topic.articles.prefix(preview).map { card($0) }, articleCount: topic.articles.count,
            allArticlesURL: topic.articles.count > preview ? base + "topics/\(topic.slug)/articles/" : nil,
            entities: entities,
            events: eventRows(shownEvents),
            timelineURL: base + "timeline/topics/\(topic.slug)/",
            figures: figures.prefix(preview).map { claimRow($0) }, figureCount: figures.count,
            allFiguresURL: figures.count > preview ? base + "topics/\(topic.slug)/figures/" : nil)
        view.contents = ContentsEntry.ifLong((explainer?.entries ?? []) + [ContentsEntry(anchor: "articles-title", label: "文章 Articles (\(topic.articles.count))")]
            + (entities.isEmpty ? [] : [ContentsEntry(anchor: "entities-title", label: "常见对象 Most mentioned")])
            + [ContentsEntry(anchor: "timeline-title", label: "时间线 Timeline (\(dated.count))")]
            + (figures.isEmpty ? [] : [ContentsEntry(anchor: "figures-title", label: "关键数字 Key figures (\(figures.count))")]))
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
        return files
    }

    /// The full timeline and the events export.
    func timelineSection() -> [RenderJob] {
        var files = timelinePages("timeline/", heading: "时间线 · Timeline", scope: "Every dated event in the articles, every publication and the editors' milestones",
                                  events: site.events, isFull: true)
        let exportInputs = RenderInputs(ExportInputs(claims: [], events: site.events, articles: articleStamps, basePath: site.config.basePath))
        files.append(streamed("data/events.csv", inputs: exportInputs) { eventsCSV(into: $0) })
        files.append(streamed("data/events.json", inputs: exportInputs) { eventsJSON(into: $0) })
        return files
    }

    struct EventRecord: Encodable {
        var id: String, date: String, precision: String, kind: String, status: String, summary: String
        var actors: [String], article: String?, quote: String?, source: String?, source_url: String?
        /// early, middle, late or about, for a date the text gives only loosely; empty otherwise.
        var approximation: String
    }

    /// One at a time, never as a list: the list was as large as the export.
    func eventRecords() -> LazyMapSequence<[Event], EventRecord> {
        site.events.lazy.map { event in
            let article = event.article.flatMap { chartContext.articlesByID[$0] }
            return EventRecord(id: event.id, date: event.dateText, precision: event.precision.rawValue, kind: event.kind.rawValue,
                               status: event.status.rawValue, summary: event.summary, actors: event.actors,
                               article: article.map { site.config.basePath + "articles/\($0.slug)/" }, quote: event.quote,
                               source: event.source, source_url: event.sourceURL, approximation: event.approximation?.rawValue ?? "")
        }
    }

    static let eventColumns = ["id", "date", "precision", "kind", "status", "summary", "actors", "article", "quote", "source", "source_url", "approximation"]
    static let eventKeys = JSONRecords.Keys(eventColumns)

    func eventsJSON(into text: ChunkedText) -> ChunkedText {
        var json = JSONRecords(into: text)
        for r in eventRecords() {
            json.append([.string(r.id), .string(r.date), .string(r.precision), .string(r.kind), .string(r.status), .string(r.summary), .strings(r.actors),
                         r.article.map { .string($0) }, r.quote.map { .string($0) }, r.source.map { .string($0) }, r.source_url.map { .string($0) },
                         r.approximation.isEmpty ? nil : .string(r.approximation)], keys: Self.eventKeys)
        }
        return json.closed()
    }

    func eventsCSV(into text: ChunkedText) -> ChunkedText {
        var csv = text
        Exports.appendLine(Self.eventColumns, to: &csv.current)
        for r in eventRecords() {
            csv.wrap()
            Exports.appendLine([r.id, r.date, r.precision, r.kind, r.status, r.summary, r.actors.joined(separator: " "), r.article ?? "", r.quote ?? "",
                                r.source ?? "", r.source_url ?? "", r.approximation].lazy.map(Exports.csvField), to: &csv.current)
        }
        return csv
    }
}
