import Foundation
@testable import Atlas

/// A field-level hand count (Fixtures/figures/GUIDE.md) and how the extractor scores against
/// it: which figures it finds, and for each figure found, which fields it gets right.
struct FigureHandCount {
    struct Row: CustomStringConvertible {
        var dump: String, line: Int, figure: String
        var low: String, high: String, unit: String, qualifier: String
        var metric: String, entity: String, importer: String
        var elements: String, measure: String, commodity: String
        var status: String, period: String, rate: String, speaker: String, isRepeat: Bool
        var description: String { "\(dump):\(line) \(figure) [\(metric) \(entity)\(importer.isEmpty ? "" : "←" + importer)]" }
    }

    /// One extracted claim with the dump line it came from, as the hand count writes fields.
    struct Found: CustomStringConvertible {
        var dump: String, line: Int
        var claim: Claim
        var low: String { FigureHandCount.number(claim.low) }
        var high: String { FigureHandCount.number(claim.high) }
        var description: String { "\(dump):\(line) \(claim.figureText) [\(claim.metric.rawValue) \(claim.entity ?? "")\(claim.importer.map { "←" + $0 } ?? "")]" }
    }

    static let shareMetrics: Set<String> = ["reserves_share", "production_share", "refining_share", "magnet_share", "import_share"]

    var rows: [Row]

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%g", value)
    }

    static func read(_ url: URL) throws -> FigureHandCount {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let c = ["dump", "line", "figure", "value_low", "value_high", "unit", "qualifier", "metric", "entity", "importer", "elements", "measure",
                 "commodity", "status", "period", "rate", "speaker", "repeat"].map(column)
        return FigureHandCount(rows: lines.map { f in
            func at(_ i: Int) -> String { c[i] < f.count ? f[c[i]].trimmingCharacters(in: .whitespaces) : "" }
            return Row(dump: at(0), line: Int(at(1)) ?? 0, figure: at(2), low: at(3).isEmpty ? "" : number(Double(at(3))),
                       high: at(4).isEmpty ? "" : number(Double(at(4))), unit: at(5), qualifier: at(6), metric: at(7), entity: at(8), importer: at(9),
                       elements: at(10), measure: at(11), commodity: at(12).isEmpty ? "rare-earths" : at(12), status: at(13), period: at(14),
                       rate: at(15), speaker: at(16), isRepeat: at(17) == "yes")
        })
    }

    /// The claims the real pipeline's extractor finds in a dump, with their body lines.
    static func extract(_ url: URL, name: String) throws -> [Found] {
        var log = DiagnosticLog()
        let entities = EntityRegistryReader.read(ContentLoader.read(TestPaths.repository, EntityRegistryReader.path, log: &log, missingHint: nil)!, log: &log) ?? []
        let extractor = ClaimExtractor(entities: entities)
        let file = try TextFile.decode(Array(Data(contentsOf: url)), path: name).get()
        guard let dump = DumpParser.parse(file, log: &log) else { return [] }
        return dump.entries.flatMap { entry in
            extractor.claims(articleID: entry.title, body: entry.body, published: entry.time).map { Found(dump: name, line: entry.bodyLine, claim: $0) }
        }
    }

    // MARK: scoring

    struct Field {
        var name: String
        var right = 0
        var total = 0
        var wrong: [String] = []
        var accuracy: Double { total == 0 ? 1 : Double(right) / Double(total) }
    }

    struct Score {
        var name: String
        var expected = 0, found = 0, matched = 0
        var misses: [Row] = []
        var extra: [Found] = []
        var fields: [Field] = []
        /// Figures whose fields are scored (an `other` figure is counted by value and metric only).
        var fieldExpected = 0, fieldFound = 0
        var precision: Double { found == 0 ? 0 : Double(matched) / Double(found) }
        var recall: Double { expected == 0 ? 1 : Double(matched) / Double(expected) }
        func field(_ name: String) -> Field { fields.first { $0.name == name } ?? Field(name: name) }

        var report: String {
            var lines = ["\(name): expected \(expected), found \(found), matched \(matched); precision \(String(format: "%.3f", precision)), recall \(String(format: "%.3f", recall))"]
            for field in fields {
                // Per field: right among matched figures, and as precision (right / found) and
                // recall (right / expected) over all figures.
                lines.append("  \(field.name): \(field.right)/\(field.total) = \(String(format: "%.3f", field.accuracy))"
                             + "; precision \(String(format: "%.3f", fieldFound == 0 ? 0 : Double(field.right) / Double(field.name == "metric" ? found : fieldFound)))"
                             + ", recall \(String(format: "%.3f", fieldExpected == 0 ? 1 : Double(field.right) / Double(field.name == "metric" ? expected : fieldExpected)))")
                for wrong in field.wrong { lines.append("      \(wrong)") }
            }
            if !misses.isEmpty { lines.append("  misses:"); lines += misses.map { "      \($0)" } }
            if !extra.isEmpty { lines.append("  extra:"); lines += extra.map { "      \($0)" } }
            return lines.joined(separator: "\n")
        }
    }

    /// Pairs expected rows with found claims that share `key`, as multisets (a figure stated
    /// twice must be found twice), in text order.
    static func pair(_ rows: [Row], _ found: [Found], rowKey: (Row) -> String, foundKey: (Found) -> String)
        -> (pairs: [(Row, Found)], misses: [Row], extra: [Found]) {
        var pool: [String: [Found]] = Dictionary(grouping: found, by: foundKey)
        var pairs: [(Row, Found)] = [], misses: [Row] = []
        for row in rows {
            let key = rowKey(row)
            if var candidates = pool[key], !candidates.isEmpty {
                pairs.append((row, candidates.removeFirst()))
                pool[key] = candidates
            } else {
                misses.append(row)
            }
        }
        let extra = found.filter { f in pool[foundKey(f)].map { $0.contains { $0.claim.id == f.claim.id } } ?? false }
        return (pairs, misses, extra)
    }

    /// Field checks on matched figures: period, status, scope, qualifier, rate, repeat.
    static func fieldChecks(_ pairs: [(Row, Found)], metricAndEntity: Bool) -> [Field] {
        var fields = ["period", "status", "scope", "qualifier", "rate", "repeat"].map { Field(name: $0) }
        if metricAndEntity { fields = [Field(name: "metric"), Field(name: "entity")] + fields }
        func check(_ name: String, _ expected: String, _ actual: String, _ row: Row) {
            guard let index = fields.firstIndex(where: { $0.name == name }) else { return }
            fields[index].total += 1
            if expected == actual { fields[index].right += 1 } else { fields[index].wrong.append("\(row): expected `\(expected)`, got `\(actual)`") }
        }
        for (row, found) in pairs {
            let claim = found.claim
            check("metric", row.metric, claim.metric.rawValue, row)
            // An `other` figure is counted with its value and metric only (GUIDE.md).
            if row.metric == "other" { continue }
            check("entity", row.entity + (row.importer.isEmpty ? "" : "←" + row.importer), (claim.entity ?? "") + (claim.importer.map { "←" + $0 } ?? ""), row)
            check("period", row.period, claim.period.code, row)
            check("status", row.status, claim.status.rawValue, row)
            let expectedScope = (row.commodity == "rare-earths" ? row.elements : "") + "/" + row.measure + "/" + row.commodity
            let actualScope = (claim.scope.isRareEarths ? claim.scope.elements.code : "") + "/" + (claim.scope.measure?.rawValue ?? "") + "/" + claim.scope.commodity
            check("scope", expectedScope, actualScope, row)
            check("qualifier", row.qualifier, claim.qualifier.rawValue, row)
            check("rate", row.rate, claim.rate?.rawValue ?? "", row)
            check("repeat", row.isRepeat ? "yes" : "", claim.duplicateOf == nil ? "" : "yes", row)
        }
        return fields
    }

    /// Share claims, matched strictly (line, metric, holder, importer, bounds), then their fields.
    func scoreShares(_ found: [Found]) -> Score {
        let expected = rows.filter { Self.shareMetrics.contains($0.metric) }
        let shares = found.filter { Self.shareMetrics.contains($0.claim.metric.rawValue) }
        let key: (String, Int, String, String, String, String, String) -> String = { [$0, String($1), $2, $3, $4, $5, $6].joined(separator: "|") }
        let paired = Self.pair(expected, shares,
                               rowKey: { key($0.dump, $0.line, $0.metric, $0.entity, $0.metric == "import_share" ? $0.importer : "", $0.low, $0.high) },
                               foundKey: { key($0.dump, $0.line, $0.claim.metric.rawValue, $0.claim.entity ?? "", $0.claim.metric == .importShare ? $0.claim.importer ?? "" : "", $0.low, $0.high) })
        return Score(name: "share claims", expected: expected.count, found: shares.count, matched: paired.pairs.count,
                     misses: paired.misses, extra: paired.extra, fields: Self.fieldChecks(paired.pairs, metricAndEntity: false),
                     fieldExpected: expected.count, fieldFound: shares.count)
    }

    /// Tonnages, money and prices: found when the line, unit and bounds agree; then every field,
    /// metric and holder included.
    func scoreAmounts(_ found: [Found]) -> Score {
        let expected = rows.filter { $0.unit != "percent" }
        let amounts = found.filter { $0.claim.unit != .percent }
        let key: (String, Int, String, String, String) -> String = { [$0, String($1), $2, $3, $4].joined(separator: "|") }
        let paired = Self.pair(expected, amounts, rowKey: { key($0.dump, $0.line, $0.unit, $0.low, $0.high) },
                               foundKey: { key($0.dump, $0.line, $0.claim.unit.rawValue, $0.low, $0.high) })
        return Score(name: "tonnages, money and prices", expected: expected.count, found: amounts.count, matched: paired.pairs.count,
                     misses: paired.misses, extra: paired.extra, fields: Self.fieldChecks(paired.pairs, metricAndEntity: true),
                     fieldExpected: expected.filter { $0.metric != "other" }.count,
                     fieldFound: amounts.count - paired.pairs.filter { $0.0.metric == "other" }.count)
    }
}
