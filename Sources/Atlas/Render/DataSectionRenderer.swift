import Foundation

/// The data section: `/data/` (charts, datasets, the claim ledger), one page per chart with its
/// table and CSV, `/data/conflicts/`, and the machine-readable exports.
extension SiteRenderer {
    func dataSection() -> [RenderJob] {
        let base = site.config.basePath
        let chartViews = charts.map { chartView($0) }
        var files: [RenderJob] = []
        let byMetric = Dictionary(grouping: site.claims, by: { $0.metric })
        let ledger = Metric.allCases.compactMap { metric -> LedgerGroup? in
            guard let claims = byMetric[metric] else { return nil }
            return LedgerGroup(metric: metric, count: claims.count, url: base + metric.ledgerList)
        }
        for metric in Metric.allCases {
            guard let claims = byMetric[metric] else { continue }
            let heading = "数字账本 Claim ledger: \(metric.label)"
            let lede = claims.count == 1 ? "文章中这类数字只有 1 个，附原句和文章 · The one figure of this kind the articles state, with its quote and article"
                : "文章中这类数字共 \(claims.count) 个，每个都附原句和文章 · All \(claims.count) figures of this kind that the articles state, each with its quote and article"
            files += paged(claims, list: metric.ledgerList, template: "listing", title: heading, description: lede, language: .english) { chunk, layout, pager in
                ListingView(layout: layout, parents: [TopicLink(name: "数据 Data", url: base + "data/")], heading: heading, lede: lede,
                            claims: chunk.map { claimRow($0) }, pager: pager, firstIndex: chunk.startIndex, total: claims.count)
            }
        }
        let disagreements = conflictGroups.filter { $0.kind == .articles }.count
        let datasets = site.datasets.map { DatasetRow(dataset: $0, csvURL: base + "data/\($0.id).csv", metadataURL: base + "data/\($0.id).metadata.json") }
        files.append(page("data/index.html", template: "data", DataPageView(
            layout: layout(title: "数据 Data", path: "data/", description: "Charts, reference datasets and every figure the articles state, each with its quote", language: .english),
            charts: chartViews, ledger: ledger, datasets: datasets, claimCount: site.claims.count, conflictCount: disagreements)))
        for chart in charts {
            let view = chartView(chart, embedded: false)
            let name = chart.name
            var pageLayout = layout(title: view.chart.title, path: "data/\(name)/", description: view.chart.summary, language: .english)
            if let png = chartImages[name] {
                files.append(RenderJob(OutputFile(path: "data/\(name)/\(name).png", data: png)))
                // The preview a link to the chart shows (an absolute URL, as Open Graph asks).
                if let url = site.config.absoluteURL("data/\(name)/\(name).png") {
                    pageLayout.image = ShareImage(url: url, width: ChartExport.width * Double(ChartRasterizer.zoom),
                                                  height: view.chart.standaloneHeight * Double(ChartRasterizer.zoom), alt: view.chart.title)
                }
            }
            files.append(page("data/\(name)/index.html", template: "chart", ChartPageView(layout: pageLayout, chart: view)))
            files.append(text("data/\(name)/data.csv", inputs: RenderInputs(view.chart)) { view.chart.csv })
            files.append(text("data/\(name)/\(name).svg", inputs: RenderInputs(view.chart)) { view.chart.standalone })
        }
        files += conflictPages()
        let exportInputs = RenderInputs(ExportInputs(claims: site.claims, events: [], articles: articleStamps, basePath: site.config.basePath))
        files.append(streamed("data/claims.csv", inputs: exportInputs) { Exports.claimsCSV(site, into: $0) })
        files.append(streamed("data/claims.json", inputs: exportInputs) { Exports.claimsJSON(site, into: $0) })
        files.append(text("data/claims.schema.json", inputs: RenderInputs("claims schema")) { Exports.claimsSchema() })
        for dataset in site.datasets {
            files.append(text("data/\(dataset.id).csv", inputs: RenderInputs(dataset)) { dataset.csv })
            files.append(text("data/\(dataset.id).metadata.json", inputs: RenderInputs(dataset)) { Exports.metadata(dataset) })
        }
        return files
    }

    /// A chart as a page shows it: on its own page in full, elsewhere in less detail.
    func chartView(_ chart: Chart, embedded: Bool = true) -> ChartView {
        let folder = site.config.basePath + "data/\(chart.name)/"
        return ChartView(chart: chart, pageURL: folder, csvURL: folder + "data.csv", svgURL: folder + "\(chart.name).svg",
                         pngURL: chartImages[chart.name] == nil ? nil : folder + "\(chart.name).png", isEmbedded: embedded)
    }

    /// The claim's row: the one made in advance (`claimRows`) when it was made from this very
    /// claim (a copy of it, unchanged: equal claims may still differ in their strings' bytes),
    /// else made now.
    func claimRow(_ claim: Claim) -> ClaimRow {
        if let row = claimRows[claim.id], row.claim.isIdentical(to: claim) { return row }
        return makeClaimRow(claim)
    }

    func makeClaimRow(_ claim: Claim) -> ClaimRow {
        let article = chartContext.articlesByID[claim.article]
        let entities = chartContext.entityNames
        func name(_ id: String?) -> String {
            guard let id else { return FigureText.notStated }
            return entities[id].map { "\($0.name) \($0.nameZh)" } ?? id
        }
        return ClaimRow(
            claim: claim, entityName: name(claim.entity), importerName: claim.importer.map(name),
            value: FigureText.bilingual(low: claim.low, high: claim.high, qualifier: claim.qualifier, unit: claim.unit),
            facts: ClaimFacts(claim) { id in entities[id].map { ($0.nameZh, $0.name) } },
            articleTitle: article?.title ?? "", articleLanguage: article?.titleLanguage ?? .chinese,
            articleDate: article?.published.dateOnly ?? "", source: article?.source ?? "",
            quoteURL: chartContext.url(for: claim, in: article), anchorHere: !highlighted.contains(claim.id),
            quoteText: ChineseBodyStructurer.joinWrapped(claim.quote))
    }

    /// The conflicts pages: each comparison with its claims (a group with more claims than fit
    /// shows a sample, `ClaimSample.spread`, and links to the ledger), in three sections, a
    /// fixed number of comparisons to a page so that no page grows with the corpus. Every page
    /// indexes the three sections, each linked on the page where it starts.
    func conflictPages() -> [RenderJob] {
        let groups = conflictGroups
        let pagination = Pagination(size: Self.conflictsPerPage)
        let lastPage = max(1, pagination.pages(groups).count)
        // An empty section stands where its groups would: before the next kind's first group.
        let starts = Self.conflictKinds.map { kind in
            groups.firstIndex { Conflicts.kindOrder($0.kind) >= Conflicts.kindOrder(kind.kind) }.map(pagination.page(ofItemAt:)) ?? lastPage
        }
        let index = zip(Self.conflictKinds, starts).map { kind, start in
            SectionLink(title: kind.title, url: site.config.basePath + Pagination.path("data/conflicts/", page: start) + "#\(kind.anchor)",
                        count: groups.filter { $0.kind == kind.kind }.count)
        }
        return paged(Array(groups.indices), list: "data/conflicts/", template: "conflicts", title: "说法不一 · Where sources disagree",
                     description: "Every figure on which the articles disagree, with each source and the reference value", language: .english,
                     pagination: pagination) { chunk, layout, pager in
            let sections = zip(Self.conflictKinds, starts).compactMap { kind, start -> ConflictSection? in
                let here = chunk.filter { groups[$0].kind == kind.kind }
                guard !here.isEmpty || (start == pager.current && !groups.contains { $0.kind == kind.kind }) else { return nil }
                return ConflictSection(title: kind.title, lede: kind.lede, anchor: kind.anchor, continued: start < pager.current,
                                       conflicts: here.map(conflictView))
            }
            return ConflictsPageView(layout: layout, index: index, sections: sections, pager: pager)
        }
    }

    static let conflictKinds: [(kind: ConflictGroup.Kind, title: String, lede: String, anchor: String)] = [
        (.articles, "说法不一 · Where articles disagree", "Figures for the same quantity that cannot all be true, even allowing for rounding and hedges.", "disagree"),
        (.reference, "与参考数据不符 · Where an article disagrees with the reference data", "One figure, or several that agree with each other, against the USGS or IEA value of the same scope.", "reference"),
        (.explained, "只是看起来不同 · Differences explained by scope, period or status", "The values differ, but each differs in what it measures, when, or whether it is a measurement at all.", "explained"),
    ]

    func conflictView(_ index: Int) -> Conflict {
        let group = conflictGroups[index]
        let shown = ClaimSample.spread(group.claims, limit: Self.conflictRowLimit)
        let apart = ClaimSample.spread(group.setApart.map(\.claim), limit: Self.conflictRowLimit)
        let reasons = Dictionary(group.setApart.map { ($0.claim.id, $0.reason.reason) }, uniquingKeysWith: { a, _ in a })
        let who = chartContext.name(group.entity) + (group.importer.map { " → \(chartContext.name($0))" } ?? "")
        return Conflict(heading: "\(who) · \(group.metric.label) · \(group.comparison.label)", rows: shown.map { claimRow($0) }, details: group.details,
                        total: group.claims.count, ledgerURL: site.config.basePath + group.metric.ledgerList, references: group.references,
                        apart: apart.map { (claimRow($0), reasons[$0.id] ?? "") }, apartTotal: group.setApart.count, note: group.note,
                        anchor: conflictAnchors[index])
    }

    /// The plain anchor (`c-refining_share-china`, where key figures link) goes to the main
    /// comparison of each party's metric, else to its first; the others get their scope.
    static func conflictAnchors(_ groups: [ConflictGroup]) -> [String] {
        var anchors: [Int: String] = [:]
        var used = Set<String>()
        let indexed = Array(groups.enumerated())
        for (_, members) in Dictionary(grouping: indexed, by: { $0.element.anchor }).sorted(by: { $0.key < $1.key }) {
            let main = members.first { $0.element.comparison == Comparison.primary($0.element.metric) } ?? members[0]
            anchors[main.offset] = main.element.anchor
            used.insert(main.element.anchor)
        }
        for (index, group) in indexed where anchors[index] == nil {
            let scope = [group.comparison.commodity, group.comparison.elements.code, group.comparison.measure?.rawValue ?? "all"].joined(separator: "-")
            var anchor = "\(group.anchor)-\(scope)", count = 2
            while used.contains(anchor) { anchor = "\(group.anchor)-\(scope)-\(count)"; count += 1 }
            anchors[index] = anchor
            used.insert(anchor)
        }
        return groups.indices.map { anchors[$0]! }
    }

    /// The conflicts page that shows a group, with its anchor.
    func conflictURL(_ anchor: String) -> String {
        let page = conflictAnchors.firstIndex(of: anchor).map(Pagination(size: Self.conflictsPerPage).page(ofItemAt:)) ?? 1
        return site.config.basePath + Pagination.path("data/conflicts/", page: page) + "#\(anchor)"
    }

    /// A group is up to 48 rows (24 compared, 24 set apart) of about 450 bytes each: ten keep a
    /// page near 200 KB whatever the corpus (the ledger's pages of 100 rows are about 55 KB).
    static let conflictsPerPage = 10
    static let conflictRowLimit = 24

    /// Editor Markdown with charts embedded where a ```` ```chart NAME ```` block stands.
    func markdownHTML(_ text: String, language: Language) -> TrustedHTML {
        // The charts are part of the key: an embedded chart changes with the claims.
        memo.value("markdown\u{0}\(language.rawValue)\u{0}\(site.config.basePath)\u{0}\(site.config.allowsRawHTML)\u{0}" + text,
                   input: charts.filter { text.includes("chart") && text.includes($0.name) }) {
            renderMarkdown(text, language: language)
        }
    }

    private func renderMarkdown(_ text: String, language: Language) -> TrustedHTML {
        var html = markdown.html(text)
        // Charts go in before the language tagger runs, which would add `lang` to the
        // placeholder's paragraph; the tagger leaves the chart's own markup alone.
        for chart in charts where html.includes(Markdown.chartPlaceholder(chart.name)) {
            let figure = templates.render(chartView(chart).mustache, template: "partials/chart-figure")
            html = html.replacingOccurrences(of: "<p>\(Markdown.chartPlaceholder(chart.name))</p>", with: figure)
        }
        return TrustedHTML(BlockLanguageTagger.tag(html, container: language))
    }
}
