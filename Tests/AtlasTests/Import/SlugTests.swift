import Testing
@testable import Atlas

@Suite struct SlugTests {
    @Test(arguments: [
        ("稀土元素:中国来之不易的优势与全球困境", "xi-tu-yuan-su-zhong-guo-lai-zhi-bu-yi-de-you-shi-yu-quan-qiu"),
        ("G7密谋对中国出口加税", "g7-mi-mou-dui-zhong-guo-chu-kou-jia-shui"),
        ("30天投降", "30-tian-tou-jiang"),
        ("Rare Earths: “Café” & <Magnets>", "rare-earths-cafe-magnets"),
        ("钕", "nu"),
    ])
    func readableASCII(_ title: String, _ slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test func longTitlesAreCappedAtAWordBoundary() {
        let slug = Slug.make(String(repeating: "稀土供应链", count: 20))
        #expect(slug.count <= Slug.maxLength)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasSuffix("lian") || slug.hasSuffix("tu") || slug.hasSuffix("xi") || slug.hasSuffix("gong") || slug.hasSuffix("ying"))
    }

    @Test func titlesWithoutLettersGiveAnEmptySlugThatTheCatalogReplaces() {
        #expect(Slug.make("!!! ——") == "")
    }

    @Test(arguments: ["", ".", "..", "a/b", "../x", "/abs", "UPPER", "a--b", "-a", "a b", String(repeating: "a", count: 65)])
    func unsafeSlugsAreRejected(_ slug: String) {
        #expect(Slug.problem(with: slug) != nil)
    }

    @Test func goodSlugIsAccepted() {
        #expect(Slug.problem(with: "about-2") == nil)
    }

    @Test func disambiguatorIsStableAcrossBuildsAndMachines() {
        // Pinned: a change here moves published URLs.
        #expect(Slug.disambiguator(for: "x") == "2o0ox7")  // FNV-1a 64 of "x" in base 36, computed independently
        #expect(Slug.disambiguator(for: "x") != Slug.disambiguator(for: "y"))
    }
}
