import Foundation
import Testing
@testable import Atlas

/// Topics, entities and the timeline on the real site.
@Suite struct ExplainerTests {
    static let site: TemporaryFolder = {
        let site = TemporaryFolder.siteCopy()
        _ = Builder(options: .init(root: site.url)).build()
        return site
    }()

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
        for entity in Self.prepared.entities { #expect(reached.contains("entities/\(entity.id)/index.html"), "\(entity.id)") }
    }

    @Test func theTimelineIsInDateOrderWithHonestPrecisionAndMarkedTargets() throws {
        let html = try page("timeline/index.html")
        let dates = html.matches(of: /<p class="event-date"><time datetime="([0-9-]+)">/).map { String($0.1) }
        #expect(dates.count == Self.prepared.events.count)
        func key(_ d: String) -> [Int] {
            let parts = d.split(separator: "-").map { Int($0)! }
            return [parts[0], parts.count > 1 ? parts[1] : 13, parts.count > 2 ? parts[2] : 32]
        }
        #expect(zip(dates, dates.dropFirst()).allSatisfy { key($0).lexicographicallyPrecedes(key($1)) || key($0) == key($1) })
        // Every publication is there; a month-only event has a month-only datetime and label.
        #expect(Self.prepared.articles.allSatisfy { html.contains("id=\"e-p\(Slug.stableHash($0.id))\"") })
        let monthOnly = try #require(Self.prepared.events.first { $0.precision == .month })
        #expect(html.contains("<time datetime=\"\(monthOnly.dateText)\">\(monthOnly.year)年\(monthOnly.month!)月 · "))
        // Targets are visibly marked and never shown as past events.
        let target = try #require(Self.prepared.events.first { $0.status == .target && $0.summary.contains("February 2027") })
        #expect(html.contains("<li class=\"event target\" id=\"e-\(target.id)\">"))
        #expect(html.contains("目标/预测 Target or forecast"))
        for event in Self.prepared.events where event.kind == .event {
            let published = try #require(Self.prepared.articles.first { $0.id == event.article }).published.local
            if EventExtractor.isAfter(year: event.year, month: event.month, day: event.day, precision: event.precision, published) {
                #expect(event.status == .target, "\(event.dateText) after publication but shown as happened")
            }
        }
        let csv = try page("data/events.csv")
        #expect(csv.hasPrefix("id,date,precision,kind,status,summary,actors,article,quote"))
        let json = try JSONSerialization.jsonObject(with: Data(try page("data/events.json").utf8)) as? [[String: Any]]
        #expect(json?.count == Self.prepared.events.count)
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
        #expect(try Scaffold.create(kind: .page, title: "Glossary \"terms\"", english: nil, slug: nil, root: site.url, today: date).get() == "content/pages/glossary-terms.md")
        #expect(try Scaffold.create(kind: .topic, title: "稀土回收", english: "Rare-earth recycling", slug: nil, root: site.url, today: date).get() == "content/topics/rare-earth-recycling.md")
        guard case .failure(let error) = Scaffold.create(kind: .page, title: "Glossary terms", english: nil, slug: nil, root: site.url, today: date) else {
            Issue.record("overwrote a file"); return
        }
        #expect(error.message.contains("already exists"))
        // What it writes builds (the page is a draft until the editor publishes it).
        #expect(Builder(options: .init(root: site.url, includeDrafts: true)).build().succeeded)
        #expect(site.read("public/glossary-terms/index.html") != nil)
        #expect(site.read("public/topics/rare-earth-recycling/index.html") != nil)
    }
}
