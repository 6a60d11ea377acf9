import Foundation

/// Renders a linked `Site` into output files: one page per article, page and topic, the lists and
/// the home page. Pure: the same site and templates give the same bytes.
public struct SiteRenderer: Sendable {
    /// Fields a `BodyEditPreview` patches are `var`: it renders one edited article's page from a
    /// copy of the published renderer with that article's parts replaced.
    var site: Site
    let templates: TemplateSet
    let markdown: Markdown
    /// Topic name → its link (both names, URL): every list names a topic in both languages.
    let topicLinks: [String: TopicLink]
    /// The main navigation every page's layout lists.
    let menu: NavigationMenu
    /// Tag → its URL segment, made once (`tagSlugs(_:)`).
    let tagSlugs: [String: String]
    /// Each article's card, made once: it appears on its own page, its neighbours', lists and topics.
    var cards: ByteKeyedDictionary<ArticleCard>
    let chartContext: ChartContext
    let charts: [Chart]
    /// Each chart's PNG, by chart name; none for a chart `rsvg-convert` could not draw, and none
    /// at all without it.
    let chartImages: [String: Data]
    var claimsByArticle: ByteKeyedDictionary<[Claim]>
    /// Claim ids whose quote is marked in the article body (the others are anchored in the
    /// article's figure list instead). A claim's row says which (`anchorHere`): changing the set
    /// (a renderer patched for an edited body) drops the rows made in advance.
    var highlighted: Set<String> { didSet { claimRows = [:] } }
    var eventsByArticle: ByteKeyedDictionary<[Event]>
    let linker: BodyRenderer.EntityLinker
    var bodies: ByteKeyedDictionary<TrustedHTML>
    let pagination = Pagination()
    /// Claims that name an entity as holder or importer, in ledger order.
    let claimsByEntity: [String: [Claim]]
    let eventsByActor: [String: [Event]]
    let conflictGroups: [ConflictGroup]
    /// Each conflict group's anchor, in `conflictGroups` order.
    let conflictAnchors: [String]
    /// Event id → the page of the full timeline that shows it, for `#e-…` links.
    let timelinePageOfEvent: [String: Int]
    /// Each event's timeline row, rendered once for all the timelines that show it.
    private(set) var eventRowHTML: [String: TrustedHTML] = [:]
    /// Each claim's row, made once: a claim is listed on its article, the ledger, its entities'
    /// and topics' pages and the conflicts pages, and making the row each time was a twentieth
    /// of a dense corpus's build. A row is used only for the very claim it was made from
    /// (`claimRow(_:)`), and only while `highlighted` is the set it was made with.
    private(set) var claimRows: [String: ClaimRow] = [:]
    /// Event id → the event its "the same day" or "次日" leans on (`Timeline.antecedents`),
    /// whose sentence is shown with it unless it stands just above.
    let eventAntecedent: [String: Event]
    /// Entity id → the entities most often named with it (`MentionIndex.coMentionedByEntity`).
    let coMentioned: [String: [(entity: String, articles: Int)]]
    /// With a build cache: how many bodies came from it, of how many, and why it could not be
    /// written (for the build's report).
    public private(set) var keptBodies: (reused: Int, of: Int, problem: String?)?

    /// What a body's HTML is made of besides the entity linker (`LinkerInput`).
    private struct BodyInput: Equatable, Sendable {
        var body: ImportedBody
        var anchors: [String]
    }

    /// What the entity linker is made of; a body rendered with another linker is made again.
    private struct LinkerInput: Equatable, Sendable {
        var entities: [Entity]
        var urls: [String: String]
    }

    /// The quotes an article body marks: its claims' and its events'.
    static func anchors(_ claims: [Claim], _ events: [Event]) -> [(quote: String, id: String)] {
        claims.map { ($0.quote, $0.id) } + events.compactMap { event in event.quote.map { ($0, event.id) } }
    }

    /// Set by `atlas check` to learn every key the view models provide.
    let keys: KeyCollector?

    /// Shared with the previous build in `atlas serve`; a fresh one otherwise.
    let memo: RenderMemo

    /// `previousOutputs`: folders a build wrote (the last one first), whose chart PNGs are reused
    /// for unchanged charts.
    public init(site: Site, templates: TemplateSet, keys: KeyCollector? = nil, memo: RenderMemo = RenderMemo(remembering: false),
                rasterizer: ChartRasterizer? = nil, previousOutputs: [URL] = [], cache: BuildCache? = nil) {
        self.keys = keys
        self.memo = memo
        self.site = site
        self.templates = templates
        let markdown = Markdown(allowsRawHTML: site.config.allowsRawHTML, basePath: site.config.basePath, links: IdentityLinks(site: site))
        self.markdown = markdown
        let topicLinks = Dictionary(uniqueKeysWithValues: site.topics.map {
            ($0.name, TopicLink(name: $0.name, url: site.config.basePath + "topics/\($0.slug)/", nameEn: $0.nameEn))
        })
        self.topicLinks = topicLinks
        menu = NavigationMenu(basePath: site.config.basePath,
                              pages: site.pages.compactMap { page in page.navLabel.map { NavPage(label: $0, path: "\(page.slug)/") } })
        tagSlugs = Self.tagSlugs(site.articles)
        // On all cores: a teaser is cut from every body (a quarter of a second on one core at
        // 10,000 articles). The charts, a step for one core (a seventh of a second at 10,000
        // articles), are drawn alongside.
        let (drawn, cards) = Parallel.map(site.articles, alongside: {
            let context = ChartContext(site: site)
            return (context: context, charts: ChartCatalog.all(context))
        }) { article in
            (article.id, Self.makeCard(article, basePath: site.config.basePath, topicLinks: topicLinks, markdown: markdown, memo: memo, templates: templates))
        }
        self.cards = ByteKeyedDictionary(cards)
        self.chartContext = drawn.context
        let charts = drawn.charts
        self.charts = charts
        // Remembered by the SVG's text, so `atlas serve` draws again only a chart that changed;
        // `atlas build` takes the PNG a build published beside the same SVG, in the output folder
        // or, building elsewhere, in the site's public/ (rsvg-convert would draw the same
        // picture). Drawn by `rsvg-convert` processes while the bodies below are rendered (a
        // third of a second for the real site's five), and waited for before the renderer is
        // complete.
        // With a build cache, also the PNG the last build drew for the same SVG with the same
        // rsvg-convert (`charts.bin`, stamped with the binary's path and file stamp): a build into
        // a new folder of a site with no public/ (every benchmark build) drew all five, most of a
        // second of processor time. (Fonts are not in the stamp, as for the published PNGs.)
        let images = rasterizer.map { rasterizer in
            Parallel.Pending {
                let stamp = BuildCache.Digest(rasterizer.binary.path + "\u{0}" + (BuildCache.fileStamp(rasterizer.binary.path) ?? ""))
                let kept = cache?.entries(Self.keptChartsFile, context: stamp)
                let drawn = Parallel.map(charts) { chart -> (name: String, png: Data?, key: BuildCache.Digest) in
                    let key = BuildCache.Digest(chart.standalone)
                    return (chart.name, memo.value("chart-png\u{0}" + chart.standalone) {
                        previousOutputs.lazy.compactMap { Self.publishedPNG(chart, in: $0) }.first
                            ?? kept.flatMap { kept in kept.place(for: key).map { Data(kept.bytes[$0.range]) } } ?? (try? rasterizer.png(chart.standalone))
                    }, key)
                }
                let entries = drawn.compactMap { chart in chart.png.map { BuildCache.Entry(key: chart.key, bytes: [UInt8]($0)) } }
                if let cache, BuildCache.isNews(count: entries.count, reused: entries.filter { kept?.place(for: $0.key) != nil }.count, kept: kept) {
                    // Not warned about: the findings' and bodies' files, written to the same folder, are.
                    _ = cache.write(Self.keptChartsFile, context: stamp, entries: entries)
                }
                return Dictionary(drawn.compactMap { chart in chart.png.map { (chart.name, $0) } }, uniquingKeysWith: { a, _ in a })
            }
        }
        let claimsByArticle = ByteKeyedDictionary(grouping: site.claims, by: { $0.article })
        self.claimsByArticle = claimsByArticle
        let eventsByArticle = ByteKeyedDictionary(grouping: site.events.filter { $0.kind == .event }, by: { $0.article ?? "" })
        self.eventsByArticle = eventsByArticle
        // Only entities with a page are linked (every name the body shows is one the mention index counts).
        let linker = BodyRenderer.EntityLinker(matcher: EntityMatcher(entities: site.entities),
                                               urls: Dictionary(site.entities.filter { site.mentions.isMentioned($0.id) }.map { ($0.id, site.config.basePath + "entities/\($0.id)/") },
                                                                uniquingKeysWith: { a, _ in a }))
        self.linker = linker
        let pagination = self.pagination
        // Bodies are rendered once, here, so pages that link to a quote know whether its anchor
        // exists (else they link to the article's figure list instead). On all cores, and in
        // `atlas serve` only for articles whose body, quotes or entity links changed.
        // Alongside them, on one worker, the indexes pages read (claims and events by entity,
        // conflict anchors, the timeline's pages and antecedents): made after the bodies, they
        // left a core idle for a second and a half of a dense 10,000-article build.
        let linkerVersion = memo.version("entity-linker", of: LinkerInput(entities: site.entities, urls: linker.urls))
        let linkerStamp = cache.map { _ in BodyStore.linker(site.entities, urls: linker.urls) }
        let kept = cache.flatMap { $0.entries(BodyStore.file, context: linkerStamp!) }
        let (indexes, rendered) = Parallel.map(site.articles, alongside: {
            var claimsByEntity: [String: [Claim]] = [:]
            for claim in site.claims {
                for id in Set([claim.entity, claim.importer].compactMap { $0 }).sorted() { claimsByEntity[id, default: []].append(claim) }
            }
            var eventsByActor: [String: [Event]] = [:]
            for event in site.events { for actor in Set(event.actors).sorted() { eventsByActor[actor, default: []].append(event) } }
            let eventsByID = Dictionary(site.events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return (claimsByEntity: claimsByEntity, eventsByActor: eventsByActor,
                    conflictAnchors: Self.conflictAnchors(site.conflicts),
                    timelinePageOfEvent: Dictionary(site.events.enumerated().map { ($1.id, pagination.page(ofItemAt: $0)) }, uniquingKeysWith: { a, _ in a }),
                    eventAntecedent: Timeline.antecedents(site.events).compactMapValues { eventsByID[$0] },
                    coMentioned: site.mentions.coMentionedByEntity())
        }) { article -> (id: String, body: (html: TrustedHTML, anchored: Set<String>), key: BuildCache.Digest?, reused: Bool)? in
            guard case .imported(let body) = article.body else { return nil }
            let anchors = Self.anchors(claimsByArticle[article.id] ?? [], eventsByArticle[article.id] ?? [])
            // The key outside the memo: a body the memo holds is still written to the cache.
            let key = cache.map { _ in BodyStore.key(body, anchors: anchors) }
            var reused = false
            let html = memo.value("body\u{0}\(linkerVersion)\u{0}" + article.id, input: BodyInput(body: body, anchors: anchors.map { $0.quote + "\u{0}" + $0.id })) {
                if let key, let hit = BodyStore.body(kept, key: key) {
                    reused = true
                    return hit
                }
                let html = BodyRenderer.render(body, anchors: anchors, linker: linker)
                return (html: html.html, anchored: html.anchored)
            }
            return (article.id, html, key, reused)
        }
        var bodies = ByteKeyedDictionary<TrustedHTML>()
        var highlighted = Set<String>()
        for case let (id, body, _, _)? in rendered {
            bodies[id] = body.html
            highlighted.formUnion(body.anchored)
        }
        // Written on another thread while the rows below are made, and waited for at the end.
        var keptWrite: (reused: Int, of: Int, writing: Parallel.Pending<String?>?)?
        if let cache, let linkerStamp {
            let made = rendered.compactMap { $0.flatMap { made in made.key.map { (body: made.body, key: $0, reused: made.reused) } } }
            let reused = made.lazy.filter(\.reused).count
            let writing = BuildCache.isNews(count: made.count, reused: reused, kept: kept) ? Parallel.Pending {
                cache.write(BodyStore.file, context: linkerStamp, count: made.count) { BodyStore.entry(html: made[$0].body.html, anchored: made[$0].body.anchored, key: made[$0].key) }
            } : nil
            keptWrite = (reused, made.count, writing)
        }
        self.bodies = bodies
        self.highlighted = highlighted
        self.claimsByEntity = indexes.claimsByEntity
        self.eventsByActor = indexes.eventsByActor
        self.conflictGroups = site.conflicts
        self.conflictAnchors = indexes.conflictAnchors
        self.timelinePageOfEvent = indexes.timelinePageOfEvent
        self.eventAntecedent = indexes.eventAntecedent
        self.coMentioned = indexes.coMentioned
        self.chartImages = images?.value() ?? [:]
        let renderer = self
        // Publications are listed under their month's count, not as rows.
        let rows = Parallel.map(site.events.filter { $0.kind != .publication }) { event in
            let row = renderer.eventRow(event, onTimeline: true)
            return (event.id, renderer.memo.value("event-row\u{0}" + event.id, input: row) { renderer.renderRow(row, partial: "partials/event-row") })
        }
        self.eventRowHTML = Dictionary(rows, uniquingKeysWith: { a, _ in a })
        self.claimRows = Dictionary(Parallel.map(site.claims) { ($0.id, renderer.makeClaimRow($0)) }, uniquingKeysWith: { a, _ in a })
        self.keptBodies = keptWrite.map { ($0.reused, $0.of, $0.writing?.value() ?? nil) }
    }

    /// The build cache's file of chart PNGs, by the SVG's digest.
    static let keptChartsFile = "charts.bin"

    /// The PNG a previous build published for this very SVG (same bytes beside it), if any.
    /// Drawing one is an `rsvg-convert` process per chart, which was half of the real site's
    /// build; the same SVG gives the same PNG (`ChartRasterizer`), so reusing it changes no byte.
    /// A new `rsvg-convert` or new fonts reach a chart's PNG when its SVG next changes.
    static func publishedPNG(_ chart: Chart, in folder: URL) -> Data? {
        let base = folder.appendingPathComponent("data/\(chart.name)/\(chart.name)")
        guard let svg = try? Data(contentsOf: base.appendingPathExtension("svg")), svg.elementsEqual(chart.standalone.utf8),
              let png = try? Data(contentsOf: base.appendingPathExtension("png")), !png.isEmpty else { return nil }
        return png
    }

    /// A partial rendered on its own, for rows shared by many pages.
    func renderRow(_ row: some MustacheContextConvertible, partial: String) -> TrustedHTML {
        let context = row.mustache
        keys?.add(context)
        return TrustedHTML(templates.render(context, template: partial))
    }

    /// The full timeline's page that shows an event, with the event's anchor.
    func timelineURL(ofEvent id: String) -> String {
        site.config.basePath + Pagination.path("timeline/", page: timelinePageOfEvent[id] ?? 1) + "#e-\(id)"
    }

    /// Every page of one long list; `makeView` gets the page's items, layout and pager.
    /// Views are made when a page is rendered, so a long list's rows are never all in memory.
    func paged<Item: Sendable, View: MustacheContextConvertible & Sendable & Equatable>(
        _ items: [Item], list: String, template: String, title: String, description: String, language: Language? = nil,
        pagination: Pagination? = nil, _ makeView: @escaping @Sendable (ArraySlice<Item>, LayoutView, Pager) -> View
    ) -> [RenderJob] {
        let chunks = (pagination ?? self.pagination).pages(items)
        return chunks.enumerated().map { index, chunk in
            let number = index + 1
            let path = Pagination.path(list, page: number)
            let pageTitle = number == 1 ? title : "\(title) · 第\(number)页 Page \(number)"
            let pager = Pager(list: list, current: number, total: chunks.count, basePath: site.config.basePath)
            let layout = layout(title: pageTitle, path: path, description: description, language: language)
            return lazyPage(path + "index.html", template: template) { _ in makeView(chunk, layout, pager) }
        }
    }

    /// A summary's full list on pages of its own, when it is longer than the summary shows.
    /// `preview`: how many items the summary shows (the pagination's default unless given).
    func fullList<Item: Sendable>(_ items: [Item], list: String, parents: [TopicLink], preview: Int? = nil, heading: String, lede: String,
                                  claims: @escaping @Sendable (Item) -> ClaimRow? = { _ in nil },
                                  card: @escaping @Sendable (Item) -> ArticleCard? = { _ in nil }) -> [RenderJob] {
        guard items.count > preview ?? pagination.preview else { return [] }
        let total = items.count
        return paged(items, list: list, template: "listing", title: heading, description: lede) { chunk, layout, pager in
            ListingView(layout: layout, parents: parents, heading: heading, lede: lede,
                        claims: chunk.compactMap { claims($0) }, cards: chunk.compactMap { card($0) }, pager: pager,
                        firstIndex: chunk.startIndex, total: total)
        }
    }

    /// The renderer the listed jobs render with, held by reference: each page's two closures
    /// captured a copy of the whole renderer (dozens of collections, each retained), 16 MB and a
    /// million retains at 10,000 articles. Set only on the copy `jobs()` lists from, which the
    /// box does not hold, so nothing refers to itself.
    final class Shared: Sendable {
        let renderer: SiteRenderer
        init(_ renderer: SiteRenderer) { self.renderer = renderer }
    }

    private var shared: Shared?

    public func jobs() -> [RenderJob] {
        var lister = self
        lister.shared = Shared(self)
        return lister.listJobs()
    }

    private func listJobs() -> [RenderJob] {
        // The sections are listed side by side (each sorts and groups the site its own way: a
        // quarter of a second on one core at 10,000 articles), in a fixed order.
        let sections: [@Sendable () -> [RenderJob]] = [
            { [page("index.html", template: "home", home())] },
            { articleList() },
            { [page("topics/index.html", template: "topics", topicList())] },
            // Article pages build their views when rendered: on all cores, and never all at once.
            { site.articles.indices.map(articlePage) },
            {
                site.pages.map { item in
                    let view = PageView(layout: layout(title: item.title, path: "\(item.slug)/", description: item.summary ?? item.title),
                                        title: item.title, language: item.language, date: item.date.map { $0.hasTime ? $0.description : String($0.description.prefix(10)) },
                                        contentHTML: markdownHTML(item.markdown, language: item.language))
                    return page("\(item.slug)/index.html", template: "page", view)
                }
            },
            { dataSection() },
        ] + topicSections() + [
            { entitySection() },
            { timelineSection() },
            { tagSection() },
        ]
        var files = Parallel.map(sections) { $0() }.flatMap { $0 }
        files.append(page("search/index.html", template: "search", PlainView(
            layout: layout(title: "搜索 Search", path: "search/", description: "Search the articles, topics, entities and pages"))))
        // Redirects are not pages of their own: they stay out of the sitemap.
        return files + redirectPages() + publishingFiles(pages: files.map(\.path).filter { $0.hasSuffix(".html") })
    }

    func articlePage(_ index: Int) -> RenderJob {
        lazyPage("articles/\(site.articles[index].slug)/index.html", template: "article") { $0.articleView(index) }
    }

    func page<View: MustacheContextConvertible & Sendable & Equatable>(_ path: String, template: String, _ view: View) -> RenderJob {
        lazyPage(path, template: template) { _ in view }
    }

    /// A page whose view is made only when the page is rendered.
    func lazyPage<View: MustacheContextConvertible & Equatable & Sendable>(_ path: String, template: String,
                                                                        _ view: @escaping @Sendable (SiteRenderer) -> View) -> RenderJob {
        let shared = self.shared ?? Shared(self)
        let templates = templates, keys = keys
        return RenderJob(path: path, inputs: { RenderInputs(view(shared.renderer)) }) {
            let context = view(shared.renderer).mustache
            keys?.add(context)
            return OutputFile(path: path, utf8: templates.renderUTF8(context, template: template))
        }
    }

    /// A file made from the linked site by code (exports, feed, sitemap). `inputs`, when given,
    /// names everything it reads; without it an incremental rebuild always remakes the file.
    func text(_ path: String, inputs: RenderInputs? = nil, _ make: @escaping @Sendable () -> String) -> RenderJob {
        let known: (@Sendable () -> RenderInputs)?
        if let inputs { known = { inputs } } else { known = nil }
        return RenderJob(path: path, inputs: known) { OutputFile(path: path, text: make()) }
    }

    /// A large export, made as it is written (`ChunkedText`).
    func streamed(_ path: String, inputs: RenderInputs, _ make: @escaping @Sendable (ChunkedText) -> ChunkedText) -> RenderJob {
        RenderJob(path: path, inputs: { inputs }, isLarge: true) { OutputFile(path: path, streamed: make) }
    }

    /// Every file, rendered in parallel, in memory (for `atlas check` and tests).
    public func render() -> [OutputFile] {
        Parallel.map(jobs()) { $0.render() }
    }

    func layout(title: String, path: String, description: String, language: Language? = nil) -> LayoutView {
        LayoutView(site: site.config, title: title, titleLanguage: Language.detect(title), description: description, path: path,
                   menu: menu, contentLanguage: language)
    }

    func card(_ article: Article) -> ArticleCard { cards[article.id]! }

    static func makeCard(_ article: Article, basePath: String, topicLinks: [String: TopicLink], markdown: Markdown, memo: RenderMemo,
                         templates: TemplateSet) -> ArticleCard {
        let isExcerpt: Bool
        let teaser: String
        switch article.body {
        case .imported(let body):
            isExcerpt = body.isExcerpt
            teaser = BodyRenderer.teaser(body)
        case .markdown(let text, _):
            isExcerpt = false
            teaser = memo.value("teaser\u{0}" + text) {
                BodyRenderer.firstTextLine(markdown.plainText(text))
            }
        }
        var card = ArticleCard(
            title: article.title, titleLanguage: article.titleLanguage, url: basePath + "articles/\(article.slug)/",
            source: article.source, published: article.published,
            topics: article.topics.compactMap { topicLinks[$0] },
            bodyLanguage: article.body.language, isExcerpt: isExcerpt,
            teaser: BodyRenderer.shorten(article.summary ?? teaser))
        card.prerender(with: templates)
        return card
    }

    func articleView(_ index: Int) -> ArticleView {
        let article = site.articles[index]
        let body: TrustedHTML
        var raw: String?
        switch article.body {
        case .imported(let imported):
            body = bodies[article.id] ?? BodyRenderer.html(imported)
            raw = imported.raw
        case .markdown(let text, let language):
            body = markdownHTML(text, language: language)
        }
        let current = card(article)
        var view = ArticleView(
            layout: layout(title: article.title, path: "articles/\(article.slug)/", description: current.teaser),
            card: current, sourceURL: article.sourceURL, tags: article.tags.map { tagLink($0) }, bodyHTML: body, rawBody: raw,
            hasCitations: body.html.includes(BodyRenderer.referenceMarkOpening),
            hasHighlights: body.html.includes(BodyRenderer.quoteMarkOpening),
            figures: (claimsByArticle[article.id] ?? []).map { claimRow($0) },
            newer: index > 0 ? card(site.articles[index - 1]) : nil,
            older: index + 1 < site.articles.count ? card(site.articles[index + 1]) : nil)
        view.entities = (site.mentions.byArticle[article.id] ?? [:]).sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .prefix(14).compactMap { entityLink($0.key, count: $0.value) }
        view.related = (site.related[article.id] ?? []).compactMap { chartContext.articlesByID[$0] }.map { card($0) }
        view.timelineURL = timelineURL(ofEvent: "p" + Slug.stableHash(article.id))
        return view
    }

    func home() -> HomeView {
        let dates = site.articles.map(\.published)
        return HomeView(
            layout: layout(title: site.config.title, path: "", description: site.config.description),
            introduction: site.config.description, articleCount: site.articles.count,
            sourceCount: Set(site.articles.map(\.source)).count,
            firstDate: dates.min()?.dateOnly ?? "", lastDate: dates.max()?.dateOnly ?? "",
            topics: topicCards(latest: 3), latest: site.articles.prefix(8).map { card($0) },
            pages: site.pages.map { TopicLink(name: $0.title, url: site.config.basePath + "\($0.slug)/") },
            chainChart: charts.first { $0.name == "china-share-chain" }.map { chartView($0) },
            keyFigures: keyFigures())
    }

    /// China's share at each stage: the spread of the articles' figures that measure the same
    /// quantity now (all rare earths; output, or reserves), the reference value of that scope,
    /// and how many figures of other scopes, times or kinds were kept out of the spread.
    func keyFigures() -> [KeyFigure] {
        let stages: [(Metric, String)] = [(.reservesShare, "中国占世界储量 · China's share of world reserves"),
                                          (.productionShare, "中国占世界开采 · China's share of world mining"),
                                          (.refiningShare, "中国占世界精炼 · China's share of world refining"),
                                          (.magnetShare, "中国占世界磁体 · China's share of world magnets")]
        let disputed = Set(conflictGroups.filter { $0.entity == "china" && $0.importer == nil }.map(\.metric))
        return stages.compactMap { metric, label in
            // The spread is of one quantity: all rare earths' output (or reserves), or, when the
            // articles give only capacity figures for a stage, the quantity most of them give.
            let primary = Comparison.primary(metric)
            let candidates = ChainChart.comparisons(metric, context: chartContext).filter { $0.elements == .all }
            let main = !chartContext.hasClaims(primary, entity: "china")
                ? candidates.max { (chartContext.claimCount($0, entity: "china"), Conflicts.order($1)) < (chartContext.claimCount($1, entity: "china"), Conflicts.order($0)) } ?? primary
                : primary
            let claims = chartContext.claims(main, entity: "china")
            let apart = chartContext.setApart(from: main, entity: "china")
            guard !claims.isEmpty || !apart.isEmpty else { return nil }
            let references = ReferenceFigures.latest(Conflicts.matchingReferences(chartContext.references, metric: metric, entity: "china", comparison: main))
            let others = ReferenceFigures.latest(chartContext.references.filter { $0.metric == metric && $0.entity == "china" && $0.unit == .percent && !references.contains($0) })
            let reasons = Dictionary(grouping: apart, by: { Self.apartKind($0.reason) }).sorted { $0.key < $1.key }
                .map { "\($0.value.count) \($0.value.count == 1 ? "figure" : "figures") \($0.key)" }.joined(separator: ", ")
            let scope = main.measure == Comparison.primaryMeasure(metric) ? "all rare earths" : "all rare earths, \(main.measure?.label ?? "")"
            var reference = references.isEmpty ? "No reference value for \(scope)" : "Reference: " + references.map { "\($0.valueText) (\($0.citation))" }.joined(separator: "; ")
            if references.isEmpty, !others.isEmpty {
                reference += "; another scope: " + others.map { "\($0.valueText) for \($0.elements.label), \($0.measure.label) (\($0.citation))" }.joined(separator: "; ")
            }
            return KeyFigure(label: label, spread: "Articles, \(scope), now: " + ChartCatalog.spread(claims), reference: reference,
                             apart: apart.isEmpty ? nil : "Not in this spread: \(reasons)",
                             url: disputed.contains(metric) ? conflictURL("c-\(metric.rawValue)-china") : site.config.basePath + "data/china-share-chain/")
        }
    }

    /// A short plural phrase for counting set-apart figures on the home page.
    static func apartKind(_ reason: SetApart) -> String {
        switch reason {
        case .repeatOf: return "repeated"
        case .otherCommodity: return "about other materials"
        case .otherElements: return "for narrower sets of rare earths"
        case .otherMeasure(let measure): return "of \(measure.rawValue)"
        case .notMeasurement: return "targets or forecasts"
        case .historical: return "historical"
        case .span: return "over several years"
        case .rate: return "at another rate"
        }
    }

    func topicCards(latest: Int) -> [TopicCard] {
        site.topics.map { topic in
            TopicCard(topic: topicLinks[topic.name]!, count: topic.articles.count,
                      latest: topic.articles.prefix(latest).map { card($0) })
        }
    }

    func articleList() -> [RenderJob] {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return paged(site.articles, list: "articles/", template: "articles", title: "文章 Articles",
                     description: "All \(site.articles.count) articles, newest first") { chunk, layout, pager in
            var months: [ArticleMonth] = []
            for article in chunk {
                let (year, month) = (article.published.local.year, article.published.local.month)
                let key = DigitText.month(year, month)
                if months.last?.key == key {
                    months[months.count - 1].articles.append(card(article))
                } else {
                    months.append(ArticleMonth(key: key, label: "\(year)年\(month)月 · \(names[month - 1]) \(year)", articles: [card(article)]))
                }
            }
            return ArticleListView(layout: layout, months: months, count: site.articles.count, pager: pager)
        }
    }

    func topicList() -> TopicsView {
        TopicsView(layout: layout(title: "专题 Topics", path: "topics/", description: "The topics the articles are filed under"),
                   topics: topicCards(latest: 0))
    }
}

