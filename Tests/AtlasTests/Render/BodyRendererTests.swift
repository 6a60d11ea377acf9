import Testing
@testable import Atlas

@Suite struct BodyRendererTests {
    @Test func escapesTextAndMarksCitations() {
        let body = ImportedBody(blocks: [.heading("Core <Insights>", level: 2), .list(["A & B \"q\" [1][2]", "<script>x</script> [3]."])],
                                language: .english, isExcerpt: false, raw: "")
        let html = BodyRenderer.html(body).html
        #expect(html == "<h2>Core &lt;Insights&gt;</h2>\n<ul>\n<li>A &amp; B &quot;q&quot;<sup class=\"ref\"><a href=\"#citations\" title=\"原文段落编号 · paragraphs of the original article\">[1][2]</a></sup></li>\n<li>&lt;script&gt;x&lt;/script&gt;<sup class=\"ref\">[3]</sup>.</li>\n</ul>\n")
    }

    @Test func headingLevelsNeverSkipOne() {
        let body = ImportedBody(blocks: [.heading("核心要点", level: 3), .paragraph("x"), .heading("Core Insights", level: 2), .heading("Sub", level: 3)],
                                language: .chinese, isExcerpt: false, raw: "")
        #expect(BodyRenderer.html(body).html == "<h2>核心要点</h2>\n<p>x</p>\n<h2>Core Insights</h2>\n<h3>Sub</h3>\n")
    }

    @Test func bracketsThatAreNotCitationsStayText() {
        #expect(BodyRenderer.inline("[a] and [12345678]") == "[a] and [12345678]")
    }

    @Test func teaserDropsReferenceMarks() {
        let body = ImportedBody(blocks: [.heading("H", level: 2), .list(["China holds 90% [3][5]", "x"])], language: .english, isExcerpt: false, raw: "")
        #expect(BodyRenderer.teaser(body) == "China holds 90%")
    }

    static let elements = [Entity(id: "yttrium", type: "element", name: "Yttrium", nameZh: "钇", aliases: [], origin: SourceLocation(file: "e.yml", line: 1)),
                           Entity(id: "holmium", type: "element", name: "Holmium", nameZh: "钬", aliases: [], origin: SourceLocation(file: "e.yml", line: 1)),
                           Entity(id: "neodymium", type: "element", name: "Neodymium", nameZh: "钕", aliases: [], origin: SourceLocation(file: "e.yml", line: 1)),
                           Entity(id: "praseodymium", type: "element", name: "Praseodymium", nameZh: "镨", aliases: [], origin: SourceLocation(file: "e.yml", line: 1))]

    func linked(_ text: String) -> String {
        let linker = BodyRenderer.EntityLinker(matcher: EntityMatcher(entities: Self.elements),
                                               urls: Dictionary(uniqueKeysWithValues: Self.elements.map { ($0.id, "/entities/\($0.id)/") }))
        return BodyRenderer.html(ImportedBody(blocks: [.paragraph(text)], language: .chinese, isExcerpt: false, raw: text), linker: linker).html
    }

    @Test func aOneCharacterNameIsLinkedOnlyAsAWholeWord() {
        // 钇族 is "the yttrium group": a link on 钇 alone would split the word.
        #expect(linked("高品位钇族稀土") == "<p>高品位钇族稀土</p>\n")
        // The next mention that stands alone gets the link instead.
        #expect(linked("钇族稀土，其中钇的储量") == "<p>钇族稀土，其中<a class=\"entity\" href=\"/entities/yttrium/\">钇</a>的储量</p>\n")
        // Before punctuation, a particle or another element's name it is a word of its own.
        #expect(linked("新增钬、铒") == "<p>新增<a class=\"entity\" href=\"/entities/holmium/\">钬</a>、铒</p>\n")
        #expect(linked("钬等5种") == "<p><a class=\"entity\" href=\"/entities/holmium/\">钬</a>等5种</p>\n")
        #expect(linked("钕镨 ...").contains("<a class=\"entity\" href=\"/entities/praseodymium/\">镨</a>"))
        #expect(linked("钕镨").contains("<a class=\"entity\" href=\"/entities/neodymium/\">钕</a>"))
    }

    @Test func theFirstReferenceMarkLinksToTheirExplanation() {
        let body = ImportedBody(blocks: [.list(["A [1][3]", "B [4]"])], language: .english, isExcerpt: false, raw: "")
        let html = BodyRenderer.html(body).html
        #expect(html == "<ul>\n<li>A<sup class=\"ref\"><a href=\"#citations\" title=\"原文段落编号 · paragraphs of the original article\">[1][3]</a></sup></li>\n<li>B<sup class=\"ref\">[4]</sup></li>\n</ul>\n")
    }

    @Test func anExcerptSaysWhereTheExportCutIt() {
        let body = ImportedBody(blocks: [.paragraph("第一段。"), .list(["要点", "目前,俄"])], language: .chinese, isExcerpt: true, raw: "")
        let html = BodyRenderer.html(body).html
        #expect(html.hasSuffix("<li>目前,俄\(BodyRenderer.excerptEnd)</li>\n</ul>\n"))
        #expect(html.components(separatedBy: "excerpt-end").count == 2)
        let whole = ImportedBody(blocks: [.paragraph("全文。")], language: .chinese, isExcerpt: false, raw: "")
        #expect(!BodyRenderer.html(whole).html.contains("excerpt-end"))
    }

    @Test func previewsAreCutBetweenWordsAndCharacters() {
        let english = String(repeating: "word ", count: 27) + "supercalifragilistic tail"
        let cut = BodyRenderer.shorten(english)
        #expect(cut.hasSuffix("word…"), "\(cut)")
        #expect(cut.count <= 141)
        // A number is a word too: never "$8.5 bil…".
        let money = String(repeating: "x", count: 130) + " costs 8500000 dollars"
        #expect(BodyRenderer.shorten(money) == String(repeating: "x", count: 130) + " costs…")
        // Chinese can be cut after any character, and a cut never splits a grapheme cluster.
        let flags = String(repeating: "🇨🇳", count: 150)
        #expect(BodyRenderer.shorten(flags, to: 140) == String(repeating: "🇨🇳", count: 140) + "…")
        let chinese = String(repeating: "稀土，", count: 60)
        #expect(BodyRenderer.shorten(chinese) == String(repeating: "稀土，", count: 26) + "稀土…")
        #expect(BodyRenderer.shorten("short") == "short")
    }

    /// A teaser is copied a run at a time between reference marks: the same text as reading
    /// every character, on random text with marks, near-marks and combining marks.
    @Test func teasersReadAsTheCharacterByCharacterReading() {
        func marksRemoved(_ text: String) -> String {
            var out = ""
            var i = text.startIndex
            while i < text.endIndex {
                if text[i] == "[", let close = text[i...].firstIndex(of: "]"), text.distance(from: i, to: close) > 1,
                   text[text.index(after: i)..<close].allSatisfy({ $0.isASCII && $0.isNumber }) {
                    while out.last == " " { out.removeLast() }
                    i = text.index(after: close)
                    continue
                }
                out.append(text[i])
                i = text.index(after: i)
            }
            return out.trimmingWhitespace
        }
        let pieces = [" ", "  ", "[1]", "[12]", "[]", "[a]", "[\u{301}1]", "[1\u{301}]", "]", "[", "word", "稀土", "，", "e\u{301}", "🇨🇳", "\r\n", "8.5", "’s"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(BodyRenderer.withoutReferenceMarks(text) == marksRemoved(text), "\(text)")
        }
    }
}

