import Testing
@testable import Atlas

@Suite struct BodyStructurerTests {
    @Test func digestSectionsBecomeHeadingsAndLists() {
        let raw = "Core Insights - REEs are crucial [1][2] - China dominates, with 85% to 90% of refining [3][4] Group 1: Importance of Rare Earth Elements - REEs are essential [2][3] - Defense uses them [2][4] Group 2 - U.S.-China trade - a dash inside an item stays [5]"
        let body = BodyStructurer.structure(raw)
        #expect(body.language == .english)
        #expect(!body.isExcerpt)
        #expect(body.blocks == [
            .heading("Core Insights", level: 2),
            .list(["REEs are crucial [1][2]", "China dominates, with 85% to 90% of refining [3][4]"]),
            .heading("Group 1: Importance of Rare Earth Elements", level: 2),
            .list(["REEs are essential [2][3]", "Defense uses them [2][4]"]),
            .heading("Group 2", level: 2),
            .list(["U.S.-China trade - a dash inside an item stays [5]"]),
        ])
    }

    @Test func summaryByCategoryGetsSubheadings() {
        let raw = "Core Points - A [1] Summary by Category Supply Chain Dynamics - B [3] - C [3] Key Rare Earth Elements - D [5]"
        #expect(BodyStructurer.structure(raw).blocks == [
            .heading("Core Points", level: 2), .list(["A [1]"]),
            .heading("Summary by Category", level: 2), .heading("Supply Chain Dynamics", level: 3), .list(["B [3]", "C [3]"]),
            .heading("Key Rare Earth Elements", level: 3), .list(["D [5]"]),
        ])
    }

    @Test func citationFollowedByFullStopEndsTheItem() {
        let raw = "Core Viewpoint - First point [8]. - Second point [8][9]. Group 5: Long-term Implications - Third [17]."
        #expect(BodyStructurer.structure(raw).blocks == [
            .heading("Core Viewpoint", level: 2), .list(["First point [8].", "Second point [8][9]."]),
            .heading("Group 5: Long-term Implications", level: 2), .list(["Third [17]."]),
        ])
    }

    @Test func chineseBodyBecomesParagraphsBulletsAndMarksExcerpt() {
        let raw = "美国在15种关键矿产上完全依赖中国进口。中国主导全球99%的重 稀土金属供应。 要想重建完整的稀土产业链,预计需要至少2500亿美元。 核心要点 ·2025年,新华社平台发布指数。 ·该指数追踪关键稀土产品。 对于美国而言,其影响远不止于此 ..."
        let body = BodyStructurer.structure(raw)
        #expect(body.language == .chinese)
        #expect(body.isExcerpt)
        #expect(body.raw == raw)
        #expect(body.blocks == [
            .paragraph("美国在15种关键矿产上完全依赖中国进口。中国主导全球99%的重稀土金属供应。"),
            .paragraph("要想重建完整的稀土产业链,预计需要至少2500亿美元。"),
            .heading("核心要点", level: 3),
            .list(["2025年,新华社平台发布指数。", "该指数追踪关键稀土产品。"]),
            .paragraph("对于美国而言,其影响远不止于此"),
        ])
    }

    @Test func plainEnglishWithoutMarkersIsOneParagraph() {
        #expect(BodyStructurer.structure("Just a sentence.").blocks == [.paragraph("Just a sentence.")])
        let prose = "Trade talks - which began in May - ended without a deal."
        #expect(BodyStructurer.structure(prose).blocks == [.paragraph(prose)])
    }

    @Test func digestWithoutCitationsSplitsOnEverySeparator() {
        #expect(BodyStructurer.structure("Core Insights - A point - B point - C point").blocks == [
            .heading("Core Insights", level: 2), .list(["A point", "B point", "C point"]),
        ])
    }

    @Test func punctuationAfterACitationStaysWithItsItem() {
        #expect(BodyStructurer.structure("Core Insights - First item [1]; - Second [2]) - Third [3]").blocks == [
            .heading("Core Insights", level: 2), .list(["First item [1];", "Second [2])", "Third [3]"]),
        ])
    }

    @Test func onlyASpacedEllipsisMarksAnExcerpt() {
        #expect(BodyStructurer.structure("中国稀土 ...").isExcerpt)
        #expect(!BodyStructurer.structure("他说……").isExcerpt)
    }

    @Test func realDigestsKeepEveryCitationMark() throws {
        // Structuring may move text between blocks but must never lose a reference mark.
        var log = DiagnosticLog()
        for file in ContentLoader.load(root: TestPaths.repository, log: &log).dumps {
            for entry in DumpParser.parse(file, log: &log)!.entries {
                let body = BodyStructurer.structure(entry.body)
                let text = body.blocks.map { block -> String in
                    switch block {
                    case .heading(let t, _), .paragraph(let t): return t
                    case .list(let items): return items.joined(separator: " ")
                    }
                }.joined(separator: " ")
                let marks = { (s: String) in s.matches(of: /\[\d+\]/).count }
                #expect(marks(text) == marks(entry.body), "\(entry.title)")
                #expect(!body.blocks.isEmpty)
            }
        }
    }

    /// The byte path of `joinWrapped` against the rule by characters.
    @Test func joiningWrappedLinesByBytesAnswersAsByCharacters() {
        func byCharacters(_ text: String) -> String {
            let chars = Array(text)
            return String(chars.enumerated().filter { i, c in
                !(c == " " && i > 0 && i + 1 < chars.count && chars[i - 1].isHan && chars[i + 1].isHan)
            }.map(\.element))
        }
        let pieces = ["稀", "土", " ", "  ", "a", "5%", "，", "\u{20000}", "é", "e\u{301}", "\u{3000}", "。", "\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(ChineseBodyStructurer.joinWrapped(text) == byCharacters(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func joiningWrappedLinesDropsOnlySpacesBetweenHanCharacters() {
        #expect(ChineseBodyStructurer.joinWrapped("稀土 产量 increased 5% 到 2025") == "稀土产量 increased 5% 到 2025")
        #expect(ChineseBodyStructurer.joinWrapped("no Han here") == "no Han here")
        #expect(ChineseBodyStructurer.joinWrapped("a 稀土") == "a 稀土")
        #expect(!ChineseBodyStructurer.hasSpaceBeforeHan("稀土 a 5%"))
        #expect(ChineseBodyStructurer.hasSpaceBeforeHan("a 稀"))
        // Read in the bytes: the scalar after a space, whatever its length; nothing else.
        for (text, expected) in [("x \u{20000}", true), ("x  稀", true), ("x \u{3400}", true), ("x 。稀", false), ("x é稀", false),
                                 ("稀 ", false), (" ", false), ("", false), ("稀\u{A0}土", false), ("x\u{3000}稀", false)] {
            #expect(ChineseBodyStructurer.hasSpaceBeforeHan(text) == expected, "\(text)")
            #expect(ChineseBodyStructurer.hasSpaceBeforeHan(text) == zip(text.unicodeScalars, text.unicodeScalars.dropFirst()).contains { $0 == " " && $1.isHan })
        }
    }
}
