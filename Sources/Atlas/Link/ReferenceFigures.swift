/// A share or tonnage from a reference dataset, to set beside the articles' claims: with its
/// scope, so a magnet-rare-earth share from the IEA is never compared with an all-rare-earth
/// figure, and its edition, always named.
public struct ReferenceFigure: Hashable, Sendable {
    public enum Bound: String, Hashable, Sendable { case exact, atMost = "at most" }
    public var metric: Metric
    public var entity: String
    /// Percent for shares, tonnes for tonnages.
    public var value: Double
    public var unit: FigureUnit = .percent
    public var elements: ElementScope = .all
    public var measure: Measure
    public var bound: Bound
    public var year: Int?
    /// "USGS MCS 2026": the edition, always named.
    public var source: String
    /// What the share is of, and how it was computed: "44 million t of more than 75 million t (world reserves)".
    public var detail: String
    public var dataset: String

    public var valueText: String {
        if unit == .tonnes { return ReferenceFigures.grouped(value) + " t" }
        return (bound == .atMost ? "≤ " : "") + SVG.number((value * 10).rounded() / 10) + "%"
    }

    /// "USGS MCS 2026 · 2024"
    public var citation: String { source + (year.map { " · \($0)" } ?? "") }

    /// The year the edition came out ("MCS 2026" → 2026), when the source names one.
    public var editionYear: Int? {
        guard let last = source.split(separator: " ").last, let year = Int(last), (1990...2100).contains(year) else { return nil }
        return year
    }
}

/// Derives comparable shares from the curated datasets: country ÷ world total for USGS reserves
/// and mine production (per edition and year), and the IEA's published shares.
public enum ReferenceFigures {
    static let world = "World total (rounded)"

    public static func compute(_ datasets: [Dataset], entities: [Entity]) -> [ReferenceFigure] {
        let matcher = EntityMatcher(entities: entities)
        func entityID(_ name: String) -> String? {
            let characters = Array(name)
            return matcher.mentions(in: characters).first(where: { $0.range == 0..<characters.count })?.entity
        }
        var result: [ReferenceFigure] = []
        for dataset in datasets {
            switch dataset.id {
            case "usgs-reserves":
                for edition in (dataset.rows.compactMap { $0["edition"] }).orderedUnique() {
                    let rows = dataset.rows.filter { $0["edition"] == edition }
                    guard let total = rows.first(where: { $0["country"] == world }).flatMap({ dataset.number($0, "tonnes_reo") }), total > 0 else { continue }
                    for row in rows {
                        guard let name = row["country"], let id = entityID(name), let tonnes = dataset.number(row, "tonnes_reo") else { continue }
                        result.append(ReferenceFigure(metric: .reservesShare, entity: id, value: tonnes / total * 100, measure: .reserves, bound: .atMost, year: nil,
                                                      source: "USGS \(edition)", detail: "\(FigureText.amount(tonnes, unit: .tonnes)) of more than \(FigureText.amount(total, unit: .tonnes)) (world reserves)",
                                                      dataset: dataset.id))
                        result.append(ReferenceFigure(metric: .reservesTonnes, entity: id, value: tonnes, unit: .tonnes, measure: .reserves, bound: .exact,
                                                      year: nil, source: "USGS \(edition)", detail: "reserves, t of rare-earth oxide equivalent", dataset: dataset.id))
                    }
                }
            case "usgs-mine-production":
                // Each year from the newest edition that gives it.
                let years = dataset.rows.compactMap { $0["year"] }.orderedUnique().sorted()
                for year in years {
                    let editions = dataset.rows.filter { $0["year"] == year }.compactMap { $0["edition"] }.orderedUnique().sorted()
                    guard let edition = editions.last else { continue }
                    let rows = dataset.rows.filter { $0["year"] == year && $0["edition"] == edition }
                    guard let total = rows.first(where: { $0["country"] == world }).flatMap({ dataset.number($0, "tonnes_reo") }), total > 0 else { continue }
                    for row in rows {
                        guard let name = row["country"], let id = entityID(name), let tonnes = dataset.number(row, "tonnes_reo") else { continue }
                        result.append(ReferenceFigure(metric: .productionShare, entity: id, value: tonnes / total * 100, measure: .output, bound: .exact, year: Int(year),
                                                      source: "USGS \(edition)", detail: "\(FigureText.amount(tonnes, unit: .tonnes)) of \(FigureText.amount(total, unit: .tonnes)) (\(year) mine production, rounded world total)",
                                                      dataset: dataset.id))
                        result.append(ReferenceFigure(metric: .productionTonnes, entity: id, value: tonnes, unit: .tonnes, measure: .output, bound: .exact,
                                                      year: Int(year), source: "USGS \(edition)", detail: "\(year) mine production, t of rare-earth oxide equivalent",
                                                      dataset: dataset.id))
                    }
                }
            case "iea-magnet-ree-shares":
                for row in dataset.rows where row["basis"] == "observed" {
                    guard let name = row["entity"], let id = entityID(name), let share = dataset.number(row, "share_percent"),
                          let stage = row["stage"], let metric = ["mining": Metric.productionShare, "refining": .refiningShare, "magnets": .magnetShare][stage] else { continue }
                    // Mining and refining shares are of the magnet rare earths only; the magnet
                    // stage is a share of magnets, whatever they contain.
                    result.append(ReferenceFigure(metric: metric, entity: id, value: share, elements: metric == .magnetShare ? .all : .magnet, measure: .output,
                                                  bound: .exact, year: row["year"].flatMap { Int($0) },
                                                  source: "IEA", detail: "magnet rare earths (Nd, Pr, Dy, Tb), \(stage), \(row["year"] ?? "")", dataset: dataset.id))
                }
            default:
                continue
            }
        }
        return result
    }

    /// The editions a reader of an article published in `year` could have checked: those out by
    /// then (else the earliest), each source's newest. An article of July 2025 is held to MCS
    /// 2025, not to a revision published in 2026.
    public static func available(_ references: [ReferenceFigure], in year: Int) -> [ReferenceFigure] {
        let out = references.filter { ($0.editionYear ?? 0) <= year }
        if !out.isEmpty { return latest(out) }
        let earliest = references.compactMap(\.editionYear).min()
        return latest(references.filter { $0.editionYear == earliest })
    }

    /// Per source, only its newest year or edition: a comparison of now, not of years.
    public static func latest(_ references: [ReferenceFigure]) -> [ReferenceFigure] {
        var best: [String: ReferenceFigure] = [:]
        for reference in references {
            let key = reference.source.hasPrefix("USGS") ? "USGS" : reference.source
            if let current = best[key], (current.year ?? 0, current.source) >= (reference.year ?? 0, reference.source) { continue }
            best[key] = reference
        }
        return best.values.sorted { ($0.source, $0.year ?? 0) < ($1.source, $1.year ?? 0) }
    }

    /// 44000000 → "44,000,000", without locale.
    static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let digits = String(format: "%.0f", value.rounded())
        var out = ""
        for (index, c) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
