import Foundation
import Testing
@testable import Atlas

/// The built site read as a reader reads it: the text on every page, the claim tables, the
/// article pages' furniture and the site's own Chinese copy.
@Suite struct ReadingTests {
    static let site = TemporaryFolder.builtSiteCopy()

    /// Every HTML file of the build, path → text.
    static let pages: [String: String] = {
        snapshot(site.url.appendingPathComponent("public")).filter { $0.key.hasSuffix(".html") }
            .mapValues { String(decoding: $0, as: UTF8.self) }
    }()

    static let prepared: Site = {
        var log = DiagnosticLog()
        return Builder(options: .init(root: site.url)).prepare(log: &log)!.site
    }()

    /// The text a reader sees: the body without scripts, styles and the head, tags removed and
    /// entities decoded. Each text node stays apart, so "?" alone in a cell shows as a node "?".
    static func visibleText(_ html: String) -> [String] {
        var body = html
        if let start = body.range(of: "<body") { body = String(body[start.lowerBound...]) }
        body = body.replacing(/<script\b[^>]*>.*?<\/script>/.dotMatchesNewlines(), with: "")
            .replacing(/<style\b[^>]*>.*?<\/style>/.dotMatchesNewlines(), with: "")
            .replacing(/<title\b[^>]*>.*?<\/title>/.dotMatchesNewlines(), with: "")
        return body.split(separator: /<[^>]*>/).map { node in
            String(node).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }
    }

    @Test func noPageShowsARawNumberOfSevenDigitsOrAQuestionMarkForAValue() {
        #expect(Self.pages.count > 200)
        for (path, html) in Self.pages.sorted(by: { $0.key < $1.key }) {
            let nodes = Self.visibleText(html)
            let text = nodes.joined(separator: " ")
            let raw = text.matches(of: /(?:^|[^\d.,])(\d{7,})/).map { String($0.1) }
            #expect(raw.isEmpty, "\(path): \(raw.prefix(5))")
            #expect(!nodes.contains("?"), "\(path) shows “?”")
        }
    }

    @Test func everyClaimRowSaysWhatItMeasuresWhenWhetherAndOfWhat() throws {
        var rows = 0
        for (path, html) in Self.pages where html.contains("<table class=\"claims\">") {
            let bodies = html.components(separatedBy: "<tbody>").dropFirst().map { $0.components(separatedBy: "</tbody>")[0] }
            for body in bodies {
                for row in body.components(separatedBy: "<tr").dropFirst() {
                    rows += 1
                    for label in ["指标 Measure", "时间 Period", "状态 Status", "范围 Scope"] {
                        let dd = row.components(separatedBy: "<dt>\(label)</dt><dd>").dropFirst().first?.components(separatedBy: "</dd>").first ?? ""
                        #expect(!Self.visibleText(dd).isEmpty, "\(path): a row without \(label)")
                    }
                    // On a phone each cell is a small card named by its column.
                    #expect(row.components(separatedBy: "<td").count - 1 == row.components(separatedBy: "data-label=\"").count - 1, "\(path): a cell without its label")
                }
            }
        }
        #expect(rows > 300)
        // An amount reads in both languages; the export keeps the raw number.
        let article = try #require(Self.prepared.articles.first { $0.title.hasPrefix("85 亿美元落定") })
        let html = try #require(Self.pages["articles/\(article.slug)/index.html"])
        #expect(html.contains("<span class=\"value\">$8.5 billion</span> <span class=\"value-zh\" lang=\"zh-Hans\">85亿美元</span>"))
        #expect(Self.site.read("public/data/claims.csv")?.contains("8500000000") == true)
    }

    @Test func anArticleHasOneNewerOlderNavigationAndExplainsItsMarks() throws {
        for article in Self.prepared.articles {
            let html = try #require(Self.pages["articles/\(article.slug)/index.html"])
            #expect(html.components(separatedBy: "<nav class=\"article-nav\"").count == 2, "\(article.slug)")
            #expect(!html.contains("class=\"pager\""), "\(article.slug)")
            let body = html.components(separatedBy: "<div class=\"article-body").dropFirst().first?.components(separatedBy: "</div>").first ?? ""
            // Reference marks are explained, and the first one links to the explanation.
            if body.contains("<sup class=\"ref\">") {
                #expect(html.contains("<p id=\"citations\">"), "\(article.slug)")
                #expect(body.components(separatedBy: "<sup class=\"ref\">")[1].hasPrefix("<a href=\"#citations\""), "\(article.slug)")
            } else {
                #expect(!html.contains("id=\"citations\""), "\(article.slug)")
            }
            // Highlighted sentences have a legend.
            #expect(body.contains("<mark class=\"quote\"") == html.contains("的句子是下方数字表或时间线引用的原句"), "\(article.slug)")
            // An excerpt says where the export cut it, once, at the end of the text.
            if case .imported(let imported) = article.body {
                #expect(body.components(separatedBy: "class=\"excerpt-end\"").count - 1 == (imported.isExcerpt ? 1 : 0), "\(article.slug)")
            }
        }
    }

    @Test func chineseTextHasNoLineWrapSpacesAndLinksSplitNoWord() throws {
        let han = /\p{Han} +\p{Han}/
        for article in Self.prepared.articles {
            let html = try #require(Self.pages["articles/\(article.slug)/index.html"])
            let body = html.components(separatedBy: "<div class=\"article-body").dropFirst().first?.components(separatedBy: "</div>").first ?? ""
            let quotes = html.matches(of: /<q>(.*?)<\/q>/).map { String($0.1) }
            for text in [Self.visibleText(body).joined()] + quotes {
                #expect(text.firstMatch(of: han) == nil, "\(article.slug): \(text.firstMatch(of: han).map { String($0.output) } ?? "")")
            }
            // 钇族 ("the yttrium group") is one word: no link ends inside it.
            #expect(!body.contains("钇</a>族"), "\(article.slug)")
        }
        // The raw body, as exported, keeps them.
        let russia = try #require(Self.prepared.articles.first { $0.title.hasPrefix("普京深知稀土管制威力") })
        let html = try #require(Self.pages["articles/\(russia.slug)/index.html"])
        #expect(html.contains("托姆托尔 稀土矿床"))
        #expect(html.contains("托姆托尔</a>稀土矿床"))
    }

    @Test func theSiteOwnChineseCopyUsesFullWidthPunctuation() throws {
        let folder = TestPaths.repository.appendingPathComponent("templates")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count > 10)
        for file in files {
            let template = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            // The copy itself: no Mustache tags, no markup, no attribute values.
            let copy = template.replacing(/\{\{[^}]*\}\}/, with: " ").replacing(/<[^>]*>/, with: " ")
            let halfWidth = copy.matches(of: /\p{Han}[,:;!?()]|[,:;!?(]\p{Han}/).map { String(copy[$0.range]) }
            #expect(halfWidth.isEmpty, "\(file): \(halfWidth)")
        }
    }

    @Test func listsNameTopicsInBothLanguagesAndCountInGoodEnglish() throws {
        let topics = try #require(Self.pages["topics/index.html"])
        let home = try #require(Self.pages["index.html"])
        for topic in Self.prepared.topics {
            guard let english = topic.nameEn else { continue }
            for page in [topics, home] { #expect(page.contains("<span lang=\"zh-Hans\">\(topic.name)</span> · <span lang=\"en\">\(english)</span>"), "\(topic.name)") }
        }
        for (path, html) in Self.pages where path.hasPrefix("data/figures/") || path.hasPrefix("topics/") || path.hasPrefix("articles/") {
            let text = Self.visibleText(html).joined(separator: " ")
            #expect(text.firstMatch(of: /\b1 (figures|articles|share figures)\b/) == nil, "\(path)")
        }
    }
}
