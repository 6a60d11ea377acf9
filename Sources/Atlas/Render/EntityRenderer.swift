/// Entity pages and the entities index. Only entities some article names get a page; the others
/// are listed apart on the index (with what the reference data say about them), and their old
/// addresses redirect there.
extension SiteRenderer {
    /// (type, plural heading, singular kind), in the index's order.
    static let typeLabels: [(type: String, label: String, kind: String)] = [
        ("country", "国家 Countries", "国家 Country"), ("region", "地区 Regions and blocs", "地区 Region or bloc"),
        ("organisation", "组织 Organisations", "组织 Organisation"), ("agency", "机构 Agencies", "政府机构 Government agency"),
        ("company", "公司 Companies", "公司 Company"), ("element", "元素 Elements", "元素 Element"),
        ("place", "地点与项目 Places and projects", "地点或项目 Place or project"), ("agreement", "协议 Agreements", "协议 Agreement"),
        ("policy", "政策与法律 Policies and laws", "政策或法律 Policy or law"), ("person", "人物 People", "人物 Person"),
    ]

    /// Items an entity page shows of each list before linking to the full one: a page that
    /// opens on a summary and a table of contents needs only the latest few of each.
    static let entityPreview = 10

    static func kindLabel(_ type: String) -> String { typeLabels.first { $0.type == type }?.kind ?? type }

    func entitySection() -> [RenderJob] {
        var files: [RenderJob] = []
        let base = site.config.basePath
        let preview = Self.entityPreview
        for entity in site.entities where site.mentions.isMentioned(entity.id) {
            // Only what the lists' lengths need is worked out here; the page's view is made when
            // the page is rendered, on all cores (and in `atlas serve` compared there).
            let articleIDs = site.mentions.byEntity[entity.id] ?? []
            let figures = claimsByEntity[entity.id] ?? []
            files.append(lazyPage("entities/\(entity.id)/index.html", template: "entity") { $0.entityView(entity) })
            let parents = [TopicLink(name: "实体 Entities", url: base + "entities/"), TopicLink(name: entity.name, url: base + "entities/\(entity.id)/")]
            // Cards by article id (made from the same articles as `articlesByID`): the closure
            // holds the cards only, where calling `card` on a captured renderer copied the whole
            // renderer for every card of every page.
            let cards = self.cards
            files += fullList(articleIDs, list: "entities/\(entity.id)/articles/", parents: parents, preview: preview,
                              heading: "\(entity.name) · 文章 Articles", lede: "All \(articleIDs.count) articles that mention \(entity.name) (\(entity.nameZh)), newest first",
                              card: { id in cards[id] })
            files += fullList(figures, list: "entities/\(entity.id)/figures/", parents: parents, preview: preview,
                              heading: "\(entity.name) · 数字 Figures", lede: "All \(figures.count) figures the articles state for \(entity.name) (\(entity.nameZh))",
                              claims: claimRow)
        }
        for entity in site.entities where !(eventsByActor[entity.id] ?? []).isEmpty {
            files += timelinePages("timeline/entities/\(entity.id)/", heading: "时间线 · Timeline: \(entity.name) \(entity.nameZh)",
                                   scope: "Events that name \(entity.name)", events: eventsByActor[entity.id] ?? [])
        }
        let groups = Self.typeLabels.compactMap { type, label, _ -> EntityGroup? in
            let members = site.entities.filter { $0.type == type }
                .map { entity in (entity, site.mentions.byEntity[entity.id]?.count ?? 0) }
                .sorted { ($0.1, $1.0.name) > ($1.1, $0.0.name) }
                .compactMap { entityLink($0.0.id, count: $0.1) }
            return members.isEmpty ? nil : EntityGroup(label: label, entities: members)
        }
        let unmentioned = site.entities.filter { !site.mentions.isMentioned($0.id) }
        files.append(page("entities/index.html", template: "entities", EntitiesIndexView(
            layout: layout(title: "实体 Entities", path: "entities/", description: "Countries, companies, elements, places and people the articles name"),
            groups: groups,
            unmentioned: unmentioned.map { entity in
                UnmentionedEntity(anchor: IdentityLinks.unmentionedAnchor(entity.id), name: entity.name, nameZh: entity.nameZh,
                                  typeLabel: Self.kindLabel(entity.type), references: referenceFacts(entity),
                                  timelineURL: (eventsByActor[entity.id] ?? []).isEmpty ? nil : base + "timeline/entities/\(entity.id)/")
            })))
        return files
    }

    /// An entity's page: a summary, then the latest few of its events, figures and articles.
    func entityView(_ entity: Entity) -> EntityPageView {
        let base = site.config.basePath
        let preview = Self.entityPreview
        // Every id of the mention index is an article of the site; only those shown are looked up
        // (China is named in nearly every article).
        let ids = site.mentions.byEntity[entity.id] ?? []
        let article = { (id: String) in self.chartContext.articlesByID[id] }
        let events = eventsByActor[entity.id] ?? []
        let figures = claimsByEntity[entity.id] ?? []
        let coMentioned = (self.coMentioned[entity.id] ?? []).compactMap { entityLink($0.entity, count: $0.articles) }
        var contents: [ContentsEntry] = []
        if !events.isEmpty { contents.append(ContentsEntry(anchor: "events-title", label: "时间线 Timeline (\(events.count))")) }
        if !figures.isEmpty { contents.append(ContentsEntry(anchor: "figures-title", label: "数字 Figures (\(figures.count))")) }
        contents.append(ContentsEntry(anchor: "articles-title", label: "文章 Articles (\(ids.count))"))
        if !coMentioned.isEmpty { contents.append(ContentsEntry(anchor: "related-title", label: "常一起出现 Often mentioned with")) }
        return EntityPageView(
            layout: layout(title: "\(entity.name) · \(entity.nameZh)", path: "entities/\(entity.id)/",
                           description: entity.about?.english ?? "\(entity.name) (\(entity.nameZh)): \(ids.count) articles, figures and events"),
            entity: entity, typeLabel: Self.kindLabel(entity.type),
            summary: entitySummary(entity, count: ids.count, first: ids.last.flatMap { article($0) }, latest: ids.first.flatMap { article($0) }),
            contents: ContentsEntry.ifLong(contents),
            articles: ids.prefix(preview).compactMap { article($0) }.map { card($0) }, articleCount: ids.count,
            allArticlesURL: ids.count > preview ? base + "entities/\(entity.id)/articles/" : nil,
            coMentioned: coMentioned,
            figures: figures.prefix(preview).map { claimRow($0) }, figureCount: figures.count,
            allFiguresURL: figures.count > preview ? base + "entities/\(entity.id)/figures/" : nil,
            events: eventRows(Array(events.suffix(preview))), eventCount: events.count,
            timelineURL: events.isEmpty ? nil : base + "timeline/entities/\(entity.id)/")
    }

    /// A chip linking an entity's page; nil for an entity without one.
    func entityLink(_ id: String, count: Int) -> EntityLink? {
        guard let entity = chartContext.entityNames[id], site.mentions.isMentioned(id) else { return nil }
        let name = entity.name == entity.nameZh ? entity.name : "\(entity.name) \(entity.nameZh)"
        return EntityLink(name: name, url: site.config.basePath + "entities/\(id)/", language: Language.detect(entity.name), count: count)
    }

    /// `articles`: those that name the entity, newest first.
    /// `count` articles name the entity, `first` the earliest and `latest` the newest.
    func entitySummary(_ entity: Entity, count: Int, first: Article?, latest: Article?) -> EntitySummary {
        var facts = [SummaryFact(label: "类型 Kind", value: Self.kindLabel(entity.type), language: .chinese)]
        facts.append(SummaryFact(label: "提到它的文章 Articles naming it", value: TopicCard.countLabel(count), language: .chinese, url: "#articles-title"))
        if let first, let latest {
            let mention = { (article: Article) in "\(article.published.dateOnly) · \(article.title)" }
            facts.append(SummaryFact(label: "最早提到 First mentioned", value: mention(first), language: first.titleLanguage, url: card(first).url))
            if latest.id != first.id {
                facts.append(SummaryFact(label: "最近提到 Latest mention", value: mention(latest), language: latest.titleLanguage, url: card(latest).url))
            }
        }
        // "Dysprosium" and "dysprosium" are one spelling to a reader, and "Dysprosium" is already
        // in the heading "Dysprosium (Dy)".
        let bareName = entity.name.split(separator: " (").first.map(String.init) ?? entity.name
        var seen = Set([entity.name.lowercased(), bareName.lowercased(), entity.nameZh])
        let aliases = entity.aliases.filter { seen.insert($0.lowercased()).inserted }
        if !aliases.isEmpty {
            facts.append(SummaryFact(label: "也写作 Also written", value: aliases.joined(separator: " · "), language: Language.detect(aliases.joined())))
        }
        let source = entity.about.flatMap { about in descriptionSource(about.source.target) }
        return EntitySummary(descriptionEn: entity.about?.english, descriptionZh: entity.about?.chinese,
                             sourceTitle: source?.title, sourceURL: source?.url, facts: facts, references: referenceFacts(entity))
    }

    /// The title and address of the page a description cites (an article or a dataset).
    func descriptionSource(_ target: String) -> (title: String, url: String)? {
        guard let path = markdown.links?.resolve(target) else { return nil }
        let url = site.config.basePath + path
        if target.hasPrefix("@/articles/") {
            let slug = String(target.dropFirst("@/articles/".count))
            if let index = site.articles.firstIndex(where: { $0.slug == slug }) { return (site.articles[index].title, url) }
        }
        if let dataset = site.datasets.first(where: { "@/data/\($0.id)" == target }) { return (dataset.title, url) }
        return (target, url)
    }

    /// What the reference datasets say about the entity, each with its edition: USGS reserves
    /// and mine production (tonnes and share of the world), the IEA's shares of the magnet
    /// rare earths, and China's export controls that name an element.
    func referenceFacts(_ entity: Entity) -> [SummaryFact] {
        let base = site.config.basePath
        let mine = chartContext.references.filter { $0.entity == entity.id }
        var facts: [SummaryFact] = []
        if let tonnes = ReferenceFigures.latest(mine.filter { $0.metric == .reservesTonnes }).first {
            let share = mine.first { $0.metric == .reservesShare && $0.source == tonnes.source }
            facts.append(SummaryFact(label: "储量 Reserves", value: FigureText.amount(tonnes.value, unit: .tonnes) + (share.map { ", \($0.valueText) of the world's" } ?? ""),
                                     url: base + "data/reserves/", source: tonnes.source))
        }
        if let tonnes = ReferenceFigures.latest(mine.filter { $0.metric == .productionTonnes }).first, let year = tonnes.year {
            let share = mine.first { $0.metric == .productionShare && $0.source == tonnes.source && $0.year == year && $0.dataset == tonnes.dataset }
            facts.append(SummaryFact(label: "矿山产量 Mine production, \(year)", value: FigureText.amount(tonnes.value, unit: .tonnes) + (share.map { ", \($0.valueText) of the world's" } ?? ""),
                                     url: base + "data/mine-production/", source: tonnes.source))
        }
        let iea = mine.filter { $0.source == "IEA" }.sorted { ($0.metric.stageOrder, $0.year ?? 0) < ($1.metric.stageOrder, $1.year ?? 0) }
        if let year = iea.compactMap(\.year).max() {
            let stages = iea.filter { $0.year == year }.map { "\($0.valueText) of \($0.metric.stageName)" }
            facts.append(SummaryFact(label: "磁体稀土份额 Share of magnet rare earths, \(year)", value: stages.joined(separator: ", "),
                                     url: base + "data/china-share-chain/", source: "IEA"))
        }
        if entity.type == "element", let controls = chartContext.dataset("china-export-controls"),
           let word = entity.name.split(separator: " ").first?.lowercased() {
            for row in controls.rows where (row["elements"] ?? "").lowercased().contains(word) {
                let measure = (row["measure"] ?? "").split(separator: ":").first.map(String.init) ?? ""
                let status = (row["status"] ?? "").split(separator: ";").first.map(String.init) ?? ""
                facts.append(SummaryFact(label: "中国出口管制 China's export controls", value: "\(measure), \(row["date"] ?? ""): \(status)",
                                         url: base + "data/#dataset-china-export-controls"))
            }
        }
        return facts
    }
}

extension Metric {
    /// Where a share stands along the chain, for listing an entity's shares in chain order.
    var stageOrder: Int { [.reservesShare: 0, .productionShare: 1, .refiningShare: 2, .magnetShare: 3][self] ?? 4 }

    /// "mining", "refining", "magnets": the stage a share is of.
    var stageName: String { [.reservesShare: "reserves", .productionShare: "mining", .refiningShare: "refining", .magnetShare: "magnets"][self] ?? label }
}
