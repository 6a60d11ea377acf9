import Foundation
import Testing
@testable import Atlas

/// Topics, entities and the timeline on the real site.
@Suite struct ExplainerTests {
    static let site = TemporaryFolder.builtSiteCopy()

    static let prepared: Site = {
        var log = DiagnosticLog()
        return Builder(options: .init(root: TestPaths.repository)).prepare(log: &log)!.site
    }()

    func page(_ path: String) throws -> String { try #require(Self.site.read("public/" + path), "missing \(path)") }

    func links(_ html: String) -> [String] { html.matches(of: /href="([^"]*)"/).map { String($0.1) } }

    @Test func everyArticleLinksItsTopicsAnEntityAndItsPlaceOnTheTimeline() throws {
        let timeline = try page("timeline/index.html")
        for article in Self.prepared.articles {
            let html = try page("articles/\(article.slug)/index.html")
            let hrefs = links(html)
            for topic in Self.prepared.topics where article.topics.contains(topic.name) {
                #expect(hrefs.contains("/topics/\(topic.slug)/"), "\(article.slug) → topic \(topic.slug)")
            }
            #expect(hrefs.contains { $0.hasPrefix("/entities/") && $0 != "/entities/" }, "\(article.slug) links no entity")
            let anchor = try #require(hrefs.first { $0.hasPrefix("/timeline/#e-p") })
            #expect(timeline.contains("id=\"\(anchor.dropFirst("/timeline/#".count))\""))
        }
    }

    @Test func topicsAndEntitiesAreWithinTwoClicksOfHome() throws {
        var reached: Set<String> = ["index.html"]
        var frontier = ["index.html"]
        for _ in 0..<2 {
            var next: [String] = []
            for path in frontier {
                for href in links(try page(path)) where href.hasPrefix("/") && !href.contains("#") && href.hasSuffix("/") {
                    let target = String(href.dropFirst()) + "index.html"
                    if reached.insert(target).inserted { next.append(target) }
                }
            }
            frontier = next
        }
        for topic in Self.prepared.topics { #expect(reached.contains("topics/\(topic.slug)/index.html")) }
        for entity in Self.prepared.entities where Self.prepared.mentions.isMentioned(entity.id) {
            #expect(reached.contains("entities/\(entity.id)/index.html"), "\(entity.id)")
        }
    }

    /// The full timeline's entries in page order: event rows and the publications folded under their month.
    func timelineEntries(_ html: String) -> [String] {
        html.matches(of: /<li (?:class="event[^"]*" )?id="e-([a-z0-9-]+)"/).map { String($0.1) }
    }

    @Test func theTimelineIsInDateOrderWithHonestPrecisionAndMarkedTargets() throws {
        let html = try page("timeline/index.html")
        let events = Self.prepared.events
        // Every entry once, in the timeline's order, which is date order with a loose date at the
        // start of its period (a month's publications are listed after its events).
        let shown = timelineEntries(html)
        #expect(shown.count == events.count && Set(shown) == Set(events.map(\.id)))
        #expect(shown.filter { !$0.hasPrefix("p") } == events.filter { $0.kind != .publication }.map(\.id))
        #expect(shown.filter { $0.hasPrefix("p") } == events.filter { $0.kind == .publication }.map(\.id))
        #expect(zip(events, events.dropFirst()).allSatisfy { !($1.sortKey < $0.sortKey) })
        // A month-only event says the day is not stated, under its month's heading.
        let monthOnly = try #require(events.first { $0.precision == .month && $0.approximation == nil && $0.kind == .event })
        #expect(html.contains("<time class=\"event-precision\" datetime=\"\(monthOnly.dateText)\">日期未说明 · day not stated</time>"))
        // Targets are visibly marked and never shown as past events.
        let target = try #require(events.first { $0.status == .target && $0.summary.contains("February 2027") })
        #expect(html.contains("<li class=\"event on-timeline target\" id=\"e-\(target.id)\">"))
        #expect(html.contains("目标/预测 Target or forecast"))
        for event in events where event.kind == .event {
            let published = try #require(Self.prepared.articles.first { $0.id == event.article }).published.local
            if EventExtractor.isAfter(year: event.year, month: event.month, day: event.day, precision: event.precision, published) {
                #expect(event.status == .target, "\(event.dateText) after publication but shown as happened")
            }
        }
        let csv = try page("data/events.csv")
        #expect(csv.hasPrefix("id,date,precision,kind,status,summary,actors,article,quote"))
        let json = try JSONSerialization.jsonObject(with: Data(try page("data/events.json").utf8)) as? [[String: Any]]
        #expect(json?.count == events.count)
    }

    /// The year is said by its heading, the month by its heading, the day beside the entry:
    /// nothing on the timeline repeats a date its headings already give.
    @Test func timelineDatesAreSaidOnce() throws {
        let html = try page("timeline/index.html")
        let years = Set(Self.prepared.events.map(\.year))
        for year in years {
            #expect(html.components(separatedBy: "<h2 id=\"y-\(year)\"").count == 2, "year \(year) heading")
        }
        let monthHeadings = html.matches(of: /<h3 id="m-[0-9-]+">([^<]*)<\/h3>/).map { String($0.1) }
        #expect(!monthHeadings.isEmpty)
        #expect(monthHeadings.allSatisfy { !$0.contains(/(19|20)\d\d/) }, "\(monthHeadings)")
        let badges = html.matches(of: /<time class="event-day" datetime="[0-9-]+">([^<]*)<\/time>/).map { String($0.1) }
        #expect(badges.count == Self.prepared.events.filter { $0.kind != .publication && $0.precision == .day }.count)
        #expect(badges.allSatisfy { Int($0).map { (1...31).contains($0) } ?? false }, "\(badges)")
        let published = html.matches(of: /<time class="published-day" datetime="[0-9-]+">([^<]*)<\/time>/).map { String($0.1) }
        #expect(published.allSatisfy { Int($0) != nil })
        // The old triple form ("2025 › 2025年4月 · April 2025 › 2025年4月4日 · 4 April 2025") is gone.
        #expect(!html.contains("年4月4日 · 4 April"))
    }

    /// Publications are counted under their month and listed in a fold, not shown as entries of their own.
    @Test func publicationStubsAreFoldedIntoMonthlyCounts() throws {
        let html = try page("timeline/index.html")
        #expect(!html.contains("发表 Published"))
        let months = html.components(separatedBy: "<li class=\"timeline-month\">").dropFirst()
        var folded = 0
        for month in months {
            let rows = month.components(separatedBy: "<li id=\"e-p").count - 1
            guard rows > 0 else { continue }
            let label = try #require(month.firstMatch(of: /<summary>本月发表 (\d+) 篇文章 · (\d+) articles? published this month<\/summary>/))
            #expect(Int(label.1) == rows && Int(label.2) == rows)
            folded += rows
        }
        #expect(folded == Self.prepared.articles.count)
        for event in Self.prepared.events where event.kind == .publication {
            #expect(!html.contains("<li class=\"event on-timeline\" id=\"e-\(event.id)\">"))
        }
        // The overview axis links every month that has entries to its heading.
        let cells = html.matches(of: /class="axis-cell level-\d" href="\/timeline\/#(m-[0-9-]+)"/).map { String($0.1) }
        #expect(Set(cells) == Set(Self.prepared.events.filter { $0.month != nil }.map { "m-" + SiteRenderer.monthKey($0) }))
        #expect(cells.allSatisfy { html.contains("id=\"\($0)\"") })
    }

    /// "Early this month" stands at the start of its month and says it is approximate; a
    /// sentence dated "on the same day" follows the one it leans on and shows it.
    @Test func relativeDatesAreSortedAndExplained() throws {
        let html = try page("timeline/index.html")
        let events = Self.prepared.events
        let early = try #require(events.first { $0.approximation == .early && $0.precision == .month })
        let laterDays = events.filter { $0.year == early.year && $0.month == early.month && $0.day != nil }
        #expect(!laterDays.isEmpty)
        let order = timelineEntries(html)
        for day in laterDays { #expect(order.firstIndex(of: early.id)! < order.firstIndex(of: day.id)!, "\(day.dateText)") }
        #expect(html.contains("月初（约） · early in the month (approximate)"))
        let sameDay = try #require(events.first { $0.rule.hasPrefix("same-day") })
        let antecedent = try #require(events.first { $0.article == sameDay.article && $0.id != sameDay.id && $0.dateText == sameDay.dateText })
        #expect(order.firstIndex(of: antecedent.id)! < order.firstIndex(of: sameDay.id)!)
        let row = try #require(html.components(separatedBy: "id=\"e-\(sameDay.id)\"").dropFirst().first?.components(separatedBy: "</li>").first)
        // The sentence it leans on is quoted with it, unless that sentence is the row just above.
        let kinds = Dictionary(events.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let rows = order.filter { kinds[$0] != .publication }
        let above = rows.firstIndex(of: sameDay.id).flatMap { $0 > 0 ? rows[$0 - 1] : nil }
        #expect(row.contains("前文 Earlier in the article:") == (above != antecedent.id), "\(row)")
        #expect(row.contains(HTMLEscape.text(antecedent.summary)) == (above != antecedent.id))
        // On the article's entity pages, where the other sentence may not be listed, it is quoted when it is not just above.
        for actor in sameDay.actors where !antecedent.actors.contains(actor) {
            let slice = try page("timeline/entities/\(actor)/index.html")
            let sliceRow = try #require(slice.components(separatedBy: "id=\"e-\(sameDay.id)\"").dropFirst().first?.components(separatedBy: "</li>").first)
            #expect(sliceRow.contains("前文 Earlier in the article:"), "\(actor)")
        }
    }

    @Test func slicesFilterTheTimelineWithoutJavaScript() throws {
        for topic in Self.prepared.topics {
            let slice = try page("timeline/topics/\(topic.slug)/index.html")
            #expect(!slice.contains("<script"))
            #expect(slice.contains("id=\"e-p"))
        }
        #expect(try page("timeline/entities/china/index.html").contains("class=\"event"))
    }

    @Test func chineseAndEnglishMentionsLandOnOnePage() throws {
        let site = TemporaryFolder.siteCopy()
        site.write("content/articles/zh.md", "---\ntitle: 美国的稀土政策\ndate: 2026-03-01\nsource: 测试\n---\n美国宣布新的稀土政策。\n")
        site.write("content/articles/en.md", "---\ntitle: A U.S. policy\ndate: 2026-03-02\nsource: Test\n---\nThe United States announced a policy.\n")
        #expect(Builder(options: .init(root: site.url)).build().succeeded)
        let html = try #require(site.read("public/entities/united-states/index.html"))
        #expect(html.contains("美国的稀土政策"))
        #expect(html.contains("A U.S. policy"))
    }

    /// An entity no article names gets no page that would say "mentioned in 0 articles": its
    /// old address redirects to its entry on the index, and no page links to it.
    @Test func noEntityPageSaysItIsMentionedInNoArticle() throws {
        let site = Self.prepared
        let unmentioned = site.entities.filter { !site.mentions.isMentioned($0.id) }
        #expect(!unmentioned.isEmpty && unmentioned.count < site.entities.count)
        let index = try page("entities/index.html")
        for entity in site.entities {
            let html = try page("entities/\(entity.id)/index.html")
            #expect(!html.contains("mentioned in 0 articles"), "\(entity.id)")
            if site.mentions.isMentioned(entity.id) {
                #expect(html.contains("<section class=\"entity-summary\""), "\(entity.id)")
            } else {
                #expect(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=/entities/#entity-\(entity.id)\">"), "\(entity.id)")
                #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
                #expect(index.contains("<li id=\"entity-\(entity.id)\">"), "\(entity.id)")
                #expect(!index.contains("href=\"/entities/\(entity.id)/\""))
            }
        }
        let root = Self.site.url.appendingPathComponent("public")
        for (path, data) in snapshot(root) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for entity in unmentioned { #expect(!html.contains("href=\"/entities/\(entity.id)/\""), "\(path) links \(entity.id)") }
        }
        let problems = LinkWalker(root: root, basePath: "/").check().problems
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        // The redirects are not pages: the sitemap leaves them out.
        let sitemap = try page("sitemap.xml")
        for entity in unmentioned { #expect(!sitemap.contains("/entities/\(entity.id)/<")) }
    }

    /// The count of an entity's articles is the count of articles whose page names it: the body
    /// links an entity at its first mention, so every entity an article page links is one the
    /// mention index counts for that article. (The dumps split names with line-wrap spaces,
    /// `中国外 交部`; counting the raw line missed them and left pages saying "0 articles".)
    @Test func everyEntityAnArticleLinksIsCountedForIt() throws {
        for article in Self.prepared.articles {
            let html = try page("articles/\(article.slug)/index.html")
            let linked = Set(html.matches(of: /<a class="entity" href="\/entities\/([a-z0-9-]+)\/"/).map { String($0.1) })
            let counted = Set((Self.prepared.mentions.byArticle[article.id] ?? [:]).keys)
            #expect(linked.isSubset(of: counted), "\(article.slug): \(linked.subtracting(counted))")
        }
        let foreignMinistry = Self.prepared.mentions.byEntity["china-foreign-ministry"] ?? []
        #expect(foreignMinistry.count == 1)
    }

    @Test func everyPublishedEntityHasASourcedDescription() throws {
        let site = Self.prepared
        let links = IdentityLinks(site: site)
        for entity in site.entities where site.mentions.isMentioned(entity.id) {
            let about = try #require(entity.about, "\(entity.id) has no description")
            #expect(about.english.count > 20 && about.chinese.count > 8, "\(entity.id)")
            #expect(!about.chinese.contains(/\p{Script=Han}[,.;:!?()]/), "\(entity.id): half-width punctuation in Chinese copy")
            let target = try #require(links.resolve(about.source.target), "\(entity.id): \(about.source.target)")
            if let article = site.articles.first(where: { "@/articles/\($0.slug)" == about.source.target }) {
                #expect(site.mentions.byArticle[article.id]?[entity.id] != nil, "\(entity.id): its source does not name it")
            } else {
                let dataset = try #require(site.datasets.first { "@/data/\($0.id)" == about.source.target }, "\(entity.id)")
                #expect(dataset.csv.lowercased().contains(entity.name.lowercased()) || dataset.csv.contains(entity.nameZh), "\(entity.id)")
            }
            let html = try page("entities/\(entity.id)/index.html")
            #expect(html.contains(HTMLEscape.text(about.chinese)) && html.contains(HTMLEscape.text(about.english)), "\(entity.id)")
            #expect(html.contains("来源 Source: <a href=\"/\(target)\""), "\(entity.id)")
        }
    }

    @Test func aMissingOrUnsupportedDescriptionIsReported() throws {
        let site = TemporaryFolder.siteCopy()
        var registry = try #require(site.read("content/entities.yml"))
        // Japan loses its description; Malaysia's cites the Japanese seabed article, which never names Malaysia.
        let japan = try #require(registry.range(of: "- id: japan\n"))
        let japanEntry = registry[japan.upperBound...].prefix { _ in true }.components(separatedBy: "\n- id:")[0]
        let stripped = japanEntry.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  description") && !$0.hasPrefix("  source") }.joined(separator: "\n")
        registry = registry.replacingOccurrences(of: japanEntry, with: stripped)
        let malaysia = try #require(registry.range(of: "- id: malaysia\n"))
        let malaysiaSource = try #require(registry[malaysia.upperBound...].range(of: "  source: \"@/articles/mei-guo-xi-tu-jin-kou-de-lai-yuan-jie-gou-70-lai-zi-zhong-guo\""))
        registry.replaceSubrange(malaysiaSource, with: "  source: \"@/articles/ri-ben-qi-dong-hai-di-xi-tu-shi-cai-li-zheng-30-nian-shang-ye\"")
        site.write("content/entities.yml", registry)
        let lines = registry.split(separator: "\n", omittingEmptySubsequences: false)
        let japanLine = try #require(lines.firstIndex { $0 == "- id: japan" }) + 1
        let sourceLine = try #require(lines.firstIndex { $0.contains("ri-ben-qi-dong-hai-di") }) + 1
        let warnings = Checker(options: .init(root: site.url)).check().filter { $0.severity == .warning }
        #expect(warnings.contains { $0.message.contains("the entity `japan` is mentioned in") && $0.location?.line == japanLine })
        #expect(warnings.contains { $0.message.contains("the description of `malaysia` cites") && $0.location?.line == sourceLine })
        // A description without its source is an error at the entry.
        site.write("content/entities.yml", registry.replacingOccurrences(of: "  source: \"@/articles/ri-ben-qi-dong-hai-di-xi-tu-shi-cai-li-zheng-30-nian-shang-ye\"\n", with: ""))
        let errors = Checker(options: .init(root: site.url)).check().filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains("the entity `malaysia` needs `description`, `description_zh` and a `source` together") })
    }

    /// China's page opens on what it is, how often and since when the articles name it and what
    /// the reference data say, then a table of contents to its labelled sections, each showing
    /// the latest few of its list.
    @Test func entityPagesOpenOnASummaryAndContents() throws {
        let site = Self.prepared
        let html = try page("entities/china/index.html")
        let articles = try #require(site.mentions.byEntity["china"]).compactMap { id in site.articles.first { $0.id == id } }
        let (first, latest) = (try #require(articles.last), try #require(articles.first))
        #expect(html.contains("<dt>最早提到 First mentioned</dt> <dd lang=\"\(first.titleLanguage.rawValue)\"><a href=\"/articles/\(first.slug)/\">\(first.published.dateOnly) · "))
        #expect(html.contains("<dt>最近提到 Latest mention</dt> <dd lang=\"\(latest.titleLanguage.rawValue)\"><a href=\"/articles/\(latest.slug)/\">\(latest.published.dateOnly) · "))
        #expect(html.contains(TopicCard.countLabel(articles.count)))
        // The reference figures carry their edition and link to their data.
        let reserves = try #require(ReferenceFigures.latest(site.references.filter { $0.entity == "china" && $0.metric == .reservesTonnes }).first)
        #expect(html.contains("<dt>储量 Reserves</dt> <dd>\(FigureText.amount(reserves.value, unit: .tonnes)), "))
        #expect(html.contains(" · \(reserves.source) <a class=\"nowrap\" href=\"/data/reserves/\">"))
        // Every contents entry leads to a section heading on the page.
        let contents = try #require(html.components(separatedBy: "<nav class=\"toc\"").dropFirst().first?.components(separatedBy: "</nav>").first)
        let anchors = contents.matches(of: /href="#([a-z-]+)"/).map { String($0.1) }
        #expect(anchors.count >= 3)
        for anchor in anchors { #expect(html.contains("<h2 id=\"\(anchor)\">"), "\(anchor)") }
        #expect(html.components(separatedBy: "<li class=\"card").count - 1 == min(articles.count, SiteRenderer.entityPreview))
        #expect(html.contains("显示 \(SiteRenderer.entityPreview) 篇，共 \(articles.count) 篇"))
        // An element's page names the export controls that list it.
        #expect(try page("entities/dysprosium/index.html").contains("<dt>中国出口管制 China&#39;s export controls</dt> <dd>MOFCOM &amp; GAC Announcement No. 18 of 2025, 2025-04-04"))
    }

    @Test func entityMatchingRespectsWordsAndLongerNames() {
        let entities = [
            Entity(id: "us", type: "country", name: "United States", nameZh: "美国", aliases: ["US", "U.S."], origin: SourceLocation(file: "e", line: 1)),
            Entity(id: "china", type: "country", name: "China", nameZh: "中国", aliases: [], origin: SourceLocation(file: "e", line: 2)),
            Entity(id: "northern", type: "company", name: "Northern Rare Earth", nameZh: "中国北方稀土", aliases: ["北方稀土"], origin: SourceLocation(file: "e", line: 3)),
        ]
        let matcher = EntityMatcher(entities: entities)
        #expect(matcher.mentions(in: Array("BUSINESS in the US and USA")).map(\.entity) == ["us"])
        #expect(matcher.mentions(in: Array("中国北方稀土与中国")).map(\.entity) == ["northern", "china"])
    }

    @Test func aSharedAliasIsAWarningNamingBoth() {
        var log = DiagnosticLog()
        let yaml = "- id: a\n  type: country\n  name: A\n  name_zh: 甲\n  aliases: [Same]\n- id: b\n  type: country\n  name: B\n  name_zh: 乙\n  aliases: [Same]\n"
        _ = EntityRegistryReader.read(TextFile(path: "content/entities.yml", text: yaml), log: &log)
        #expect(log.warnings.count == 1)
        #expect(log.warnings.first?.message.contains("`a`") == true && log.warnings.first?.message.contains("`b`") == true)
        #expect(log.warnings.first?.location?.line == 6)
    }

    @Test func identityLinksResolveAndBrokenOnesFailAtTheirPosition() throws {
        let site = TemporaryFolder.siteCopy()
        site.write("content/topics/new-topic.md", "---\ntitle_zh: 稀土回收\ntitle_en: Rare-earth recycling\nslug: recycling\norder: 9\n---\nSee [China](@/entities/china), [the data](@/data/reserves) and [a topic](@/topics/neodymium).\n")
        #expect(Builder(options: .init(root: site.url)).build().succeeded)
        let topic = try #require(site.read("public/topics/recycling/index.html"))
        #expect(topic.contains("href=\"/entities/china/\""))
        #expect(topic.contains("href=\"/data/reserves/\""))
        #expect(try #require(site.read("public/topics/index.html")).contains("/topics/recycling/"))
        site.write("content/topics/new-topic.md", "---\ntitle_zh: 稀土回收\ntitle_en: Rare-earth recycling\n---\nLine\nSee [China](@/entities/chna).\n")
        let report = Builder(options: .init(root: site.url)).build()
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.location == SourceLocation(file: "content/topics/new-topic.md", line: 6, column: 13))
        #expect(error.message.contains("did you mean `@/entities/china`"))
    }

    @Test func relatedArticlesAreFewDeterministicAndNeverSelf() {
        for (article, related) in Self.prepared.related {
            #expect(related.count <= 5)
            #expect(!related.contains(article))
        }
        var log = DiagnosticLog()
        let again = Builder(options: .init(root: TestPaths.repository)).prepare(log: &log)!.site.related
        #expect(again == Self.prepared.related)
    }
}

/// `atlas check` on the real content: nothing to report; on a broken tree: every kind of problem.
@Suite struct CheckCommandTests {
    @Test func theRealContentIsClean() {
        let diagnostics = Checker(options: .init(root: TestPaths.repository)).check()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func aBrokenTreeReportsEveryProblemWithItsPlace() throws {
        let site = TemporaryFolder.siteCopy()
        site.write("content/pages/broken.md", "---\ntitle: Broken\ndate: 2025-02-30\n---\nSee [nothing](/articles/nope/).\n\n```chart reservs\n```\n")
        site.write("templates/chart.mustache", (site.read("templates/chart.mustache") ?? "").replacingOccurrences(of: "{{summary}}", with: "{{sumary}}"))
        let places = Checker(options: .init(root: site.url)).check().filter { $0.severity == .error }.map { $0.location?.description ?? "" }
        #expect(places.contains("content/pages/broken.md:3:7"))       // the impossible date
        #expect(places.contains("content/pages/broken.md:5:15"))      // the broken link
        #expect(places.contains("content/pages/broken.md:7:4"))       // the unknown chart
        #expect(places.contains { $0.hasPrefix("templates/chart.mustache:") })  // the unknown key
        #expect(site.read("public/index.html") == nil)                // nothing written
    }

    @Test func newScaffoldsAndNeverOverwrites() throws {
        let site = TemporaryFolder.siteCopy()
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        let page = try Scaffold.create(kind: .page, title: "Glossary \"terms\"", english: nil, slug: nil, root: site.url, today: date).get()
        #expect(page == Scaffold.Created(file: "content/pages/glossary-terms.md", url: "/glossary-terms/", isDraft: true, listedOn: page.listedOn))
        let topic = try Scaffold.create(kind: .topic, title: "稀土回收", english: "Rare-earth recycling", slug: nil, root: site.url, today: date).get()
        #expect(topic == Scaffold.Created(file: "content/topics/rare-earth-recycling.md", url: "/topics/rare-earth-recycling/", isDraft: false, listedOn: topic.listedOn))
        // An article's file is named after its slug, which is its URL; it starts as a draft.
        let article = try Scaffold.create(kind: .article, title: "日本启动海底稀土试采", english: nil, slug: nil, root: site.url, today: date,
                                          basePath: "/atlas/", source: "日经中文网").get()
        #expect(article == Scaffold.Created(file: "content/articles/ri-ben-qi-dong-hai-di-xi-tu-shi-cai.md", url: "/atlas/articles/ri-ben-qi-dong-hai-di-xi-tu-shi-cai/",
                                            isDraft: true, listedOn: article.listedOn))
        guard case .failure(let error) = Scaffold.create(kind: .page, title: "Glossary terms", english: nil, slug: nil, root: site.url, today: date) else {
            Issue.record("overwrote a file"); return
        }
        #expect(error.message.contains("already exists"))
        // What it writes builds (the page is a draft until the editor publishes it).
        #expect(Builder(options: .init(root: site.url, includeDrafts: true)).build().succeeded)
        #expect(site.read("public/glossary-terms/index.html") != nil)
        #expect(site.read("public/topics/rare-earth-recycling/index.html") != nil)
        let articleHTML = try #require(site.read("public/articles/ri-ben-qi-dong-hai-di-xi-tu-shi-cai/index.html"))
        #expect(articleHTML.contains("日本启动海底稀土试采") && articleHTML.contains("日经中文网"))
        // Without --drafts the skeleton is read and checked, but not published.
        let published = Builder(options: .init(root: site.url)).build()
        #expect(published.succeeded, "\(published.diagnostics)")
        #expect(site.read("public/articles/ri-ben-qi-dong-hai-di-xi-tu-shi-cai/index.html") == nil)
    }
}
