import Foundation
import Testing
@testable import Atlas

/// End-to-end: the real content, the real templates, the whole pipeline into a temporary folder.
@Suite struct BuildTests {
    func build(_ site: TemporaryFolder, baseURL: String? = nil) -> Builder.Report {
        Builder(options: .init(root: site.url, output: site.url.appendingPathComponent("public"), baseURL: baseURL)).build()
    }

    @Test func buildsEveryPageOfTheRealSite() throws {
        let site = TemporaryFolder.siteCopy()
        let report = build(site)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.isEmpty)
        let expected = try DumpParserTests.expected()
        #expect(report.articles.count == expected.count)
        let files = snapshot(site.url.appendingPathComponent("public"))
        #expect(files["index.html"] != nil)
        #expect(files["about/index.html"] != nil)
        #expect(files["assets/site.css"] != nil)
        #expect(files["articles/index.html"] != nil)
        let articlePages = files.keys.filter { $0.hasPrefix("articles/") && $0.hasSuffix("/index.html") && $0 != "articles/index.html" }
        #expect(articlePages.count == expected.count)
        // Every hand-counted title is on its own page, with its source, time and topic.
        for row in expected {
            let article = try #require(report.articles.first { $0.title == row.title })
            let html = try #require(files["articles/\(article.slug)/index.html"].map { String(decoding: $0, as: UTF8.self) })
            #expect(html.contains(">\(HTMLEscape.text(row.title))</h1>"))
            #expect(html.contains("<h1 lang=\"zh-Hans\">"))
            #expect(html.contains(row.source))
            let iso = row.published.replacingOccurrences(of: " ", with: "T") + ":00+08:00"
            #expect(html.contains("<time datetime=\"\(iso)\">\(row.published)</time>"))
            #expect(html.contains("<span lang=\"zh-Hans\">\(row.topic)</span>"), "topic \(row.topic)")
            #expect(html.contains("class=\"article-body prose\" lang=\"\(row.language == "zh" ? "zh-Hans" : "en")\""))
            #expect(html.contains("Excerpt: the export cut") == row.excerpt)
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = TemporaryFolder.siteCopy()
        #expect(build(site).succeeded)
        let first = snapshot(site.url.appendingPathComponent("public"))
        #expect(build(site).succeeded)
        let second = snapshot(site.url.appendingPathComponent("public"))
        #expect(first.count > 30)
        #expect(first == second)
    }

    /// `scripts/build` on a fresh clone, which has the committed `public/`: every file is made
    /// again, except a chart's PNG, kept while its SVG is the same (rasterizing depends on the
    /// machine's librsvg and fonts, so a PNG drawn here need not match one drawn elsewhere).
    @Test func committedPublicMatchesAFreshBuild() throws {
        let site = TemporaryFolder.siteCopy()
        try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent("public"), to: site.url.appendingPathComponent("public"))
        #expect(build(site).succeeded)
        let fresh = snapshot(site.url.appendingPathComponent("public"))
        let committed = snapshot(TestPaths.repository.appendingPathComponent("public"))
        let stale = Set(fresh.keys).symmetricDifference(committed.keys).sorted() + fresh.keys.filter { committed[$0] != nil && committed[$0] != fresh[$0] }.sorted()
        #expect(stale.isEmpty, "public/ is out of date, run scripts/build: \(stale.prefix(10))")
    }

    @Test func hostileTitleIsTextEverywhere() throws {
        let site = TemporaryFolder.siteCopy()
        let title = #"<script>alert(1)</script> & "x""#
        site.write("content/sources/9-hostile.txt", "测试\nSearch documents\n\(title)\nSou Hu Cai Jing· 2025-09-01 10:00\nCore Insights - <img src=x onerror=alert(1)> \"quoted\" [1]\n"
                   + "Combining \"\u{301} onmouseover=alert(1) x=\"\u{301} <\u{301}b>\nS· 2025-09-02 10:00\nx\"\u{301} onmouseover=alert(1) data-x=\" [1]\n")
        let report = build(site)
        #expect(report.succeeded, "\(report.diagnostics)")
        let article = try #require(report.articles.first { $0.title == title })
        let html = try #require(site.read("public/articles/\(article.slug)/index.html"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; · "))
        #expect(html.contains("<h1 lang=\"en\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</h1>"))
        #expect(html.contains("content=\"&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;\""))
        // A quote followed by a combining mark is one grapheme; it must still be escaped.
        let combining = try #require(report.articles.first { $0.title.hasPrefix("Combining") })
        let combiningPage = try #require(site.read("public/articles/\(combining.slug)/index.html"))
        let combiningMark = "\u{301}"
        let rawQuote = "\"" + combiningMark, rawAngle = "<" + combiningMark, escapedQuote = "&quot;" + combiningMark + " onmouseover"
        #expect(!combiningPage.contains(rawQuote))
        #expect(!combiningPage.contains(rawAngle))
        #expect(combiningPage.contains(escapedQuote))
        for page in ["public/index.html", "public/articles/index.html"] {
            let list = try #require(site.read(page))
            #expect(!list.contains("<script>alert"))
            #expect(list.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        }
    }

    @Test func brokenDumpFailsAndLeavesPublicByteIdentical() throws {
        let site = TemporaryFolder.siteCopy()
        #expect(build(site).succeeded)
        let before = snapshot(site.url.appendingPathComponent("public"))
        site.write("content/sources/9-broken.txt", "测试\nSearch documents\nA title\nno source line here\nB title\nSou Hu· 2025-02-30 10:00\nBody\n")
        site.write("content/pages/bad.md", "---\ntitle: [unclosed\n---\n")
        let report = build(site)
        #expect(!report.succeeded)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map { $0.location?.description ?? "" } == [
            "content/pages/bad.md:2:8", "content/sources/9-broken.txt:4:1", "content/sources/9-broken.txt:6:9",
        ].sorted())
        // A broken site.yml does not hide the other files' problems.
        site.write("site.yml", "title: X\ntime_zone: Mars/Olympus\n")
        let all = build(site).diagnostics.filter { $0.severity == .error }.compactMap { $0.location?.file }
        #expect(Set(all) == ["site.yml", "content/pages/bad.md", "content/sources/9-broken.txt"])
        #expect(snapshot(site.url.appendingPathComponent("public")) == before)
        #expect(snapshot(site.url.appendingPathComponent("public")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.url.path).filter { $0.hasPrefix("public.") }
        #expect(leftovers.isEmpty)
    }

    @Test func subPathBuildHasNoBrokenLinksAndNoOrphans() throws {
        let site = TemporaryFolder.siteCopy()
        #expect(build(site, baseURL: "https://example.org/atlas/").succeeded)
        let walker = LinkWalker(root: site.url.appendingPathComponent("public"), basePath: "/atlas/")
        let result = walker.check()
        #expect(result.problems.isEmpty, "\(result.problems.prefix(10))")
        #expect(result.checked > 300)
        let home = try #require(site.read("public/index.html"))
        #expect(home.contains("href=\"/atlas/assets/site.css\""))
        #expect(home.contains("<link rel=\"canonical\" href=\"https://example.org/atlas/\">"))
        // A path-only --base-url keeps site.yml's origin.
        #expect(build(site, baseURL: "/atlas/").succeeded)
        #expect(site.read("public/index.html")?.contains("<link rel=\"canonical\" href=\"https://rare-earth-atlas.example.org/atlas/\">") == true)
    }

    @Test func linkWalkerCatchesABrokenLink() throws {
        // The check above is only worth something if it can fail.
        let site = TemporaryFolder.siteCopy()
        #expect(build(site).succeeded)
        site.write("public/about/index.html", "<a href=\"/missing/\">x</a><a href=\"/articles/#nope\">y</a>")
        let problems = LinkWalker(root: site.url.appendingPathComponent("public"), basePath: "/").check().problems
        #expect(problems.contains { $0.message.contains("missing") })
        #expect(problems.contains { $0.message.contains("no id nope") })
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let site = TemporaryFolder.siteCopy()
        site.write("content/pages/draft.md", "---\ntitle: Draft page\ndraft: true\n---\nSoon.\n")
        #expect(build(site).succeeded)
        #expect(site.read("public/draft/index.html") == nil)
        let report = Builder(options: .init(root: site.url, includeDrafts: true)).build()
        #expect(report.succeeded)
        #expect(site.read("public/draft/index.html") != nil)
    }

    @Test func markdownArticleIsAnArticleLikeTheImportedOnes() throws {
        let site = TemporaryFolder.siteCopy()
        site.write("content/articles/mp.md", "---\ntitle: MP Materials opens a magnet plant\ndate: 2025-12-01 09:00\nsource: Example News\nsource_url: https://example.org/mp\ntopics: [钕]\ntags: [magnets]\n---\nThe plant makes **NdFeB** magnets.\n\n<b>raw</b>\n")
        let report = build(site)
        #expect(report.succeeded, "\(report.diagnostics)")
        let html = try #require(site.read("public/articles/mp/index.html"))
        #expect(html.contains("<strong>NdFeB</strong>"))
        #expect(html.contains("&lt;b&gt;raw&lt;/b&gt;"))
        #expect(html.contains("href=\"https://example.org/mp\""))
        let topic = try #require(report.articles.first { $0.title.hasPrefix("MP") })
        #expect(topic.topics == ["钕"])
        #expect(html.contains("<a class=\"tag\" href=\"/tags/magnets/\" lang=\"en\">magnets</a>"))
    }

    @Test func editorsMarkdownVersionOfAnImportedArticleWins() throws {
        let site = TemporaryFolder.siteCopy()
        site.write("content/articles/curated.md", "---\ntitle: 中国真要收紧对日稀土出口管制?\ndate: 2026-02-08 00:33\nsource: 日经中文网\nsource_url: https://example.org/nikkei\ntopics: [稀土供应链]\n---\nA curated body.\n")
        let report = build(site)
        #expect(report.succeeded, "\(report.diagnostics)")
        let article = try #require(report.articles.first { $0.title == "中国真要收紧对日稀土出口管制?" })
        #expect(article.sourceURL == "https://example.org/nikkei")
        #expect(article.topics == ["钕", "稀土供应链"])
        let html = try #require(site.read("public/articles/\(article.slug)/index.html"))
        #expect(html.contains("A curated body."))
        #expect(html.contains("href=\"https://example.org/nikkei\""))
    }

    @Test func aChosenSlugCannotTakeAnotherArticlesURL() throws {
        let site = TemporaryFolder.siteCopy()
        site.write("content/articles/thief.md", "---\ntitle: Another\ndate: 2026-03-01\nsource: X\nslug: zhong-guo-zhen-yao-shou-jin-dui-ri-xi-tu-chu-kou-guan-zhi\n---\nx\n")
        let report = build(site)
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message.contains("is the published URL of") && $0.location?.file == "content/articles/thief.md" })
    }

    @Test func newPagesAreReachableAndLinksFollowTheBasePath() throws {
        let site = TemporaryFolder.siteCopy()
        site.write("content/pages/glossary.md", "---\ntitle: Glossary\ndate: 2026-01-13\n---\nSee [all articles](/articles/) and ![logo](/assets/favicon.svg).\n\n中文段落在英文页面里。\n")
        #expect(build(site, baseURL: "/atlas/").succeeded)
        let page = try #require(site.read("public/glossary/index.html"))
        #expect(page.contains("href=\"/atlas/articles/\""))
        #expect(page.contains("src=\"/atlas/assets/favicon.svg\""))
        #expect(page.contains("<p lang=\"zh-Hans\">中文段落在英文页面里。</p>"))
        #expect(page.contains("<time datetime=\"2026-01-13\">2026-01-13</time>"))
        let problems = LinkWalker(root: site.url.appendingPathComponent("public"), basePath: "/atlas/").check().problems
        #expect(problems.isEmpty, "\(problems)")
        // Only pages that ask for it are in the navigation; About does.
        #expect(page.contains("<a href=\"/atlas/about/\">关于 About</a>"))
        #expect(!page.contains(">Glossary</a></li><li>"))
    }

    @Test func aSymlinkedOutputIsRefused() throws {
        let site = TemporaryFolder.siteCopy()
        let target = site.url.appendingPathComponent("webroot")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.url.appendingPathComponent("out"), withDestinationURL: target)
        let report = Builder(options: .init(root: site.url, output: site.url.appendingPathComponent("out"))).build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.message.contains("symbolic link") })
    }
}

/// Determinism across processes (different hash seeds, thread timing) with Markdown articles,
/// which go through cmark-gfm: run the real command twice.
@Suite struct CrossProcessDeterminismTests {
    @Test func twoProcessesWriteIdenticalSites() throws {
        let binary = TestPaths.repository.appendingPathComponent(".build/debug/atlas").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the atlas executable first (scripts/test does)")
        let site = TemporaryFolder.siteCopy()
        for n in 0..<6 {
            let body = (0..<200).map { "~~del\($0)~~ www.ex\($0).org\n" }.joined()
            site.write("content/articles/a\(n).md", "---\ntitle: Article \(n)\ndate: 2025-12-0\(n + 1)\nsource: Example\ntopics: [钕, 稀土供应链]\n---\n\(body)\n| a |\n|---|\n| \(n) |\n")
        }
        var snapshots: [[String: Data]] = []
        for attempt in 0..<2 {
            let output = site.url.appendingPathComponent("out\(attempt)")
            let result = try run(binary, ["build", "--root", site.url.path, "--output", output.path])
            #expect(result.status == 0, "\(result.stderr)")
            snapshots.append(snapshot(output))
        }
        #expect(snapshots[0].count > 40)
        #expect(snapshots[0] == snapshots[1])
        let page = try #require(snapshots[0]["articles/a0/index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(page.components(separatedBy: "<del>").count == 201)
    }

    @Test func timeZoneLocaleAndWorkingDirectoryDoNotChangeTheOutput() throws {
        let binary = TestPaths.repository.appendingPathComponent(".build/debug/atlas").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the atlas executable first (scripts/test does)")
        let site = TemporaryFolder.siteCopy()
        let elsewhere = TemporaryFolder()
        var snapshots: [[String: Data]] = []
        for (index, environment) in [["TZ": "UTC", "LANG": "C", "LC_ALL": "C"],
                                     ["TZ": "America/New_York", "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"]].enumerated() {
            let output = site.url.appendingPathComponent("env\(index)")
            let result = try run(binary, ["build", "--root", site.url.path, "--output", output.path], cwd: index == 0 ? site.url : elsewhere.url,
                                 environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            snapshots.append(snapshot(output))
        }
        #expect(snapshots[0].count > 200)
        #expect(snapshots[0] == snapshots[1])
    }
}

/// `atlas build --relative`: a site that opens straight from disk.
@Suite struct RelativeBuildTests {
    @Test func everyInternalLinkNamesAFileRelativeToItsPage() throws {
        let site = TemporaryFolder.siteCopy()
        let output = site.url.appendingPathComponent("disk")
        #expect(Builder(options: .init(root: site.url, output: output, relativeLinks: true)).build().succeeded)
        let files = snapshot(output)
        var checked = 0
        for (page, data) in files where page.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in html.matches(of: /(?:href|src)="([^"#]*)(#[^"]*)?"/) {
                let target = String(match.1)
                if target.isEmpty || target.contains(":") { continue }
                #expect(!target.hasPrefix("/"), "\(page): \(target) is not relative")
                let resolved = LinkChecker.normalise((page as NSString).deletingLastPathComponent + "/" + target)
                #expect(files[resolved] != nil, "\(page): \(target) names no file on disk")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }
}
