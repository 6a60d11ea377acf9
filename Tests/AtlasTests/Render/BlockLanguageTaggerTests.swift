import Testing
@testable import Atlas

/// Pages whose every scalar stands alone are tagged from their bytes; the result must be what
/// the character-by-character tagger gives.
@Suite struct BlockLanguageTaggerTests {
    static let pages = [
        Markdown().html("""
            # 稀土 Rare earths

            中国占全球稀土产量的70%。China's share — “about 70%”.

            - English item with **bold** and `<code>`
            - 中文条目
              - nested English
              1. ordered 中文

            > A quote in English, <em>raw</em>.

            <p>raw paragraph</p><pre>not a block</pre><li>stray</li>
            """),
        "<p>unclosed English paragraph",
        "<li>item <ol><li>中文</li></ol></li><h2>Heading</h2><h7>none</h7><",
        "",
    ]

    @Test func bytesAndCharactersTagAlike() {
        for page in Self.pages {
            var html = page
            html.makeContiguousUTF8()
            for container in [Language.chinese, .english] {
                let fromBytes = html.utf8.withContiguousStorageIfAvailable { BlockLanguageTagger.tagBytes($0, container: container) }
                #expect(fromBytes == BlockLanguageTagger.tagCharacters(page, container: container), "\(page)")
                #expect(BlockLanguageTagger.tag(page, container: container) == fromBytes)
            }
        }
    }

    /// A mark that joins `>` makes a different character there: such pages keep the
    /// character-by-character reading.
    @Test func aPageWithJoiningMarksIsReadByCharacters() {
        let page = "<p>\u{301}English</p><p>e\u{301}</p>"
        page.utf8.withContiguousStorageIfAvailable { #expect(!LoneScalars.only($0)) }
        #expect(BlockLanguageTagger.tag(page, container: .chinese) == BlockLanguageTagger.tagCharacters(page, container: .chinese))
    }
}
