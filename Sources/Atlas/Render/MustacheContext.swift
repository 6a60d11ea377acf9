/// Turns view models into the dictionaries swift-mustache renders, so templates never reach into
/// Swift types by reflection and every key a template can use is listed here.
protocol MustacheContextConvertible {
    var mustache: [String: Any] { get }
}

extension LayoutView: MustacheContextConvertible {
    var mustache: [String: Any] {
        let nav: [(String, String)] = [("", "首页 Home"), ("articles/", "文章 Articles"), ("topics/", "专题 Topics")] + navPages.map { ($0.path, $0.label) }
        return [
            "siteTitle": site.title,
            "siteLang": site.language.rawValue,
            "basePath": site.basePath,
            "pageTitle": title,
            "pageTitleLang": titleLanguage.rawValue,
            "isHome": path.isEmpty,
            "description": description,
            "canonicalURL": site.absoluteURL(path) ?? false,
            "nav": nav.map { item in
                ["url": site.basePath + item.0, "label": item.1,
                 "current": item.0.isEmpty ? path.isEmpty : path.hasPrefix(item.0)] as [String: Any]
            },
        ]
    }
}

extension TopicLink: MustacheContextConvertible {
    var mustache: [String: Any] { ["name": name, "url": url, "lang": language.rawValue] }
}

extension ArticleCard: MustacheContextConvertible {
    var mustache: [String: Any] {
        [
            "title": title, "titleLang": titleLanguage.rawValue, "url": url, "source": source,
            "publishedISO": published.datetimeAttribute, "publishedDisplay": published.display, "publishedDate": published.dateOnly,
            "topics": topics.map(\.mustache), "hasTopics": !topics.isEmpty,
            "bodyLang": bodyLanguage.rawValue, "isExcerpt": isExcerpt, "teaser": teaser,
        ]
    }
}

extension ArticleView: MustacheContextConvertible {
    var mustache: [String: Any] {
        var context = card.mustache
        context["layout"] = layout.mustache
        context["sourceURL"] = sourceURL ?? false
        context["tags"] = tags
        context["hasTags"] = !tags.isEmpty
        context["hasCitations"] = hasCitations
        context["bodyHTML"] = bodyHTML.html
        context["rawBody"] = rawBody ?? false
        context["newer"] = newer?.mustache ?? false
        context["older"] = older?.mustache ?? false
        return context
    }
}

extension TopicCard: MustacheContextConvertible {
    var mustache: [String: Any] {
        ["name": topic.name, "url": topic.url, "lang": topic.language.rawValue, "count": count, "countLabel": Self.countLabel(count),
         "latest": latest.map(\.mustache)]
    }

    /// "3 篇 · 3 articles", "1 篇 · 1 article".
    static func countLabel(_ count: Int) -> String {
        "\(count) 篇 · \(count) article\(count == 1 ? "" : "s")"
    }
}

extension HomeView: MustacheContextConvertible {
    var mustache: [String: Any] {
        [
            "layout": layout.mustache, "introduction": introduction, "introLang": Language.detect(introduction).rawValue, "articleCount": articleCount,
            "sourceCount": sourceCount, "firstDate": firstDate, "lastDate": lastDate,
            "topics": topics.map(\.mustache), "topicCount": topics.count,
            "latest": latest.map(\.mustache), "pages": pages.map(\.mustache), "hasPages": !pages.isEmpty,
        ]
    }
}

extension ArticleListView: MustacheContextConvertible {
    var mustache: [String: Any] {
        [
            "layout": layout.mustache, "count": count,
            "months": months.map { ["key": $0.key, "label": $0.label, "articles": $0.articles.map(\.mustache)] as [String: Any] },
        ]
    }
}

extension TopicView: MustacheContextConvertible {
    var mustache: [String: Any] {
        ["layout": layout.mustache, "name": name, "lang": Language.detect(name).rawValue, "articles": articles.map(\.mustache),
         "count": articles.count, "countLabel": TopicCard.countLabel(articles.count)]
    }
}

extension TopicsView: MustacheContextConvertible {
    var mustache: [String: Any] { ["layout": layout.mustache, "topics": topics.map(\.mustache)] }
}

extension PageView: MustacheContextConvertible {
    var mustache: [String: Any] {
        ["layout": layout.mustache, "title": title, "lang": language.rawValue, "date": date ?? false, "contentHTML": contentHTML.html]
    }
}
