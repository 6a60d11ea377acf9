import Testing
@testable import Atlas

/// An explainer's headings get anchors for the page's table of contents, without touching any
/// other markup.
@Suite struct TableOfContentsTests {
    @Test func headingsGetStableUniqueAnchors() {
        let html = TrustedHTML("<p>Intro</p>\n<h2>Where the <a href=\"/x/\">articles</a> disagree</h2>\n<p>a &lt;h2&gt; in text</p>\n"
            + "<h2 lang=\"zh-Hans\">中文导读</h2>\n<h2 id=\"kept\">Kept</h2>\n<h3>Not listed</h3>\n<h2>Where the articles disagree</h2>\n<h2>Tom &amp; Jerry&#39;s</h2>\n")
        let (anchored, entries) = TableOfContents.anchoringHeadings(html)
        #expect(entries.map(\.anchor) == ["s-where-the-articles-disagree", "s-zhong-wen-dao-du", "s-where-the-articles-disagree-2", "s-tom-jerry-s"])
        #expect(entries.map(\.label) == ["Where the articles disagree", "中文导读", "Where the articles disagree", "Tom & Jerry's"])
        #expect(anchored.html.contains("<h2 id=\"s-where-the-articles-disagree\">Where the <a href=\"/x/\">articles</a> disagree</h2>"))
        #expect(anchored.html.contains("<h2 id=\"s-zhong-wen-dao-du\" lang=\"zh-Hans\">中文导读</h2>"))
        #expect(anchored.html.contains("<h2 id=\"kept\">Kept</h2>\n<h3>Not listed</h3>"))
        #expect(anchored.html.contains("<p>a &lt;h2&gt; in text</p>"))
        #expect(TableOfContents.anchoringHeadings(TrustedHTML("<p>none</p>")).html.html == "<p>none</p>")
    }

    @Test func onlyLongPagesGetContents() {
        let two = [ContentsEntry(anchor: "a", label: "A"), ContentsEntry(anchor: "b", label: "B")]
        #expect(ContentsEntry.ifLong(two).isEmpty)
        #expect(ContentsEntry.ifLong(two + [ContentsEntry(anchor: "c", label: "C")]).count == 3)
    }
}
