import Testing
@testable import Atlas

/// Text in neither of the site's scripts gets its own language and direction, and Chinese or
/// English text (with a name or two in another script) is left to `Language`.
@Suite struct OtherScriptTests {
    @Test func namesTheLanguageAndDirectionOfOtherScripts() {
        #expect(OtherScript.detect("العناصر الأرضية النادرة مهمة للصناعة.") == OtherScript(language: "ar", isRightToLeft: true))
        #expect(OtherScript.detect("عناصر خاکی کمیاب برای صنعت مهم هستند و چین بزرگ‌ترین تولیدکننده است.") == OtherScript(language: "fa", isRightToLeft: true))
        #expect(OtherScript.detect("יסודות אדמה נדירים חשובים לתעשייה.") == OtherScript(language: "he", isRightToLeft: true))
        #expect(OtherScript.detect("日本は南鳥島沖でレアアース泥の試掘を始めた。") == OtherScript(language: "ja", isRightToLeft: false))
        #expect(OtherScript.detect("희토류는 산업에 중요하다.") == OtherScript(language: "ko", isRightToLeft: false))
        #expect(OtherScript.detect("Редкоземельные металлы важны для промышленности.") == OtherScript(language: "ru", isRightToLeft: false))
        #expect(OtherScript.detect("Рідкісноземельні метали важливі для промисловості.") == OtherScript(language: "uk", isRightToLeft: false))
    }

    @Test func leavesChineseAndEnglishAlone() {
        #expect(OtherScript.detect("中国占全球稀土产量的70%。") == nil)
        #expect(OtherScript.detect("China holds 44 million tonnes of reserves.") == nil)
        // A name in another script inside a Chinese or English sentence does not decide.
        #expect(OtherScript.detect("俄罗斯公司Росатом表示，将在2030年前建成稀土分离厂，年产能达到一万吨。") == nil)
        #expect(OtherScript.detect("The Arabic word for rare earths is العناصر, the report said in its long English summary.") == nil)
        // The katakana middle dot appears in Chinese transliterations of names.
        #expect(OtherScript.detect("唐纳德・特朗普宣布对中国稀土加征关税。") == nil)
    }

    @Test func markdownBlocksGetLangAndDir() {
        let html = BlockLanguageTagger.tag(Markdown().html("中国占全球稀土产量的70%。\n\nالعناصر الأرضية النادرة مهمة.\n\n- 日本は試掘を始めた。\n"), container: .chinese)
        #expect(html.contains("<p>中国占全球稀土产量的70%。</p>"))
        #expect(html.contains("<p lang=\"ar\" dir=\"rtl\">العناصر الأرضية النادرة مهمة.</p>"))
        #expect(html.contains("<li lang=\"ja\">日本は試掘を始めた。</li>"))
    }

    @Test func importedBlocksGetLangAndDir() {
        let body = ImportedBody(blocks: [.paragraph("中国占全球稀土产量的70%。"), .paragraph("العناصر الأرضية النادرة مهمة.")], language: .chinese, isExcerpt: false, raw: "")
        let html = BodyRenderer.html(body).html
        #expect(html.contains("<p>中国占全球稀土产量的70%。</p>"))
        #expect(html.contains("<p lang=\"ar\" dir=\"rtl\">العناصر الأرضية النادرة مهمة.</p>"))
    }
}
