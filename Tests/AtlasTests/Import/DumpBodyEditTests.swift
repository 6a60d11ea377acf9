import Foundation
import Testing
@testable import Atlas

/// `DumpBodyEdit` must say "one body changed" exactly when parsing the new text gives the old
/// dump with one entry's body replaced, and nothing otherwise: the preview's page is made from
/// its answer.
@Suite struct DumpBodyEditTests {
    static func realDump() throws -> (text: String, dump: Dump) {
        let text = try String(contentsOf: TestPaths.content.appendingPathComponent("sources/3-neodymium.txt"), encoding: .utf8)
        let (dump, log) = parseDump(text, path: "content/sources/3-neodymium.txt")
        #expect(!log.hasErrors)
        return (text, try #require(dump))
    }

    /// The text with line `number` (1-based) replaced.
    static func replacing(line number: Int, in text: String, _ change: (String) -> String) -> String {
        var lines = text.components(separatedBy: "\n")
        lines[number - 1] = change(lines[number - 1])
        return lines.joined(separator: "\n")
    }

    @Test func oneChangedBodyIsWhatTheParserReads() throws {
        let (text, dump) = try Self.realDump()
        #expect(dump.entries.count > 2)
        for entry in dump.entries.indices {
            for change: (String) -> String in [{ $0 + " China holds 37% of the world's reserves [9]" },
                                               { "  " + $0.replacingOccurrences(of: "稀土", with: "稀 土") + "\t" },
                                               { String($0.dropLast(12)) }] {
                let edited = Self.replacing(line: dump.entries[entry].bodyLine, in: text, change)
                guard edited != text else { continue }
                let found = try #require(DumpBodyEdit.find(old: text, new: edited, in: dump), "entry \(entry)")
                let (reparsed, _) = parseDump(edited, path: dump.path)
                var expected = dump
                expected.entries[entry].body = found.body
                #expect(found.entry == entry)
                #expect(reparsed == expected, "entry \(entry)")
            }
        }
    }

    @Test func anythingButOneBodyIsLeftToTheRebuild() throws {
        let (text, dump) = try Self.realDump()
        let entry = dump.entries[1]
        let cases: [(String, String)] = [
            ("unchanged", text),
            ("a title", Self.replacing(line: entry.location.line, in: text) { $0 + " (updated)" }),
            ("a source line", Self.replacing(line: entry.location.line + 1, in: text) { $0.replacingOccurrences(of: ":", with: "：") }),
            ("a body split in two", Self.replacing(line: entry.bodyLine, in: text) { $0 + "\nA second line" }),
            ("a body emptied", Self.replacing(line: entry.bodyLine, in: text) { _ in "   " }),
            ("a body that reads as a source line", Self.replacing(line: entry.bodyLine, in: text) { _ in "Reuters· 2025-01-02 10:00" }),
            ("a body with a carriage return", Self.replacing(line: entry.bodyLine, in: text) { $0 + "\r" }),
            ("two bodies", Self.replacing(line: dump.entries[2].bodyLine, in: Self.replacing(line: entry.bodyLine, in: text) { $0 + " more" }) { $0 + " more" }),
            ("the topic", Self.replacing(line: 1, in: text) { $0 + "专题" }),
        ]
        for (name, edited) in cases {
            #expect(DumpBodyEdit.find(old: text, new: edited, in: dump) == nil, "\(name)")
        }
    }
}
