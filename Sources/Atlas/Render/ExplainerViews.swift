/// View models of the explainer pages: topics, entities and the timeline.

struct EntityLink: Sendable, Equatable {
    var name: String
    var url: String
    var language: Language
    var count: Int
}

struct EventRow: Sendable, Equatable {
    var event: Event
    /// The full date on summaries ("2025年10月9日 · 9 October 2025"); on a timeline, under its
    /// year and month headings, only what they do not say (the day).
    var dateLabel: String
    /// On a timeline: the date is a day badge beside the row, not a line of its own.
    var onTimeline: Bool = false
    /// "月初（约）· early in the month (approx.)", "日期未说明 · day not stated".
    var precisionNote: String?
    var articleTitle: String?
    var articleLanguage: Language
    var articleURL: String?
    /// "Sou Hu Cai Jing, 2025-07-07": who published the article the event is read from, and when.
    var articleByline: String?
    /// Where the event's sentence is marked in the article, when it is.
    var quoteURL: String?
    /// The sentence a "the same day" or "次日" leans on, from the same article.
    var context: String?
    var actors: [EntityLink]
    var timelineURL: String
}

/// An article published in a month of the timeline: listed under the month's count, not as an
/// entry of its own (half the timeline was "Published" stubs). `anchor` keeps `#e-p…` links working.
struct PublishedArticle: Sendable, Equatable {
    var anchor: String
    var day: Int
    var date: String
    var title: String
    var titleLanguage: Language
    var url: String
    var source: String
}

/// The events of one month of a timeline page (or of one year, for dates known only to the
/// year), with the month's publications folded into a count and a list.
struct TimelineMonth: Sendable, Equatable {
    /// `YYYY-MM`, or `YYYY` for the year's undated-month group: the heading's anchor `m-…`.
    var key: String
    var label: String
    /// Rows rendered once per event (`SiteRenderer.eventRowHTML`): an event shows on the full
    /// timeline and on each of its topics' and actors' timelines.
    var events: [TrustedHTML]
    var published: [PublishedArticle] = []
}

extension TimelineMonth {
    /// The month's rows as one string: a Mustache section per row costs more than the row.
    var eventsHTML: String { events.map(\.html).joined() }
}

struct TimelineYear: Sendable, Equatable {
    var year: Int
    var months: [TimelineMonth]
}

/// The overview at the top of a timeline: one row per year, twelve month cells, each cell as
/// tall as the month is busy and linking to it on whichever page of the list shows it.
struct TimelineAxis: Sendable, Equatable {
    struct Cell: Sendable, Equatable {
        var month: Int
        var events: Int
        var published: Int
        var url: String?
        /// 0 (nothing) to 4 (busiest), for the bar's height.
        var level: Int
    }
    struct Year: Sendable, Equatable {
        var year: Int
        var url: String
        /// Events dated only to the year.
        var undated: Int
        /// Empty when no entry of the year names its month: the row is then only the year.
        var cells: [Cell]
    }
    var years: [Year]
}

struct TimelinePageView: Sendable, Equatable {
    var layout: LayoutView
    var heading: String
    var scope: String
    var years: [TimelineYear]
    /// The scope's axis, made into template values once (`TimelineAxis.mustache`) and shared by
    /// every page of the scope: its labels were built again for each page, a percent of a build.
    var axis: TemplateValue
    var eventCount: Int
    var publicationCount: Int
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
    /// The page's sections, when there are enough of them to need a table of contents.
    var contents: [ContentsEntry] = []
}

/// One line of an entity's summary box: a label and what to say, linked when it has a page.
struct SummaryFact: Sendable, Equatable {
    var label: String
    var value: String
    var language: Language = .english
    var url: String?
    /// The edition or source, named beside a reference value ("USGS MCS 2026").
    var source: String?
}

/// What a reader needs before the lists: what the entity is and who says so, its kind, how
/// often and since when the articles name it, and what the reference data say about it.
struct EntitySummary: Sendable, Equatable {
    var descriptionEn: String?
    var descriptionZh: String?
    var sourceTitle: String?
    var sourceURL: String?
    var facts: [SummaryFact]
    var references: [SummaryFact]
}

struct EntityPageView: Sendable, Equatable {
    var layout: LayoutView
    var entity: Entity
    var typeLabel: String
    var summary: EntitySummary
    var contents: [ContentsEntry]
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

/// An entity no article names: listed apart on the index, with what the reference data say,
/// instead of a page that would say "mentioned in 0 articles".
struct UnmentionedEntity: Sendable, Equatable {
    var anchor: String
    var name: String
    var nameZh: String
    var typeLabel: String
    var references: [SummaryFact]
    var timelineURL: String?
}

struct EntitiesIndexView: Sendable, Equatable {
    var layout: LayoutView
    var groups: [EntityGroup]
    var unmentioned: [UnmentionedEntity]
}

/// The page left at the address of a page that no longer exists, pointing to where its content went.
struct RedirectView: Sendable, Equatable {
    var site: SiteConfig
    var title: String
    var target: String
    var absoluteTarget: String?
}
