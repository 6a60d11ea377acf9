import Testing
@testable import Atlas

struct SitePathTests {
    /// Counted on the bytes as the parts were counted after splitting the path.
    @Test func depthCountsThePartsASplitFound() {
        let paths = ["", "/", "//", "articles/", "articles/x/", "articles/x/index.html", "404.html", ".html", "a.html/b", "a//b/", "/a/b",
                     "data/claims.json", "topics/a/page/2/", "x.htm", "tags/稀土/", "entities/a/figures/page/3/index.html"]
        for path in paths {
            let parts = path.utf8.split(separator: UInt8(ascii: "/"))
            #expect(SitePath.depth(path) == parts.count, "\(path)")
            #expect(SitePath.depth(path, countingFiles: false) == parts.filter { !$0.suffix(5).elementsEqual(".html".utf8) }.count, "\(path)")
        }
    }
}
