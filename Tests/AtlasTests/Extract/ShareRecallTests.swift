import Foundation
import Testing
@testable import Atlas

/// Precision and recall of the share figures against hand counts made by reading the articles,
/// for two dumps written for the tests in earlier rounds (expected-shares-held-out.tsv,
/// expected-shares-blind.tsv). The five real dumps and the current blind set are scored field by
/// field in FigureFieldTests.
@Suite struct ShareRecallTests {
    struct Key: Hashable, CustomStringConvertible {
        var line: Int, metric: String, entity: String, importer: String, low: String, high: String
        var description: String { "line \(line) \(metric) \(entity)\(importer.isEmpty ? "" : "←" + importer) \(low)–\(high)" }
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%g", value)
    }

    static func expected(_ fixture: String, dump: String? = nil) throws -> [String: [Key]] {
        let text = try String(contentsOf: TestPaths.fixtures.appendingPathComponent(fixture), encoding: .utf8)
        var result: [String: [Key]] = [:]
        for row in text.split(separator: "\n").dropFirst() {
            let f = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let low = f[5].isEmpty ? "" : number(Double(f[5])), high = f[6].isEmpty ? "" : number(Double(f[6]))
            result[f[0], default: []].append(Key(line: Int(f[1])!, metric: f[2], entity: f[3], importer: f[2] == "import_share" ? f[4] : "", low: low, high: high))
        }
        return result
    }

    static func extracted(dumpFile: URL, name: String) throws -> [Key] {
        var log = DiagnosticLog()
        let entities = EntityRegistryReader.read(ContentLoader.read(TestPaths.repository, EntityRegistryReader.path, log: &log, missingHint: nil)!, log: &log) ?? []
        let extractor = ClaimExtractor(entities: entities)
        let file = try TextFile.decode(Array(Data(contentsOf: dumpFile)), path: name).get()
        let dump = try #require(DumpParser.parse(file, log: &log))
        return dump.entries.flatMap { entry in
            extractor.claims(articleID: entry.title, body: entry.body, published: entry.time).filter { $0.metric.isShare }.map { claim in
                Key(line: entry.location.line, metric: claim.metric.rawValue, entity: claim.entity ?? "?",
                    importer: claim.metric == .importShare ? claim.importer ?? "?" : "", low: number(claim.low), high: number(claim.high))
            }
        }
    }

    /// Matches as multisets, so a figure stated twice must be found twice.
    static func score(expected: [Key], found: [Key]) -> (precision: Double, recall: Double, misses: [Key], extra: [Key]) {
        var remaining = expected
        var extra: [Key] = []
        for key in found {
            if let index = remaining.firstIndex(of: key) { remaining.remove(at: index) } else { extra.append(key) }
        }
        let hits = expected.count - remaining.count
        return (found.isEmpty ? 0 : Double(hits) / Double(found.count), expected.isEmpty ? 1 : Double(hits) / Double(expected.count), remaining, extra)
    }

    @Test func heldOutDumpReachesNinetyPercent() throws {
        let expected = try Self.expected("expected-shares-held-out.tsv")["held-out-articles.txt"] ?? []
        let found = try Self.extracted(dumpFile: TestPaths.fixtures.appendingPathComponent("dumps/held-out-articles.txt"), name: "held-out-articles.txt")
        let result = Self.score(expected: expected, found: found)
        print("shares (held-out dump): precision \(result.precision), recall \(result.recall); misses: \(result.misses); extra: \(result.extra)")
        #expect(result.recall >= 0.9, "misses: \(result.misses)")
        #expect(result.precision >= 0.9, "extra: \(result.extra)")
    }
}

extension ShareRecallTests {
    /// A third dump, written by someone who had not seen the rules. Its first run scored
    /// precision 0.72 and recall 0.75; the general rules it exposed (past-tense import verbs,
    /// "came from", rates "a year", relative shares "of the plant's output", fractions without a
    /// whole) were then added, so it is no longer blind. Kept as a regression test.
    @Test func blindDumpScore() throws {
        let expected = try Self.expected("expected-shares-blind.tsv")["blind-articles.txt"] ?? []
        let found = try Self.extracted(dumpFile: TestPaths.fixtures.appendingPathComponent("dumps/blind-articles.txt"), name: "blind-articles.txt")
        let result = Self.score(expected: expected, found: found)
        print("shares (blind dump): precision \(result.precision), recall \(result.recall); misses: \(result.misses); extra: \(result.extra)")
        #expect(result.recall >= 0.9, "misses: \(result.misses)")
        #expect(result.precision >= 0.9, "extra: \(result.extra)")
    }
}
