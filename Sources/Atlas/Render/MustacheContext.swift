/// Turns view models into the dictionaries swift-mustache renders, so templates never reach into
/// Swift types by reflection and every key a template can use is listed here.
protocol MustacheContextConvertible {
    var mustache: [String: Any] { get }
}

extension LayoutView: MustacheContextConvertible {
    /// Only pages with their own content go into the search index, not lists of others (every
    /// item of a list is indexed on its own page).
    static func isSearchable(_ path: String) -> Bool {
        let lists = ["articles/", "topics/", "entities/", "data/", "search/", "404.html"]
        let listPrefixes = ["timeline/", "data/figures/", "articles/page/"]
        return !path.isEmpty && !lists.contains(path) && !listPrefixes.contains(where: path.hasPrefix)
            && !path.contains("/page/") && !(["entities/", "topics/"].contains(where: path.hasPrefix) && path.split(separator: "/").count == 3)
    }

    var mustache: [String: Any] {
        let nav: [(String, String)] = [("", "首页 Home"), ("topics/", "专题 Topics"), ("timeline/", "时间线 Timeline"), ("data/", "数据 Data"),
                                       ("entities/", "实体 Entities"), ("articles/", "文章 Articles"), ("search/", "搜索 Search")]
            + navPages.map { ($0.path, $0.label) }
        return [
            "siteTitle": site.title,
            "siteLang": (contentLanguage ?? site.language).rawValue,
            "basePath": site.basePath,
            "pageTitle": title,
            "pageTitleLang": titleLanguage.rawValue,
            "isHome": path.isEmpty,
            // Only pages with their own content go into the search index, not lists of others.
            "searchable": Self.isSearchable(path),
            // The Content-Security-Policy forbids inline script everywhere. Only the search page
            // compiles WebAssembly (Pagefind); CSP 3 allows that with 'wasm-unsafe-eval', which
            // the Nu HTML Checker does not know yet, so that page allows 'unsafe-eval'.
            "scriptSources": path == "search/" ? "'self' 'unsafe-eval'" : "'self'",
            "ogType": path.hasPrefix("articles/") && path != "articles/" ? "article" : "website",
            "description": description,
            "canonicalURL": site.absoluteURL(path) ?? false,
            "ogImage": image.map { ["url": $0.url, "width": SVG.number($0.width), "height": SVG.number($0.height), "alt": $0.alt] as [String: Any] } ?? false,
            "feedURL": site.absoluteURL("feed.xml") ?? false,
            // Relative, so feed readers and checkers resolve it the same under any base path.
            "feedHref": String(repeating: "../", count: path.split(separator: "/").filter { !$0.hasSuffix(".html") }.count) + "feed.xml",
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
        context["figures"] = figures.map(\.mustache)
        context["hasFigures"] = !figures.isEmpty
        context["entities"] = entities.map(\.mustache)
        context["hasEntities"] = !entities.isEmpty
        context["related"] = related.map(\.mustache)
        context["hasRelated"] = !related.isEmpty
        context["timelineURL"] = timelineURL
        context["topicNeighbours"] = topicNeighbours.map { item in
            ["topic": item.topic.mustache, "newer": item.newer?.mustache ?? false, "older": item.older?.mustache ?? false] as [String: Any]
        }
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
            "chainChart": chainChart?.mustache ?? false, "hasKeyFigures": !keyFigures.isEmpty,
            "keyFigures": keyFigures.map { ["label": $0.label, "spread": $0.spread, "reference": $0.reference, "apart": $0.apart ?? false, "url": $0.url] as [String: Any] },
        ]
    }
}

extension ArticleListView: MustacheContextConvertible {
    var mustache: [String: Any] {
        [
            "layout": layout.mustache, "count": count, "pager": Pager.context(pager),
            "months": months.map { ["key": $0.key, "label": $0.label, "articles": $0.articles.map(\.mustache)] as [String: Any] },
        ]
    }
}

extension Pager: MustacheContextConvertible {
    /// `hasPages` is false for a list that fits on one page, so templates show no pager.
    var mustache: [String: Any] {
        [
            "hasPages": total > 1, "current": current, "total": total,
            "prevURL": current > 1 ? url(current - 1) : false, "nextURL": current < total ? url(current + 1) : false,
            "links": window.map { page -> [String: Any] in
                guard let page else { return ["gap": true] }
                return ["gap": false, "number": page, "url": url(page), "isCurrent": page == current]
            },
        ]
    }

    static func context(_ pager: Pager?) -> Any {
        pager?.mustache ?? false
    }
}

extension ListingView: MustacheContextConvertible {
    /// "(1–100 of 288)" on a paged list, nothing on a single page.
    var range: String {
        guard let pager, pager.total > 1 else { return "" }
        let first = firstIndex + 1
        return "(\(first)–\(firstIndex + max(claims.count, cards.count)) / \(total))"
    }

    var mustache: [String: Any] {
        [
            "layout": layout.mustache, "parents": parents.map(\.mustache), "heading": heading, "lede": lede,
            "claims": claims.map(\.mustache), "hasClaims": !claims.isEmpty,
            "cards": cards.map(\.mustache), "hasCards": !cards.isEmpty,
            "pager": Pager.context(pager), "range": range,
        ]
    }
}

extension PlainView: MustacheContextConvertible {
    var mustache: [String: Any] { ["layout": layout.mustache] }
}

extension TopicsView: MustacheContextConvertible {
    var mustache: [String: Any] { ["layout": layout.mustache, "topics": topics.map(\.mustache)] }
}

extension PageView: MustacheContextConvertible {
    var mustache: [String: Any] {
        ["layout": layout.mustache, "title": title, "lang": language.rawValue, "date": date ?? false, "contentHTML": contentHTML.html]
    }
}

extension ChartView: MustacheContextConvertible {
    var mustache: [String: Any] {
        [
            "name": chart.name, "title": chart.title, "subtitle": chart.subtitle, "summary": chart.summary, "source": chart.source,
            "svgHTML": (isEmbedded ? chart.embedded ?? chart.svg : chart.svg).html, "pageURL": pageURL, "csvURL": csvURL, "svgURL": svgURL, "pngURL": pngURL ?? false,
            "headers": chart.headers,
            // Each cell carries its column's name, which a phone shows beside it (the header row
            // is hidden there).
            "rows": chart.rows.map { row in ["cells": row.enumerated().map { index, cell in
                ["text": cell.text, "url": cell.url ?? false, "lang": cell.language?.rawValue ?? false,
                 "header": index < chart.headers.count ? chart.headers[index] : ""] as [String: Any]
            }] as [String: Any] },
        ]
    }
}

extension ClaimRow: MustacheContextConvertible {
    var mustache: [String: Any] {
        [
            "id": claim.id, "value": claim.valueText, "metric": claim.metric.label, "entity": entityName,
            "importer": importerName ?? false, "what": what, "status": claim.status.label, "statusClass": "status-\(claim.status.rawValue)",
            "isMeasurement": claim.status.isMeasurement, "speaker": claim.speaker ?? false, "isRepeat": claim.duplicateOf != nil, "quote": claim.quote,
            "detail": false,
            "articleTitle": articleTitle, "articleLang": articleLanguage.rawValue, "articleDate": articleDate, "source": source,
            "quoteURL": quoteURL, "anchorHere": anchorHere, "edited": claim.rule == "editor",
        ]
    }
}

extension DataPageView: MustacheContextConvertible {
    var mustache: [String: Any] {
        [
            "layout": layout.mustache, "charts": charts.map(\.mustache), "claimCount": claimCount, "conflictCount": conflictCount,
            "ledger": ledger.map { ["metric": $0.metric.label, "count": $0.count, "url": $0.url] as [String: Any] },
            "datasets": datasets.map { row in
                ["id": row.dataset.id, "title": row.dataset.title, "titleZh": row.dataset.titleZh, "edition": row.dataset.edition, "asOf": row.dataset.asOf,
                 "unit": row.dataset.unit, "licence": row.dataset.licence, "citation": row.dataset.citation, "notes": row.dataset.notes,
                 "rows": row.dataset.rows.count, "csvURL": row.csvURL, "metadataURL": row.metadataURL, "sourceURL": row.dataset.sourceURL] as [String: Any]
            },
        ]
    }
}

extension ChartPageView: MustacheContextConvertible {
    var mustache: [String: Any] { ["layout": layout.mustache, "chart": chart.mustache] }
}

extension ConflictsPageView: MustacheContextConvertible {
    var mustache: [String: Any] {
        [
            "layout": layout.mustache, "pager": Pager.context(pager),
            "index": index.map { ["title": $0.title, "url": $0.url, "count": $0.count] as [String: Any] },
            "sections": sections.map { section in
                ["title": section.title, "lede": section.lede, "anchor": section.anchor, "continued": section.continued,
                 "isEmpty": section.conflicts.isEmpty,
                 "conflicts": section.conflicts.map { conflict in
                    ["heading": conflict.heading, "anchor": conflict.anchor, "note": conflict.note,
                     "rows": conflict.rows.map { row in
                         var context = row.mustache
                         context["detail"] = conflict.details[row.claim.id].flatMap { $0.isEmpty ? nil : $0 } ?? false
                         return context
                     },
                     "total": conflict.total, "isSample": conflict.rows.count < conflict.total, "shown": conflict.rows.count, "ledgerURL": conflict.ledgerURL,
                     "hasReferences": !conflict.references.isEmpty,
                     "references": conflict.references.map { ["value": $0.valueText, "source": $0.source, "detail": $0.detail,
                                                              "year": $0.year.map(String.init) ?? false] as [String: Any] },
                     "hasApart": !conflict.apart.isEmpty, "apartCount": conflict.apartTotal,
                     "apartLabel": conflict.apartTotal == 1 ? "1 more figure" : "\(conflict.apartTotal) more figures",
                     "apartIsSample": conflict.apart.count < conflict.apartTotal, "apartShown": conflict.apart.count,
                     "apart": conflict.apart.map { item in
                         var context = item.row.mustache
                         context["detail"] = item.reason
                         return context
                     }] as [String: Any]
                 }] as [String: Any]
            },
        ]
    }
}

extension EntityLink: MustacheContextConvertible {
    var mustache: [String: Any] { ["name": name, "url": url, "lang": language.rawValue, "count": count] }
}

extension EventRow: MustacheContextConvertible {
    var mustache: [String: Any] {
        [
            "id": event.id, "anchor": "e-\(event.id)", "date": event.dateText, "dateLabel": dateLabel, "summary": event.summary,
            "isTarget": event.status == .target, "isPublication": event.kind == .publication, "isCurated": event.kind == .curated,
            "kind": event.kind == .publication ? "发表 Published" : event.kind == .curated ? "里程碑 Milestone" : "事件 Event",
            "precision": event.precision.rawValue,
            "articleTitle": articleTitle ?? false, "articleLang": articleLanguage.rawValue, "articleURL": articleURL ?? false,
            "quoteURL": quoteURL ?? false, "actors": actors.map(\.mustache), "hasActors": !actors.isEmpty,
            "source": event.source ?? false, "sourceURL": event.sourceURL ?? false, "timelineURL": timelineURL,
            "summaryLang": Language.detect(event.summary).rawValue,
        ]
    }
}

extension TimelinePageView: MustacheContextConvertible {
    var mustache: [String: Any] {
        [
            "layout": layout.mustache, "heading": heading, "scope": scope, "count": count, "targets": targets, "isFull": isFull,
            "years": years.map { year in
                ["year": year.year, "months": year.months.map { month in
                    ["key": month.key, "label": month.label, "eventsHTML": month.eventsHTML] as [String: Any]
                }] as [String: Any]
            },
            "topicFilters": topicFilters.map(\.mustache), "entityFilters": entityFilters.map(\.mustache),
            "hasFilters": !topicFilters.isEmpty || !entityFilters.isEmpty, "pager": Pager.context(pager),
        ]
    }
}

extension TopicPageView: MustacheContextConvertible {
    var mustache: [String: Any] {
        [
            "layout": layout.mustache, "name": name, "lang": Language.detect(name).rawValue, "nameEn": nameEn ?? false,
            "summary": summary ?? false, "explainerHTML": explainerHTML?.html ?? false,
            "articles": articles.map(\.mustache), "count": articleCount, "countLabel": TopicCard.countLabel(articleCount),
            "allArticlesURL": allArticlesURL ?? false,
            "entities": entities.map(\.mustache), "hasEntities": !entities.isEmpty,
            "events": events.map(\.mustache), "hasEvents": !events.isEmpty, "timelineURL": timelineURL,
            "figures": figures.map(\.mustache), "hasFigures": !figures.isEmpty, "figureCount": figureCount, "allFiguresURL": allFiguresURL ?? false,
        ]
    }
}

extension EntityPageView: MustacheContextConvertible {
    var mustache: [String: Any] {
        [
            "layout": layout.mustache, "id": entity.id, "name": entity.name, "nameZh": entity.nameZh, "typeLabel": typeLabel,
            "aliases": entity.aliases, "hasAliases": !entity.aliases.isEmpty,
            "articles": articles.map(\.mustache), "count": articleCount, "allArticlesURL": allArticlesURL ?? false,
            "mentionLabel": "\(articleCount) 篇文章提到 · mentioned in \(articleCount) article\(articleCount == 1 ? "" : "s")",
            "hasArticles": !articles.isEmpty,
            "coMentioned": coMentioned.map(\.mustache), "hasCoMentioned": !coMentioned.isEmpty,
            "figures": figures.map(\.mustache), "hasFigures": !figures.isEmpty, "figureCount": figureCount, "allFiguresURL": allFiguresURL ?? false,
            "events": events.map(\.mustache), "hasEvents": !events.isEmpty, "eventCount": eventCount, "timelineURL": timelineURL ?? false,
        ]
    }
}

extension EntitiesIndexView: MustacheContextConvertible {
    var mustache: [String: Any] {
        ["layout": layout.mustache, "groups": groups.map { ["label": $0.label, "entities": $0.entities.map(\.mustache)] as [String: Any] }]
    }
}
