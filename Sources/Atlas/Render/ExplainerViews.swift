/// View models of the explainer pages: topics, entities and the timeline.

struct EntityLink: Sendable, Equatable {
    var name: String
    var url: String
    var language: Language
    var count: Int
}

struct EventRow: Sendable, Equatable {
    var event: Event
    var dateLabel: String
    var articleTitle: String?
    var articleLanguage: Language
    var articleURL: String?
    /// Where the event's sentence is marked in the article, when it is.
    var quoteURL: String?
    var actors: [EntityLink]
    var timelineURL: String
}

struct TimelineMonth: Sendable, Equatable {
    var key: String
    var label: String
    /// Rows rendered once per event (`SiteRenderer.eventRowHTML`): an event shows on the full
    /// timeline and on each of its topics' and actors' timelines.
    var events: [TrustedHTML]
}

extension TimelineMonth {
    /// The month's rows as one string: a Mustache section per row costs more than the row.
    var eventsHTML: String { events.map(\.html).joined() }
}

struct TimelineYear: Sendable, Equatable {
    var year: Int
    var months: [TimelineMonth]
}

struct TimelinePageView: Sendable, Equatable {
    var layout: LayoutView
    var heading: String
    var scope: String
    var years: [TimelineYear]
    var count: Int
    var targets: Int
    var topicFilters: [EntityLink]
    var entityFilters: [EntityLink]
    var isFull: Bool
    var pager: Pager
}

struct TopicPageView: Sendable, Equatable {
    var layout: LayoutView
    var name: String
    var nameEn: String?
    var summary: String?
    var explainerHTML: TrustedHTML?
    /// The newest articles; all of them are on `allArticlesURL` when there are more.
    var articles: [ArticleCard]
    var articleCount: Int
    var allArticlesURL: String?
    var entities: [EntityLink]
    var events: [EventRow]
    var timelineURL: String
    var figures: [ClaimRow]
    var figureCount: Int
    var allFiguresURL: String?
}

struct EntityPageView: Sendable, Equatable {
    var layout: LayoutView
    var entity: Entity
    var typeLabel: String
    var articles: [ArticleCard]
    var articleCount: Int
    var allArticlesURL: String?
    var coMentioned: [EntityLink]
    var figures: [ClaimRow]
    var figureCount: Int
    var allFiguresURL: String?
    /// The latest events; all are in the entity's timeline.
    var events: [EventRow]
    var eventCount: Int
    var timelineURL: String?
}

struct EntityGroup: Sendable, Equatable {
    var label: String
    var entities: [EntityLink]
}

struct EntitiesIndexView: Sendable, Equatable {
    var layout: LayoutView
    var groups: [EntityGroup]
}
