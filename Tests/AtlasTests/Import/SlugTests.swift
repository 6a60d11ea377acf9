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

    /// The catalog's slugs, read a character at a time from the generated table, are `Slug.make`'s: for the
    /// compounds whose first character reads differently (重庆 is chong-qing, 重启 zhong-qi), for
    /// full-width forms and punctuation beside Han and ASCII, and for titles it hands to ICU whole.
    @Test(arguments: ["重庆", "重 庆", "重启", "重要的重庆", "藏文", "藏语", "西藏", "沈阳", "秘鲁", "秘密", "中国重庆市", "稀土元素:中国来之不易的优势与全球困境",
                      "G7密谋对中国出口加税", "30天投降", "Rare Earths: “Café” & <Magnets>", "Ｇ７密谋", "１２３稀土", "稀土ＡＢＣ，（第６期）",
                      "钕——“稀土之王”", "東京レアアース", "Ærø Æble", "!!! ——", "", "稀土・永磁", "a\u{3000}b"])
    func catalogSlugsAreMakesSlugs(_ title: String) {
        #expect(SlugMaker.make(title) == Slug.make(title))
        #expect(SlugMaker.make(title) == Slug.make(title))  // and again
    }

    /// A compatibility ideograph equal to a compound's first character as a `Character` (U+F972
    /// is 沈) starts the compound too: the title goes to ICU whole, as the table lookup by
    /// `Character` sends it.
    @Test func aCompoundOpenedByAnEquivalentCharacterGoesToICU() {
        #expect(SlugMaker.compoundFirsts.contains(0xF972))
        #expect(SlugMaker.transliterated("\u{F972}阳") == nil)
        #expect(SlugMaker.transliterated("\u{F972}") != nil)
        #expect(SlugMaker.make("\u{F972}阳") == Slug.make("\u{F972}阳"))
    }

    @Test func everyContextFreeCharacterReadsAloneAsBetweenNeighbours() {
        for value in Array(0x00A0...0x00BF) + Array(0x2000...0x206F) + Array(0x3000...0x303F) + Array(0xFF01...0xFF5E) {
            guard let scalar = Unicode.Scalar(value), SlugMaker.isContextFree(scalar) else { continue }
            let c = String(Character(scalar))
            for title in ["中\(c)国", "a\(c)b", "1\(c)2", "中\(c)\(c)国", "A\(c)中", "中\(c)a"] {
                #expect(SlugMaker.make(title) == Slug.make(title), "\(title)")
            }
        }
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
