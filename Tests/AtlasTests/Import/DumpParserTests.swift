import Foundation
import Testing
@testable import Atlas

@Suite struct DumpParserTests {
    struct Expected {
        var dump, title, source, published, topic, language: String
        var line: Int
        var excerpt: Bool
    }

    /// The hand count in Fixtures/expected-articles.tsv, made by reading the dumps.
    static func expected() throws -> [Expected] {
        let text = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("expected-articles.tsv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { row in
            let f = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Expected(dump: f[0], title: f[2], source: f[3], published: f[4], topic: f[5], language: f[6], line: Int(f[1])!, excerpt: f[7] == "yes")
        }
    }

    @Test func realDumpsMatchTheHandCount() throws {
        let expected = try Self.expected()
        #expect(expected.count == 28)
        var log = DiagnosticLog()
        let files = ContentLoader.load(root: TestPaths.repository, log: &log).dumps
        #expect(files.count == 5)
        var found: [Expected] = []
        for file in files {
            let dump = try #require(DumpParser.parse(file, log: &log))
            for entry in dump.entries {
                let body = BodyStructurer.structure(entry.body)
                found.append(Expected(dump: String(file.path.split(separator: "/").last!), title: entry.title, source: entry.source,
                                      published: entry.time.description, topic: dump.topic,
                                      language: body.language == .chinese ? "zh" : "en", line: entry.location.line, excerpt: body.isExcerpt))
            }
        }
        #expect(log.items.isEmpty, "\(log.items)")
        #expect(found.count == expected.count)
        for (a, b) in zip(found, expected) {
            #expect(a.dump == b.dump && a.line == b.line, "\(a.title)")
            #expect(a.title == b.title)
            #expect(a.source == b.source, "\(a.title)")
            #expect(a.published == b.published, "\(a.title)")
            #expect(a.topic == b.topic, "\(a.title)")
            #expect(a.language == b.language, "\(a.title)")
            #expect(a.excerpt == b.excerpt, "\(a.title)")
        }
    }

    @Test func readsHeaderLinesBeforeSearchDocuments() throws {
        let (dump, log) = parseDump("Workflow\n稀土自主化\nicon\nSearch documents\nT\nS· 2025-01-02 03:04\nBody\n")
        #expect(log.items.isEmpty)
        #expect(dump?.topic == "稀土自主化")
        #expect(dump?.entries.count == 1)
    }

    @Test func acceptsSourceLineWithAndWithoutSpaceAfterDot() throws {
        let (dump, log) = parseDump("Topic\nSearch documents\nA\nSou Hu Cai Jing· 2025-08-18 13:30\nBody A\nB\n日经中文网·2026-02-08 00:33\nBody B\n")
        #expect(log.items.isEmpty)
        #expect(dump?.entries.map(\.source) == ["Sou Hu Cai Jing", "日经中文网"])
        #expect(dump?.entries.last?.time == LocalDateTime(year: 2026, month: 2, day: 8, hour: 0, minute: 33))
    }

    @Test func skipsBlankLinesAnywhereAndHandlesCRLF() throws {
        let text = "\r\nTopic\r\n\r\nSearch documents\r\n\r\nTitle\r\n\r\nS· 2025-01-02 03:04\r\n\r\n\r\nBody\r\n\r\n"
        let (dump, log) = parseDump(text)
        #expect(log.items.isEmpty)
        #expect(dump?.entries.first?.title == "Title")
        #expect(dump?.entries.first?.body == "Body")
        #expect(dump?.entries.first?.location.line == 6)
    }

    @Test func keepsTitlesWithMarkupCharactersAsText() throws {
        let title = #"<script>alert(1)</script> & "x" 'y'"#
        let (dump, _) = parseDump("Topic\nSearch documents\n\(title)\nS· 2025-01-02 03:04\nBody\n")
        #expect(dump?.entries.first?.title == title)
    }

    @Test func missingSourceLineIsAnErrorAndParsingResumes() throws {
        let (dump, log) = parseDump("Topic\nSearch documents\nFirst\nBody without source\nSecond\nS· 2025-01-02 03:04\nBody\n")
        #expect(log.errors.count == 1)
        #expect(log.errors.first?.location == SourceLocation(file: "content/sources/test.txt", line: 4, column: 1))
        #expect(log.errors.first?.message.contains("after the title on line 3") == true)
        #expect(dump?.entries.map(\.title) == ["Second"])
    }

    @Test func malformedSourceLineNamesTheColumn() throws {
        let (_, log) = parseDump("Topic\nSearch documents\nT\nSou Hu· 2025/08/18 13:30\nBody\n")
        #expect(log.errors.count == 1)
        #expect(log.errors.first?.location?.line == 4)
        #expect(log.errors.first?.location?.column == 9)
        let (_, noDot) = parseDump("Topic\nSearch documents\nT\nSou Hu 2025-08-18 13:30\nBody\n")
        #expect(noDot.errors.first?.message.contains("`·`") == true)
    }

    @Test(arguments: ["2025-02-30 10:00", "2025-13-01 10:00", "2025-01-01 24:00", "2025-01-01 12:60", "2023-02-29 00:00"])
    func impossibleDatesAreErrors(_ stamp: String) throws {
        let (dump, log) = parseDump("Topic\nSearch documents\nT\nS· \(stamp)\nBody\n")
        #expect(log.errors.count == 1, "\(stamp)")
        #expect(log.errors.first?.message.contains("impossible") == true)
        #expect(log.errors.first?.location?.column == 4)
        #expect(dump?.entries.isEmpty == true)
    }

    @Test func leapDayIsAccepted() {
        let (dump, log) = parseDump("Topic\nSearch documents\nT\nS· 2024-02-29 23:59\nBody\n")
        #expect(log.items.isEmpty)
        #expect(dump?.entries.count == 1)
    }

    @Test func missingBodyInTheMiddleAndAtTheEnd() throws {
        let (dump, log) = parseDump("Topic\nSearch documents\nA\nS· 2025-01-02 03:04\nB\nS· 2025-01-03 03:04\nBody B\nC\nS· 2025-01-04 03:04\n")
        #expect(log.errors.map { $0.location!.line } == [4, 9])
        #expect(log.errors.allSatisfy { $0.message.contains("has no body line") })
        #expect(dump?.entries.map(\.title) == ["B"])
    }

    @Test func reportsEveryProblemOfAFile() throws {
        let (_, log) = parseDump("Topic\nSearch documents\nA\nS· 2025-02-30 03:04\nBody\nB\nno source here\nC\nS· 2025-01-01 25:00\nBody\n")
        #expect(log.errors.count == 3)
    }

    @Test func fileWithoutSearchDocumentsLineIsAnError() throws {
        let (dump, log) = parseDump("Just some text\nwith lines\n")
        #expect(dump == nil)
        #expect(log.errors.first?.message.contains("Search documents") == true)
    }

    @Test(arguments: ["稀土规划·2025-2030", "Fed meeting 2025-09-17 14:00", "会议将于 2025-08-18 举行"])
    func titlesThatLookLikeSourceLinesAreTitles(_ title: String) throws {
        let (dump, log) = parseDump("Topic\nSearch documents\nFirst\nS· 2025-01-02 03:04\nBody one.\n\(title)\nS· 2025-01-03 03:04\nBody two.\n")
        #expect(log.items.isEmpty, "\(log.items)")
        #expect(dump?.entries.map(\.title) == ["First", title])
    }

    @Test func trailingUnicodeSpacesAfterTheTimeAreFine() {
        let (dump, log) = parseDump("Topic\nSearch documents\nT\nS· 2025-01-02 03:04\u{3000}\u{A0}\nBody\n")
        #expect(log.items.isEmpty)
        #expect(dump?.entries.count == 1)
    }
}
