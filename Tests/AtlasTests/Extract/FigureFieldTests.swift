import Foundation
import Testing
@testable import Atlas

/// Field-level scores of the extractor against hand counts made by reading the articles
/// (Fixtures/figures/GUIDE.md): which share figures it finds, and for each, whether its period,
/// status, scope and qualifier are right; the same for tonnages, money and prices.
@Suite struct FigureFieldTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("figures")

    static func found(in dumps: [(url: URL, name: String)]) throws -> [FigureHandCount.Found] {
        try dumps.flatMap { try FigureHandCount.extract($0.url, name: $0.name) }
    }

    /// Set ATLAS_SCORE_DETAILS=1 to print every miss and wrong field; otherwise only totals, so
    /// a run does not show the blind set's figures to whoever writes the rules.
    static var details: Bool { ProcessInfo.processInfo.environment["ATLAS_SCORE_DETAILS"] == "1" }

    static func summary(_ score: FigureHandCount.Score) -> String {
        details ? score.report : score.report.split(separator: "\n").filter { !$0.hasPrefix("      ") && !$0.hasPrefix("  misses") && !$0.hasPrefix("  extra") }.joined(separator: "\n")
    }

    @Test func realDumpsFieldByField() throws {
        let count = try FigureHandCount.read(Self.folder.appendingPathComponent("real-dumps.tsv"))
        let names = Set(count.rows.map(\.dump)).sorted()
        let found = try Self.found(in: names.map { (TestPaths.content.appendingPathComponent("sources/\($0)"), $0) })
        let shares = count.scoreShares(found), amounts = count.scoreAmounts(found)
        print("real dumps\n" + shares.report + "\n" + amounts.report)
        #expect(shares.precision >= 0.9 && shares.recall >= 0.9, "\(shares.report)")
        for field in ["period", "status", "scope", "qualifier"] {
            #expect(shares.field(field).accuracy >= 0.9, "share \(field): \(shares.field(field).wrong)")
        }
    }

    /// The blind set (Fixtures/figures/blind/): articles written in the dumps' style by someone
    /// who did not write the rules, hand-counted as they were written. Its first score, taken
    /// before anyone who writes rules had read it, is in EXTRACTION.md.
    @Test(arguments: [("blind", ["blind-en.txt", "blind-zh.txt"]), ("blind-2", ["blind2-en.txt", "blind2-zh.txt"])])
    func blindSetFieldByField(_ name: String, _ dumps: [String]) throws {
        let folder = Self.folder.appendingPathComponent(name)
        let count = try FigureHandCount.read(folder.appendingPathComponent("expected.tsv"))
        let found = try Self.found(in: dumps.map { (folder.appendingPathComponent($0), $0) })
        let shares = count.scoreShares(found), amounts = count.scoreAmounts(found)
        print("\(name) set\n" + Self.summary(shares) + "\n" + Self.summary(amounts))
        #expect(shares.precision >= 0.9 && shares.recall >= 0.9, "blind share precision \(shares.precision), recall \(shares.recall)")
        for field in ["period", "status", "scope"] {
            #expect(shares.field(field).accuracy >= 0.9, "blind share \(field): \(shares.field(field).accuracy)")
        }
    }
}
