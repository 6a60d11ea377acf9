import Foundation
import Testing
@testable import Atlas

/// Recall of dated events against hand counts made by reading the articles
/// (Fixtures/expected-events.tsv, and expected-events-held-out.tsv for a dump written for the
/// tests), and the rule that no target is ever shown as a past event.
@Suite struct EventRecallTests {
    struct Key: Hashable, CustomStringConvertible {
        var line: Int, date: String, status: String
        var description: String { "line \(line) \(date) \(status)" }
    }

    static func expected(_ fixture: String) throws -> [String: [Key]] {
        let text = try String(contentsOf: TestPaths.fixtures.appendingPathComponent(fixture), encoding: .utf8)
        var result: [String: [Key]] = [:]
        for row in text.split(separator: "\n").dropFirst() {
            let f = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            result[f[0], default: []].append(Key(line: Int(f[1])!, date: f[2], status: f[4]))
        }
        return result
    }

    static func extracted(_ url: URL, name: String) throws -> [Key] {
        var log = DiagnosticLog()
        let entities = EntityRegistryReader.read(ContentLoader.read(TestPaths.repository, EntityRegistryReader.path, log: &log, missingHint: nil)!, log: &log) ?? []
        let extractor = EventExtractor(entities: entities)
        let file = try TextFile.decode(Array(Data(contentsOf: url)), path: name).get()
        let dump = try #require(DumpParser.parse(file, log: &log))
        return dump.entries.flatMap { entry in
            extractor.events(articleID: entry.title, body: entry.body, published: entry.time).map {
                #expect(!($0.status == .happened && EventExtractor.isAfter(year: $0.year, month: $0.month, day: $0.day, precision: $0.precision, entry.time)),
                        "a date after publication shown as happened: \($0.quote ?? "")")
                return Key(line: entry.location.line, date: $0.dateText, status: $0.status.rawValue)
            }
        }
    }

    static func score(_ expected: [Key], _ found: [Key]) -> (recall: Double, misses: [Key], extra: [Key], wrongStatus: [Key]) {
        var remaining = expected
        var extra: [Key] = []
        var wrongStatus: [Key] = []
        for key in found {
            if let index = remaining.firstIndex(of: key) {
                remaining.remove(at: index)
            } else if let index = remaining.firstIndex(where: { $0.line == key.line && $0.date == key.date }) {
                // Found, but with the other status: a target shown as past (or the reverse).
                wrongStatus.append(key)
                remaining.remove(at: index)
            } else {
                extra.append(key)
            }
        }
        let hits = expected.count - remaining.count - wrongStatus.count
        return (expected.isEmpty ? 1 : Double(hits) / Double(expected.count), remaining, extra, wrongStatus)
    }

    @Test func realDumpsReachNinetyPercentRecallWithTargetsKeptApart() throws {
        let expected = try Self.expected("expected-events.tsv")
        var all: [Key] = [], found: [Key] = []
        let folder = TestPaths.content.appendingPathComponent("sources")
        for dump in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let prefix = 1000 * Int(dump.prefix(1))!
            all += (expected[dump] ?? []).map { Key(line: $0.line + prefix, date: $0.date, status: $0.status) }
            found += try Self.extracted(folder.appendingPathComponent(dump), name: dump).map { Key(line: $0.line + prefix, date: $0.date, status: $0.status) }
        }
        let result = Self.score(all, found)
        print("events (real dumps): recall \(result.recall); misses: \(result.misses); wrong status: \(result.wrongStatus); extra: \(result.extra)")
        #expect(result.recall >= 0.9, "misses: \(result.misses)")
        #expect(!result.wrongStatus.contains { $0.status == "happened" }, "targets shown as happened: \(result.wrongStatus)")
    }

    @Test func heldOutDumpRecall() throws {
        let expected = try Self.expected("expected-events-held-out.tsv")["held-out-articles.txt"] ?? []
        let found = try Self.extracted(TestPaths.fixtures.appendingPathComponent("dumps/held-out-articles.txt"), name: "held-out-articles.txt")
        let result = Self.score(expected, found)
        print("events (held-out dump): recall \(result.recall); misses: \(result.misses); wrong status: \(result.wrongStatus); extra: \(result.extra)")
        #expect(result.recall >= 0.8, "misses: \(result.misses)")
        #expect(!result.wrongStatus.contains { $0.status == "happened" }, "targets shown as happened: \(result.wrongStatus)")
    }
}
