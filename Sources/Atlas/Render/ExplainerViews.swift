/// View models of the explainer pages: topics, entities and the timeline.

struct EntityLink {
    var name: String
    var url: String
    var language: Language
    var count: Int
}

struct EventRow {
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

struct TimelineMonth {
    var key: String
    var label: String
    var events: [EventRow]
}

struct TimelineYear {
    var year: Int
    var months: [TimelineMonth]
}

struct TimelinePageView {
    var layout: LayoutView
    var heading: String
    var scope: String
    var years: [TimelineYear]
    var count: Int
    var targets: Int
    var topicFilters: [EntityLink]
    var entityFilters: [EntityLink]
    var isFull: Bool
}

struct TopicPageView {
    var layout: LayoutView
    var name: String
    var nameEn: String?
    var summary: String?
    var explainerHTML: TrustedHTML?
    var articles: [ArticleCard]
    var entities: [EntityLink]
    var events: [EventRow]
    var timelineURL: String
    var figures: [ClaimRow]
}

struct EntityPageView {
    var layout: LayoutView
    var entity: Entity
    var typeLabel: String
    var articles: [ArticleCard]
    var coMentioned: [EntityLink]
    var figures: [ClaimRow]
    var events: [EventRow]
    var timelineURL: String?
}

struct EntitiesIndexView {
    var layout: LayoutView
    var groups: [(label: String, entities: [EntityLink])]
}
