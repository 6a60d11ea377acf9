import Foundation
import Testing
@testable import Atlas

/// The URL map as atlas writes it is read without the YAML parser; what that reader accepts it
/// must read exactly as the parser does (values, locations, diagnostics), and anything else
/// must be left to the parser.
@Suite struct WrittenURLMapTests {
    static let titles = ["稀土元素", "quote \" and \\ backslash", "a/b path", "tab\there", "line\nbreak", "\u{1} control", "emoji 😀 稀土",
                         "“curly” ‘quotes’", "ends with backslash \\", "# not a comment", "key: value, [list] {map} *star &amp", "", "  padded  "]

    func map(_ extra: [URLMap.Entry] = []) -> URLMap {
        URLMap(entries: Self.titles.enumerated().map { index, title in
            URLMap.Entry(slug: "article-\(index)", title: title, source: "Source \(index % 3)", date: "2025-0\(1 + index % 9)-01 10:00",
                         aliases: index % 4 == 0 ? ["old-\(index)", "older-\(index)"] : [])
        } + extra)
    }

    func bothWays(_ text: String) -> (fast: URLMap, fastLog: [Diagnostic], yaml: URLMap, yamlLog: [Diagnostic], tookFastPath: Bool) {
        let file = TextFile(path: URLMap.path, text: text)
        var fastLog = DiagnosticLog(), yamlLog = DiagnosticLog()
        let fast = URLMap.read(file, log: &fastLog)
        let yaml = URLMap.readYAML(file, log: &yamlLog)
        return (fast, fastLog.items, yaml, yamlLog.items, WrittenURLMap.items(text, file: URLMap.path) != nil)
    }

    @Test func readsWhatItWroteAsTheYAMLParserDoes() {
        let result = bothWays(map().text)
        #expect(result.tookFastPath)
        #expect(result.fast == result.yaml)
        // By slug, as written; the entry without a title is reported and left out.
        #expect(Set(result.fast.entries.map(\.title)) == Set(Self.titles.filter { !$0.isEmpty }))
        #expect(result.fast.entries.map(\.location) == result.yaml.entries.map(\.location))
        // The empty title is reported, at the same place, by both.
        #expect(result.fastLog.map(\.description) == result.yamlLog.map(\.description))
        #expect(result.fastLog.count == 1)
    }

    @Test func problemsAreReportedAtTheSamePlaces() {
        let entries = [URLMap.Entry(slug: "article-1", title: "Twice", source: "S", date: "2025-01-01 10:00"),
                       URLMap.Entry(slug: "bad--slug", title: "Bad", source: "S", date: "2025-01-01 10:00", aliases: ["article-2", "x--y"])]
        let result = bothWays(map(entries).text)
        #expect(result.tookFastPath)
        #expect(result.fast == result.yaml)
        #expect(result.fastLog.count >= 3)
        #expect(result.fastLog.map(\.description) == result.yamlLog.map(\.description))
    }

    /// Characters YAML reads differently from JSON, and hand edits in other YAML styles.
    @Test(arguments: ["next\u{2028}line", "nel\u{85}x", "bom\u{FEFF}x", "del\u{7F}x"])
    func aCharacterYAMLTreatsSpeciallyGoesToTheParser(_ title: String) {
        let text = map([URLMap.Entry(slug: "special", title: title, source: "S", date: "2025-01-01 10:00")]).text
        #expect(WrittenURLMap.items(text, file: URLMap.path) == nil)
    }

    @Test func aHandEditGoesToTheParserAndStillReads() {
        let written = map().text
        let edits = [
            written.replacingOccurrences(of: "  title: \"a/b path\"", with: "  title: 'a/b path'"),
            written.replacingOccurrences(of: "- slug: article-1\n", with: "- slug: article-1  # moved\n"),
            written.replacingOccurrences(of: "\n", with: "\r\n"),
            written + "\n",
            written.replacingOccurrences(of: "  aliases: [old-0, older-0]", with: "  aliases:\n    - old-0\n    - older-0"),
        ]
        for text in edits {
            let result = bothWays(text)
            #expect(!result.tookFastPath)
            #expect(result.fast.entries.count == Self.titles.count - 1)
            #expect(result.fast.entries.first { $0.slug == "article-2" }?.title == "a/b path")
            #expect(result.fast.entries.first { $0.slug == "article-0" }?.aliases == ["old-0", "older-0"])
        }
    }

    /// A key is matched in bytes only where no character can span its end: a comment line whose
    /// "#" carries a combining mark is not read as a comment here, and the map goes to the parser
    /// as it did when keys were compared as characters.
    @Test func aCharacterSpanningAKeysEndGoesToTheParser() {
        let result = bothWays("#\u{301} note\n" + map().text)
        #expect(!result.tookFastPath)
        #expect(result.fast == result.yaml)
        #expect(result.fast.entries.count == Self.titles.count - 1)
    }

    @Test func jsonEscapesMeanWhatYAMLReadsThemAs() {
        for (written, meant) in [("\"\\u00e9\\/\\b\\f\\r\"", "é/\u{8}\u{C}\r"), ("\"\\u4e2d\"", "中")] {
            #expect(WrittenURLMap.jsonString(Substring(written)) == meant)
        }
        for refused in ["\"\\ud83d\"", "\"\\x41\"", "\"\\u12\"", "\"unterminated", "\"inner \" quote\"", "\"trailing \\\""] {
            #expect(WrittenURLMap.jsonString(Substring(refused)) == nil, "\(refused)")
        }
    }
}
