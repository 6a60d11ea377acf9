/// Typed view models: what each template may show. `MustacheContext.swift` is the one place that
/// turns them into Mustache contexts.

struct LayoutView: Sendable, Equatable {
    var site: SiteConfig
    var title: String
    var titleLanguage: Language
    var description: String
    /// Site path of this page (`articles/x/`), for the canonical URL and the current nav item.
    var path: String
    /// The main navigation, made once by the renderer (`SiteRenderer.menu`).
    var menu: NavigationMenu
    /// The language most of the page is written in, for `<html lang>` (the site's by default).
    var contentLanguage: Language? = nil
    /// The picture a link to the page shows (`og:image`), when the page has one.
    var image: ShareImage? = nil
}

/// An image for link previews: an absolute URL and its size in pixels.
struct ShareImage: Sendable, Equatable {
    var url: String
    var width: Double
    var height: Double
    var alt: String
}

/// A standalone page that asked for a navigation link (`nav:`).
struct NavPage: Sendable, Equatable {
    var label: String
    var path: String
}

/// The site's main navigation as templates read it (`nav`: `url`, `label`, `current`).
///
/// Every page lists the same items and differs only in which are current, so each item's two
/// objects are made once, when the renderer is: building the list for each page (an object and a
/// URL per item) was a percent of a 10,000-article build.
struct NavigationMenu: Sendable, Equatable {
    /// Site paths (`""` for the home page), in order.
    let paths: [String]
    private let plain: [TemplateValue]
    private let current: [TemplateValue]

    /// The sections every site has, then standalone pages that asked for a link (`nav:`).
    init(basePath: String, pages: [NavPage]) {
        let items: [(path: String, label: String)] = [("", "首页 Home"), ("topics/", "专题 Topics"), ("timeline/", "时间线 Timeline"), ("data/", "数据 Data"),
                                                      ("entities/", "实体 Entities"), ("articles/", "文章 Articles"), ("search/", "搜索 Search")]
            + pages.map { ($0.path, $0.label) }
        paths = items.map(\.path)
        func object(_ item: (path: String, label: String), current: Bool) -> TemplateValue {
            (["url": basePath + item.path, "label": item.label, "current": current] as TemplateContext).templateValue
        }
        plain = items.map { object($0, current: false) }
        self.current = items.map { object($0, current: true) }
    }

    /// The list for the page at `path`: an item is current on its own page and below it.
    func templateValue(path: String) -> TemplateValue {
        .list(paths.indices.map { index in
            let item = paths[index]
            return (item.isEmpty ? path.isEmpty : path.hasPrefix(item)) ? current[index] : plain[index]
        })
    }
}

/// The articles of one month on the article list; `key` is `YYYY-MM` (for ids and `datetime`).
struct ArticleMonth: Sendable, Equatable {
    var key: String
    var label: String
    var articles: [ArticleCard]
}

struct TopicLink: Hashable, Sendable {
    var name: String
    var url: String
    /// A topic's English name, shown beside its Chinese one on every list.
    var nameEn: String? = nil
    var language: Language { Language.detect(name) }
}


@dynamicMemberLookup
struct ArticleCard: Sendable, Equatable {
    /// What a card holds, stored once for all its copies (`CopyOnWrite`, as `Claim`'s): a card
    /// is copied into every list and page that shows it (up to a dozen), and a copy of the
    /// fields retained each string and array, on cold cache lines at 30,000 articles.
    struct Fields: Hashable, Sendable {
        let title: String
        let titleLanguage: Language
        let url: String
        let source: String
        let published: Timestamp
        let topics: [TopicLink]
        let bodyLanguage: Language
        let isExcerpt: Bool
        let teaser: String
    }

    private let fields: CopyOnWrite<Fields>

    subscript<Value>(dynamicMember field: KeyPath<Fields, Value>) -> Value { fields.value[keyPath: field] }

    /// The card as templates read it, made once per article: one card is shown on up to a
    /// dozen pages (lists, topics, entities, timelines, related articles, neighbours), and
    /// building its context each time was a twentieth of a build. Not part of equality: it
    /// follows from the fields, which never change after the card is made.
    private(set) var templateValue: TemplateValue = .flag(false)

    init(title: String, titleLanguage: Language, url: String, source: String, published: Timestamp, topics: [TopicLink],
         bodyLanguage: Language, isExcerpt: Bool, teaser: String) {
        fields = CopyOnWrite(Fields(title: title, titleLanguage: titleLanguage, url: url, source: source, published: published, topics: topics,
                                    bodyLanguage: bodyLanguage, isExcerpt: isExcerpt, teaser: teaser))
        templateValue = mustache.templateValue
    }

    /// The card's keys as made once (`templateValue`), for a view that adds its own to them (an
    /// article's page): making them again cost as much as the rest of the page's context.
    var object: TemplateObject {
        switch templateValue {
        case .object(let object): object
        case .prerendered(let value): value.object
        default: mustache.values
        }
    }

    /// Renders the card's partial once, for all the lists that show it (`TemplateLibrary.prerendered`).
    mutating func prerender(with templates: TemplateSet) {
        templateValue = templates.prerendered(templateValue, partial: "partials/article-card")
    }

    static func == (a: ArticleCard, b: ArticleCard) -> Bool { a.fields == b.fields }
}

extension ArticleCard: TemplateRepresentable {}

struct ArticleView: Sendable, Equatable {
    var layout: LayoutView
    var card: ArticleCard
    var sourceURL: String?
    /// Each links to the tag's page.
    var tags: [TopicLink]
    var bodyHTML: TrustedHTML
    /// The dump's body line exactly as exported, for readers checking the structuring.
    var rawBody: String?
    /// Whether the body has `[n]` reference marks, so the note explaining them is shown only then.
    var hasCitations: Bool
    /// Whether the body highlights quotes, so the legend for them is shown only then.
    var hasHighlights: Bool
    var figures: [ClaimRow]
    var entities: [EntityLink] = []
    var related: [ArticleCard] = []
    var timelineURL: String = ""
    var newer: ArticleCard?
    var older: ArticleCard?
}

struct TopicCard: Sendable, Equatable {
    var topic: TopicLink
    var count: Int
    var latest: [ArticleCard]
}

struct HomeView: Sendable, Equatable {
    var layout: LayoutView
    var introduction: String
    var articleCount: Int
    var sourceCount: Int
    var firstDate: String
    var lastDate: String
    var topics: [TopicCard]
    var latest: [ArticleCard]
    var pages: [TopicLink]
    var chainChart: ChartView?
    var keyFigures: [KeyFigure]
}

/// One headline number on the home page: what the articles say, the spread, the reference.
struct KeyFigure: Sendable, Equatable {
    var label: String
    var spread: String
    var reference: String
    /// How many figures of other scopes, times or kinds were kept out of the spread, and why.
    var apart: String?
    var url: String
}

struct ArticleListView: Sendable, Equatable {
    var layout: LayoutView
    /// `key` is `YYYY-MM` (for ids and `datetime`), `label` what readers see.
    var months: [ArticleMonth]
    var count: Int
    var pager: Pager
}

/// A page whose template needs only the layout (search).
struct PlainView: Sendable, Equatable {
    var layout: LayoutView
}

struct TopicsView: Sendable, Equatable {
    var layout: LayoutView
    var topics: [TopicCard]
}

struct PageView: Sendable, Equatable {
    var layout: LayoutView
    var title: String
    var language: Language
    var date: String?
    var contentHTML: TrustedHTML
}

/// One page of a long list (a metric's figures, an entity's articles): a claims table or cards.
struct ListingView: Sendable, Equatable {
    var layout: LayoutView
    /// The breadcrumb trail between Home and this page.
    var parents: [TopicLink]
    var heading: String
    var lede: String
    var claims: [ClaimRow] = []
    var cards: [ArticleCard] = []
    var pager: Pager?
    /// Position of the first item in the whole list, and the list's length.
    var firstIndex: Int = 0
    var total: Int = 0
}
