import Testing
@testable import Atlas

@Suite struct BodyRendererTests {
    @Test func escapesTextAndMarksCitations() {
        let body = ImportedBody(blocks: [.heading("Core <Insights>", level: 2), .list(["A & B \"q\" [1][2]", "<script>x</script> [3]."])],
                                language: .english, isExcerpt: false, raw: "")
        let html = BodyRenderer.html(body).html
        #expect(html == "<h2>Core &lt;Insights&gt;</h2>\n<ul>\n<li>A &amp; B &quot;q&quot;<sup class=\"ref\">[1][2]</sup></li>\n<li>&lt;script&gt;x&lt;/script&gt;<sup class=\"ref\">[3]</sup>.</li>\n</ul>\n")
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
}
