import Testing
@testable import Atlas

@Suite struct SubstringSearchTests {
    @Test func byteSearchFindsLiteralWords() {
        #expect("生产90%的稀土".includes("稀土"))
        #expect("reserves of China".includes("of C"))
        #expect(!"reserves of China".includes("of c"))
        #expect(!"reserve".includes("reserves"))
        #expect("anything".includes(""))
        #expect(Substring("abc").includes("bc"))
    }

    /// One pass for several words answers as asking for each word in turn.
    @Test func severalWordsInOnePassAnswerAsEachInTurn() {
        let words = SpeakerRule.englishVerbs + SpeakerRule.chineseVerbs + ["据", "ccording to", "iting "]
        let needles = ByteNeedles(words)
        let clauses = ["据路透社报道，中国占90%", "analysts said 70%", "China's share is 60%", "according to USGS", "exciting news",
                       "数据", "数", "", "said", "x said", "统计局", "e\u{301} states"]
        for clause in clauses {
            #expect(needles.anyOccurs(in: clause) == words.contains(where: clause.includes), "\(clause)")
        }
        #expect(!ByteNeedles([]).anyOccurs(in: "anything"))
    }
}
