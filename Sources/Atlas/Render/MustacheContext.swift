/// Turns view models into the contexts templates render, so templates never reach into Swift
/// types by reflection and every key a template can use is listed here.
protocol MustacheContextConvertible {
    var mustache: TemplateContext { get }
}

extension LayoutView: MustacheContextConvertible {
    var mustache: TemplateContext {
        return [
            "siteTitle": site.title,
            "siteLang": (contentLanguage ?? site.language).rawValue,
            "basePath": site.basePath,
            "pageTitle": title,
            "pageTitleLang": titleLanguage.rawValue,
            "isHome": path.isEmpty,
            // Only pages with their own content go into the search index, not lists of others.
            "search": SearchKind(path: path).map { ["filter": "\(SearchKind.filterName):\($0.label)", "weight": $0.weight] as TemplateContext } ?? false,
            // The Content-Security-Policy forbids inline script everywhere. Only the search page
            // compiles WebAssembly (Pagefind); CSP 3 allows that with 'wasm-unsafe-eval', which
            // the Nu HTML Checker does not know yet, so that page allows 'unsafe-eval'.
            "scriptSources": path == "search/" ? "'self' 'unsafe-eval'" : "'self'",
            "ogType": path.hasPrefix("articles/") && path != "articles/" ? "article" : "website",
            "description": description,
            "canonicalURL": site.absoluteURL(path) ?? false,
            "ogImage": image.map { ["url": $0.url, "width": SVG.number($0.width), "height": SVG.number($0.height), "alt": $0.alt] as TemplateContext } ?? false,
            "feedURL": site.absoluteURL("feed.xml") ?? false,
            // Relative, so feed readers and checkers resolve it the same under any base path.
            // Parts of the path on the bytes (site paths are ASCII; this is asked for every page).
            "feedHref": String(repeating: "../", count: SitePath.depth(path, countingFiles: false))
                + "feed.xml",
            "nav": menu.templateValue(path: path),
        ]
    }
}

extension TopicLink: MustacheContextConvertible {
    var mustache: TemplateContext { ["name": name, "url": url, "lang": language.rawValue, "nameEn": nameEn ?? false] }
}

extension ArticleCard: MustacheContextConvertible {
    var mustache: TemplateContext {
        [
            "title": self.title, "titleLang": self.titleLanguage.rawValue, "url": self.url, "source": self.source,
            "publishedISO": self.published.datetimeAttribute, "publishedDisplay": self.published.display, "publishedDate": self.published.dateOnly,
            "topics": self.topics.map(\.mustache), "hasTopics": !self.topics.isEmpty,
            "bodyLang": self.bodyLanguage.rawValue, "isExcerpt": self.isExcerpt, "teaser": self.teaser,
        ]
    }
}

extension ArticleView: MustacheContextConvertible {
    var mustache: TemplateContext {
        var context = TemplateContext(card.object)
        context["layout"] = layout.mustache
        context["sourceURL"] = sourceURL ?? false
        context["tags"] = tags.map(\.mustache)
        context["hasTags"] = !tags.isEmpty
        context["hasCitations"] = hasCitations
        context["figures"] = ClaimRow.table(figures)
        context["hasFigures"] = !figures.isEmpty
        context["entities"] = entities.map(\.mustache)
        context["hasEntities"] = !entities.isEmpty
        context["related"] = related
        context["hasRelated"] = !related.isEmpty
        context["timelineURL"] = timelineURL
        context["hasHighlights"] = hasHighlights
        context["hasReadingKey"] = hasHighlights || hasCitations
        context["bodyHTML"] = bodyHTML.html
        context["rawBody"] = rawBody ?? false
        context["newer"] = newer?.templateValue ?? false
        context["older"] = older?.templateValue ?? false
        return context
    }
}

extension TopicCard: MustacheContextConvertible {
    var mustache: TemplateContext {
        ["name": topic.name, "nameEn": topic.nameEn ?? false, "url": topic.url, "lang": topic.language.rawValue, "count": count, "countLabel": Self.countLabel(count),
         "latest": latest]
    }

    /// "3 篇 · 3 articles", "1 篇 · 1 article".
    static func countLabel(_ count: Int) -> String {
        "\(count) 篇 · \(count) article\(count == 1 ? "" : "s")"
    }
}

extension HomeView: MustacheContextConvertible {
    var mustache: TemplateContext {
        [
            "layout": layout.mustache, "introduction": introduction, "introLang": Language.detect(introduction).rawValue, "articleCount": articleCount,
            "sourceCount": sourceCount, "firstDate": firstDate, "lastDate": lastDate,
            "topics": topics.map(\.mustache), "topicCount": topics.count,
            "latest": latest, "pages": pages.map(\.mustache), "hasPages": !pages.isEmpty,
            "chainChart": chainChart?.mustache ?? false, "hasKeyFigures": !keyFigures.isEmpty,
            "keyFigures": keyFigures.map { ["label": $0.label, "spread": $0.spread, "reference": $0.reference, "apart": $0.apart ?? false, "url": $0.url] as TemplateContext },
        ]
    }
}

extension ArticleListView: MustacheContextConvertible {
    var mustache: TemplateContext {
        [
            "layout": layout.mustache, "count": count, "pager": Pager.context(pager),
            "months": months.map { ["key": $0.key, "label": $0.label, "articles": $0.articles] as TemplateContext },
        ]
    }
}

extension Pager: MustacheContextConvertible {
    /// `hasPages` is false for a list that fits on one page, so templates show no pager.
    var mustache: TemplateContext {
        [
            "hasPages": total > 1, "current": current, "total": total,
            "prevURL": current > 1 ? url(current - 1) : false, "nextURL": current < total ? url(current + 1) : false,
            "links": window.map { page -> TemplateContext in
                guard let page else { return ["gap": true] }
                return ["gap": false, "number": page, "url": url(page), "isCurrent": page == current]
            },
        ]
    }

    static func context(_ pager: Pager?) -> any TemplateRepresentable {
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

    var mustache: TemplateContext {
        [
            "layout": layout.mustache, "parents": parents.map(\.mustache), "heading": heading, "lede": lede,
            "claims": ClaimRow.table(claims), "hasClaims": !claims.isEmpty,
            "cards": cards, "hasCards": !cards.isEmpty,
            "pager": Pager.context(pager), "range": range,
        ]
    }
}

extension PlainView: MustacheContextConvertible {
    var mustache: TemplateContext { ["layout": layout.mustache] }
}

extension TopicsView: MustacheContextConvertible {
    var mustache: TemplateContext { ["layout": layout.mustache, "topics": topics.map(\.mustache)] }
}

extension PageView: MustacheContextConvertible {
    var mustache: TemplateContext {
        ["layout": layout.mustache, "title": title, "lang": language.rawValue, "date": date ?? false, "contentHTML": contentHTML.html]
    }
}

extension ChartView: MustacheContextConvertible {
    var mustache: TemplateContext {
        [
            "name": chart.name, "title": chart.title, "subtitle": chart.subtitle, "summary": chart.summary, "source": chart.source,
            "svgHTML": (isEmbedded ? chart.embedded ?? chart.svg : chart.svg).html, "pageURL": pageURL, "csvURL": csvURL, "svgURL": svgURL, "pngURL": pngURL ?? false,
            "isEmbedded": isEmbedded, "headers": chart.headers,
            // Each cell carries its column's name, which a phone shows beside it (the header row
            // is hidden there).
            "rows": chart.rows.map { row in ["cells": row.enumerated().map { index, cell in
                ["text": cell.text, "url": cell.url ?? false, "lang": cell.language?.rawValue ?? false,
                 "header": index < chart.headers.count ? chart.headers[index] : ""] as TemplateContext
            }] as TemplateContext },
        ]
    }
}

extension ClaimRow: MustacheContextConvertible {
    /// Rows of one table. A row quoting the same sentence of the same article as the row above
    /// says so instead of printing the sentence again: one sentence often states two or three
    /// figures, and three copies of it in a row read as three sources.
    /// Made as template values directly: a table has a row per figure (tens of thousands on the
    /// ledger and entity pages), and each row's context went through `any TemplateRepresentable`
    /// and was converted again.
    static func table<Row>(_ rows: [Row], row: (Row) -> ClaimRow, _ adjust: (Row, inout TemplateObject) -> Void = { _, _ in }) -> [TemplateValue] {
        var previous: Claim?
        return rows.map { item in
            let claimRow = row(item)
            var object = claimRow.object
            object["sameQuote"] = .flag(previous.map { $0.article == claimRow.claim.article && $0.quote == claimRow.claim.quote } ?? false)
            adjust(item, &object)
            previous = claimRow.claim
            return .object(object)
        }
    }

    static func table(_ rows: [ClaimRow]) -> [TemplateValue] { table(rows, row: { $0 }) }

    /// The row's keys (`object`).
    func templateObject() -> TemplateObject {
        func text(_ value: String?) -> TemplateValue { value.map(TemplateValue.text) ?? .flag(false) }
        let (claim, value, facts) = (self.claim, self.value, self.facts)
        return [
            "id": .text(claim.id), "value": .text(value.english), "valueZh": text(value.chinese), "metric": .text(claim.metric.label), "entity": .text(self.entityName),
            "importer": text(self.importerName), "period": .text(facts.period), "scope": .text(facts.scope), "status": .text(facts.status),
            "statusClass": .text("status-\(claim.status.rawValue)"), "isMeasurement": .flag(claim.status.isMeasurement), "speaker": text(claim.speaker),
            "isRepeat": .flag(claim.duplicateOf != nil), "quote": .text(self.quoteText),
            "detail": .flag(false),
            "articleTitle": .text(self.articleTitle), "articleLang": .text(self.articleLanguage.rawValue), "articleDate": .text(self.articleDate),
            "source": .text(self.source), "quoteURL": .text(self.quoteURL), "anchorHere": .flag(self.anchorHere), "edited": .flag(claim.rule == "editor"),
        ]
    }

    var mustache: TemplateContext { TemplateContext(object) }
}

extension DataPageView: MustacheContextConvertible {
    var mustache: TemplateContext {
        [
            "layout": layout.mustache, "charts": charts.map(\.mustache), "claimCount": claimCount, "conflictCount": conflictCount,
            "ledger": ledger.map { ["metric": $0.metric.label, "count": $0.count, "url": $0.url] as TemplateContext },
            "datasets": datasets.map { row in
                ["id": row.dataset.id, "title": row.dataset.title, "titleZh": row.dataset.titleZh, "edition": row.dataset.edition, "asOf": row.dataset.asOf,
                 "unit": row.dataset.unit, "licence": row.dataset.licence, "citation": row.dataset.citation, "notes": row.dataset.notes,
                 "rows": row.dataset.rows.count, "csvURL": row.csvURL, "metadataURL": row.metadataURL, "sourceURL": row.dataset.sourceURL] as TemplateContext
            },
        ]
    }
}

extension ChartPageView: MustacheContextConvertible {
    var mustache: TemplateContext { ["layout": layout.mustache, "chart": chart.mustache] }
}

extension ConflictsPageView: MustacheContextConvertible {
    var mustache: TemplateContext {
        [
            "layout": layout.mustache, "pager": Pager.context(pager),
            "index": index.map { ["title": $0.title, "url": $0.url, "count": $0.count] as TemplateContext },
            "sections": sections.map { section in
                ["title": section.title, "lede": section.lede, "anchor": section.anchor, "continued": section.continued,
                 "isEmpty": section.conflicts.isEmpty,
                 "conflicts": section.conflicts.map { conflict in
                    ["heading": conflict.heading, "anchor": conflict.anchor, "note": conflict.note,
                     "rows": ClaimRow.table(conflict.rows, row: { $0 }) { row, object in
                         object["detail"] = conflict.details[row.claim.id].flatMap { $0.isEmpty ? nil : TemplateValue.text($0) } ?? .flag(false)
                     },
                     "total": conflict.total, "isSample": conflict.rows.count < conflict.total, "shown": conflict.rows.count, "ledgerURL": conflict.ledgerURL,
                     "hasReferences": !conflict.references.isEmpty,
                     "references": conflict.references.map { ["value": Self.referenceValue($0), "source": $0.source, "detail": $0.detail,
                                                              "year": $0.year.map(String.init) ?? false] as TemplateContext },
                     "hasApart": !conflict.apart.isEmpty, "apartCount": conflict.apartTotal,
                     "apartLabel": conflict.apartTotal == 1 ? "1 more figure" : "\(conflict.apartTotal) more figures",
                     "apartIsSample": conflict.apart.count < conflict.apartTotal, "apartShown": conflict.apart.count,
                     "apart": ClaimRow.table(conflict.apart, row: \.row) { item, object in object["detail"] = .text(item.reason) }] as TemplateContext
                 }] as TemplateContext
            },
        ]
    }
}

extension ConflictsPageView {
    /// A reference tonnage as people write it, in both languages ("44 million t · 4,400万吨"); a
    /// share as the reference gives it.
    static func referenceValue(_ reference: ReferenceFigure) -> String {
        guard reference.unit != .percent else { return reference.valueText }
        return FigureText.bilingual(low: reference.value, high: reference.value, qualifier: reference.bound == .atMost ? .upTo : .exact, unit: reference.unit).text
    }
}

extension EntityLink: MustacheContextConvertible {
    var mustache: TemplateContext { ["name": name, "url": url, "lang": language.rawValue, "count": count] }
}

extension EventRow: MustacheContextConvertible {
    var mustache: TemplateContext {
        [
            "id": event.id, "anchor": "e-\(event.id)", "date": event.dateText, "dateLabel": dateLabel, "onTimeline": onTimeline, "hasDay": event.day != nil,
            "hasFlags": precisionNote != nil || event.kind == .curated || event.status == .target,
            "precisionNote": precisionNote ?? false, "summary": event.summary,
            "isTarget": event.status == .target, "isCurated": event.kind == .curated,
            "precision": event.precision.rawValue,
            "articleTitle": articleTitle ?? false, "articleLang": articleLanguage.rawValue, "articleURL": articleURL ?? false,
            "articleByline": articleByline ?? false,
            "quoteURL": quoteURL ?? false, "context": context ?? false, "contextLang": context.map { Language.detect($0).rawValue } ?? false,
            "actors": actors.map(\.mustache), "hasActors": !actors.isEmpty,
            "source": event.source ?? false, "sourceURL": event.sourceURL ?? false, "timelineURL": timelineURL,
            "summaryLang": Language.detect(event.summary).rawValue,
        ]
    }
}

extension TimelineAxis: MustacheContextConvertible {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    var mustache: TemplateContext {
        [
            "hasYears": !years.isEmpty,
            "years": years.map { year in
                ["year": year.year, "url": year.url, "undated": year.undated, "hasUndated": year.undated > 0, "hasCells": !year.cells.isEmpty,
                 "undatedLabel": "\(year.year)年另有 \(year.undated) 条事件未说明月份 · \(year.year): \(year.undated) more \(year.undated == 1 ? "event" : "events") of no stated month",
                 "cells": year.cells.map { cell in
                     ["month": cell.month, "url": cell.url ?? false, "level": cell.level,
                      "label": "\(year.year)年\(cell.month)月 · \(Self.monthNames[cell.month - 1]) \(year.year): "
                          + "\(cell.events) 条事件 \(cell.events == 1 ? "event" : "events")"
                          + (cell.published > 0 ? "，发表 \(cell.published) 篇 · \(cell.published) published" : "")] as TemplateContext
                 }] as TemplateContext
            },
        ]
    }
}

extension TimelinePageView: MustacheContextConvertible {
    /// "共 32 条事件（9 个目标或预测），另有 28 篇文章按发表月份计数。 · Every …: 32 events (9 targets
    /// or forecasts), and 28 articles counted by the month they were published."
    var counts: String {
        func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let zh = "共 \(eventCount) 条事件（\(targets) 个目标或预测）" + (publicationCount > 0 ? "，另有 \(publicationCount) 篇文章按发表月份计数" : "") + "。"
        let en = "\(scope): \(plural(eventCount, "event", "events")) (\(plural(targets, "target or forecast", "targets or forecasts")))"
            + (publicationCount > 0 ? ", and \(plural(publicationCount, "article", "articles")) counted by the month they were published" : "") + "."
        return zh + " · " + en
    }

    var mustache: TemplateContext {
        [
            "layout": layout.mustache, "heading": heading, "counts": counts, "isFull": isFull, "axis": axis,
            "years": years.map { year in
                ["year": year.year, "months": year.months.map { month in
                    ["key": month.key, "label": month.label, "eventsHTML": month.eventsHTML, "hasEvents": !month.events.isEmpty,
                     "hasPublished": !month.published.isEmpty,
                     "publishedLabel": "本月发表 \(month.published.count) 篇文章 · \(month.published.count) article\(month.published.count == 1 ? "" : "s") published this month",
                     "published": month.published.map { item in
                         ["anchor": item.anchor, "day": item.day, "date": item.date, "title": item.title, "titleLang": item.titleLanguage.rawValue,
                          "url": item.url, "source": item.source] as TemplateContext
                     }] as TemplateContext
                }] as TemplateContext
            },
            "topicFilters": topicFilters.map(\.mustache), "entityFilters": entityFilters.map(\.mustache),
            "hasFilters": !topicFilters.isEmpty || !entityFilters.isEmpty, "pager": Pager.context(pager),
        ]
    }
}

extension TopicPageView: MustacheContextConvertible {
    var mustache: TemplateContext {
        [
            "layout": layout.mustache, "name": name, "lang": Language.detect(name).rawValue, "nameEn": nameEn ?? false,
            "summary": summary ?? false, "explainerHTML": explainerHTML?.html ?? false,
            "articles": articles, "count": articleCount, "countLabel": TopicCard.countLabel(articleCount),
            "allArticlesURL": allArticlesURL ?? false,
            "entities": entities.map(\.mustache), "hasEntities": !entities.isEmpty,
            "events": events.map(\.mustache), "hasEvents": !events.isEmpty, "timelineURL": timelineURL,
            "figures": ClaimRow.table(figures), "hasFigures": !figures.isEmpty, "figureCount": figureCount, "allFiguresURL": allFiguresURL ?? false,
            "contents": contents.map(\.mustache), "hasContents": !contents.isEmpty,
        ]
    }
}

extension ContentsEntry: MustacheContextConvertible {
    var mustache: TemplateContext { ["anchor": anchor, "label": label, "lang": Language.detect(label).rawValue] }
}

extension SummaryFact: MustacheContextConvertible {
    var mustache: TemplateContext {
        ["label": label, "value": value, "lang": language.rawValue, "url": url ?? false, "source": source ?? false]
    }
}

extension EntityPageView: MustacheContextConvertible {
    var mustache: TemplateContext {
        [
            "layout": layout.mustache, "id": entity.id, "name": entity.name, "nameZh": entity.nameZh, "typeLabel": typeLabel,
            "descriptionEn": summary.descriptionEn ?? false, "descriptionZh": summary.descriptionZh ?? false,
            "sourceTitle": summary.sourceTitle ?? false, "sourceLang": summary.sourceTitle.map { Language.detect($0).rawValue } ?? false,
            "sourceURL": summary.sourceURL ?? false,
            "facts": summary.facts.map(\.mustache), "references": summary.references.map(\.mustache), "hasReferences": !summary.references.isEmpty,
            "contents": contents.map(\.mustache), "hasContents": !contents.isEmpty,
            "articles": articles, "count": articleCount, "allArticlesURL": allArticlesURL ?? false,
            "mentionLabel": "\(articleCount) 篇文章提到 · mentioned in \(articleCount) article\(articleCount == 1 ? "" : "s")",
            "articlesNote": Self.shown(articles.count, of: articleCount, "篇", "article", "articles", orderZh: "最新在前", orderEn: "newest first"),
            "hasArticles": !articles.isEmpty,
            "coMentioned": coMentioned.map(\.mustache), "hasCoMentioned": !coMentioned.isEmpty,
            "figures": ClaimRow.table(figures), "hasFigures": !figures.isEmpty, "figureCount": figureCount, "allFiguresURL": allFiguresURL ?? false,
            "figuresNote": Self.shown(figures.count, of: figureCount, "个", "figure", "figures", orderZh: "按文章从新到旧", orderEn: "newest articles first"),
            "events": events.map(\.mustache), "hasEvents": !events.isEmpty, "eventCount": eventCount, "timelineURL": timelineURL ?? false,
            "timelineLabel": "\(entity.nameZh)的时间线页，共 \(eventCount) 条 · \(entity.name) on the timeline: \(eventCount) \(eventCount == 1 ? "entry" : "entries")",
            "eventsNote": Self.shown(events.count, of: eventCount, "条", "entry", "entries", orderZh: "取最晚的，按日期排列", orderEn: "the latest, in date order"),
        ]
    }

    /// "全部 3 篇，最新在前 · all 3 articles, newest first"; "最新 10 篇，共 28 篇 · the latest 10 of 28 articles".
    static func shown(_ shown: Int, of total: Int, _ counter: String, _ one: String, _ many: String, orderZh: String, orderEn: String) -> String {
        let noun = total == 1 ? one : many
        // One item has no order to explain.
        if total == 1 { return "共 1 \(counter) · 1 \(noun)" }
        if shown >= total { return "全部 \(total) \(counter)，\(orderZh) · all \(total) \(noun), \(orderEn)" }
        return "显示 \(shown) \(counter)，共 \(total) \(counter)，\(orderZh) · \(shown) of \(total) \(noun), \(orderEn)"
    }
}

extension EntitiesIndexView: MustacheContextConvertible {
    var mustache: TemplateContext {
        ["layout": layout.mustache, "groups": groups.map { ["label": $0.label, "entities": $0.entities.map(\.mustache)] as TemplateContext },
         "hasUnmentioned": !unmentioned.isEmpty,
         "unmentioned": unmentioned.map { item in
             ["anchor": item.anchor, "name": item.name, "nameZh": item.nameZh, "typeLabel": item.typeLabel,
              "references": item.references.map(\.mustache), "hasReferences": !item.references.isEmpty, "timelineURL": item.timelineURL ?? false] as TemplateContext
         }]
    }
}

extension RedirectView: MustacheContextConvertible {
    var mustache: TemplateContext {
        ["siteLang": site.language.rawValue, "siteTitle": site.title, "title": title, "target": target, "absoluteTarget": absoluteTarget ?? false]
    }
}
