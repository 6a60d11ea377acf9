/// One quantity (who, what, of what) on which the articles disagree with each other or with the
/// reference data, or only seem to.
public struct ConflictGroup: Sendable {
    public enum Kind: String, Sendable {
        /// Two measurements of the same quantity that cannot both be true.
        case articles
        /// A measurement the reference data contradict.
        case reference
        /// The values differ, but every difference is one of scope, period or status.
        case explained
    }

    public var kind: Kind
    public var metric: Metric
    public var entity: String
    public var importer: String?
    public var comparison: Comparison
    /// The measurements compared, each figure once, lowest first.
    public var claims: [Claim]
    /// Figures about the same party and metric that are not this quantity now.
    public var setApart: [SetApartClaim]
    public var references: [ReferenceFigure]
    /// Claim id → what is particular to it among the compared figures (its year, its hedge,
    /// whom it cites, whether the reference contradicts it).
    public var details: [String: String]
    public var note: String

    /// The anchor of the party's metric on the conflicts page (`c-reserves_share-china`).
    public var anchor: String { "c-\(metric.rawValue)-\(entity)\(importer.map { "-\($0)" } ?? "")" }
}

/// Finds where figures disagree, comparing like with like: the same metric, party, elements,
/// measure and commodity, stated as measurements of a point in time. Everything else about the
/// same party and metric is listed beside them with the reason it is not compared.
public enum Conflicts {
    static let metrics: Set<Metric> = [.reservesShare, .productionShare, .refiningShare, .magnetShare, .importShare, .importDependence,
                                       .reservesTonnes, .productionTonnes]

    /// `published`: article id → publication year, to hold each figure to the reference editions
    /// out when it was written.
    static func find(_ claims: [Claim], references: [ReferenceFigure], published: ByteKeyedDictionary<Int> = [:]) -> [ConflictGroup] {
        let relevant = claims.filter { metrics.contains($0.metric) && $0.entity != nil && $0.hasValue }
        let subjects = Dictionary(grouping: relevant) { "\($0.metric.rawValue)\u{1F}\($0.entity!)\u{1F}\($0.importer ?? "")" }
        // Each subject on its own, on all cores: a dense corpus has subjects of thousands of claims.
        let groups = Parallel.map(Array(subjects.values)) { Self.groups($0, references: references, published: published) }.flatMap { $0 }
        return groups.sorted {
            (kindOrder($0.kind), Metric.allCases.firstIndex(of: $0.metric)!, $1.claims.count + $1.setApart.count, $0.entity, $0.importer ?? "", order($0.comparison))
                < (kindOrder($1.kind), Metric.allCases.firstIndex(of: $1.metric)!, $0.claims.count + $0.setApart.count, $1.entity, $1.importer ?? "", order($1.comparison))
        }
    }

    /// The groups of one subject (metric, entity and importer): one per comparison whose
    /// figures disagree or contradict a reference, else one explaining why the values differ.
    private static func groups(_ members: [Claim], references: [ReferenceFigure], published: ByteKeyedDictionary<Int>) -> [ConflictGroup] {
        var found: [ConflictGroup] = []
        let first = members[0]
        let measured = members.filter { Comparison($0).setApart($0) == nil }
        let byComparison = Dictionary(grouping: measured, by: Comparison.init)
        var shown = false
        for (comparison, compared) in byComparison.sorted(by: { order($0.key) < order($1.key) }) {
            let sorted = compared.sorted { ($0.sortValue, $0.high ?? .infinity, $0.id) < ($1.sortValue, $1.high ?? .infinity, $1.id) }
            let all = matchingReferences(references, metric: first.metric, entity: first.entity!, comparison: comparison, latestOnly: false)
            // The editions out by each publication year, found once per year rather than three
            // times per figure (each time reading every reference's source for its edition).
            var availableIn: [Int: [ReferenceFigure]] = [:]
            func heldTo(_ claim: Claim) -> [ReferenceFigure] {
                let year = published[claim.article] ?? Int.max
                if let known = availableIn[year] { return known }
                let available = ReferenceFigures.available(all, in: year)
                availableIn[year] = available
                return available
            }
            let againstReference = sorted.filter { contradicts($0, heldTo($0)) }
            var matching: [ReferenceFigure] = []
            for reference in sorted.flatMap(heldTo) + ReferenceFigures.latest(all) where !matching.contains(reference) { matching.append(reference) }
            matching.sort { ($0.source, $0.year ?? 0) < ($1.source, $1.year ?? 0) }
            let disagree = hasDisjointPair(sorted)
            guard disagree || !againstReference.isEmpty else { continue }
            let comparedIDs = Set(compared.map { $0.id })
            let apart = members.filter { !comparedIDs.contains($0.id) && $0.duplicateOf == nil }
                .compactMap { claim in comparison.setApart(claim).map { SetApartClaim(claim: claim, reason: $0) } }
            found.append(ConflictGroup(
                kind: disagree ? .articles : .reference, metric: first.metric, entity: first.entity!, importer: first.importer,
                comparison: comparison, claims: sorted, setApart: apart, references: matching,
                details: details(sorted, heldTo: heldTo),
                note: note(sorted, comparison: comparison, references: matching, againstReference: againstReference, disagree: disagree)))
            shown = true
        }
        // Values differ only because the figures are of different things or times.
        let distinct = Set(members.filter { $0.duplicateOf == nil }.map { $0.valueText })
        if !shown, distinct.count > 1 {
            let primary = Comparison.primary(first.metric)
            let compared = members.filter { primary.includes($0) }
                .sorted { ($0.sortValue, $0.id) < ($1.sortValue, $1.id) }
            let comparedIDs = Set(compared.map { $0.id })
            let apart = members.filter { !comparedIDs.contains($0.id) && $0.duplicateOf == nil }
                .compactMap { claim in primary.setApart(claim).map { SetApartClaim(claim: claim, reason: $0) } }
            guard !apart.isEmpty else { return found }
            found.append(ConflictGroup(
                kind: .explained, metric: first.metric, entity: first.entity!, importer: first.importer, comparison: primary,
                claims: compared, setApart: apart, references: matchingReferences(references, metric: first.metric, entity: first.entity!, comparison: primary),
                details: [:], note: "The values differ, but not for the same quantity: " + reasonSummary(apart) + "."))
        }
        return found
    }

    static func kindOrder(_ kind: ConflictGroup.Kind) -> Int {
        switch kind {
        case .articles: return 0
        case .reference: return 1
        case .explained: return 2
        }
    }

    /// The main comparison of a metric first, then narrower ones, in a fixed order.
    static func order(_ comparison: Comparison) -> String {
        let primary = comparison == Comparison.primary(comparison.metric) ? "0" : "1"
        return primary + comparison.commodity + comparison.elements.code + (comparison.measure?.rawValue ?? "")
    }

    /// Two figures that cannot both be true, even allowing for rounding and hedges.
    static func hasDisjointPair(_ claims: [Claim]) -> Bool {
        let ranges = claims.compactMap(\.plausibleRange)
        guard let lowestTop = ranges.map(\.upperBound).min(), let highestBottom = ranges.map(\.lowerBound).max() else { return false }
        return highestBottom > lowestTop
    }

    /// The reference values for the same quantity: the newest edition of each source (and for
    /// production, the newest year), with the same scope.
    static func matchingReferences(_ references: [ReferenceFigure], metric: Metric, entity: String, comparison: Comparison, latestOnly: Bool = true) -> [ReferenceFigure] {
        guard comparison.commodity == ClaimScope.rareEarths else { return [] }
        let same = references.filter {
            $0.metric == metric && $0.entity == entity && $0.elements == comparison.elements && $0.measure == comparison.measure
        }
        return latestOnly ? ReferenceFigures.latest(same) : same
    }

    /// The reference value lies outside what the claim allows, by more than rounding. A share
    /// that is an upper bound (USGS reserves: the world total is a minimum) only contradicts a
    /// claim above it.
    static func contradicts(_ claim: Claim, _ references: [ReferenceFigure]) -> Bool {
        guard let range = claim.plausibleRange else { return false }
        return references.contains { reference in
            let tolerance = reference.unit == .percent ? 1.0 : reference.value * 0.15
            switch reference.bound {
            case .atMost: return range.lowerBound > reference.value + tolerance
            case .exact: return range.lowerBound > reference.value + tolerance || range.upperBound < reference.value - tolerance
            }
        }
    }

    /// What is particular to each compared figure, from its fields.
    static func details(_ claims: [Claim], heldTo: (Claim) -> [ReferenceFigure]) -> [String: String] {
        // Period, status and source are in the row already; this says what else sets it apart.
        var result: [String: String] = [:]
        for claim in claims {
            var parts: [String] = []
            switch claim.qualifier {
            case .exact where claim.low != claim.high: parts.append("a range")
            case .exact: break
            default: parts.append("hedged: \(claim.qualifier.rawValue)")
            }
            let references = heldTo(claim)
            if contradicts(claim, references), let reference = references.first(where: { contradicts(claim, [$0]) }) {
                let ratio = claim.unit == .tonnes ? claim.sortValue / reference.value : 0
                parts.append("the reference gives \(reference.valueText) (\(reference.citation))" + (ratio >= 2 ? ", about \(SVG.number(ratio.rounded()))× less" : ""))
            }
            result[claim.id] = parts.joined(separator: "; ")
        }
        return result
    }

    /// The first few reasons and how many more: the note must not grow with the corpus.
    static func reasonSummary(_ apart: [SetApartClaim]) -> String {
        let reasons = apart.map { "\($0.claim.valueText) is \($0.reason.reason)" }.orderedUnique()
        return reasons.count <= 5 ? reasons.joined(separator: "; ") : reasons.prefix(5).joined(separator: "; ") + "; and \(reasons.count - 5) more"
    }

    /// Stated as possibilities read off the figures' own fields, never as a verdict on which
    /// source is right.
    static func note(_ claims: [Claim], comparison: Comparison, references: [ReferenceFigure], againstReference: [Claim], disagree: Bool) -> String {
        let lowest = claims.first.map { $0.valueText } ?? "", highest = claims.max { ($0.high ?? $0.sortValue) < ($1.high ?? $1.sortValue) }?.valueText ?? ""
        let articles = Set(claims.map { $0.article }).count
        var text = disagree
            ? "\(articles) articles measure the same quantity (\(comparison.label)) and give from \(lowest) to \(highest). "
            : "The articles' figure\(claims.count == 1 ? "" : "s") (\(comparison.label)) and the reference data disagree. "
        var reasons: [String] = []
        let years = Set(claims.compactMap { $0.period.pointYear }).sorted()
        if years.count > 1 { reasons.append("they are of different years (\(years.map(String.init).joined(separator: ", ")))") }
        if claims.contains(where: { $0.qualifier != .exact || $0.low != $0.high }) { reasons.append("some are hedged or ranges") }
        let speakers = Set(claims.compactMap { $0.speaker })
        if !speakers.isEmpty { reasons.append("some cite a source (\(speakers.sorted().joined(separator: ", "))), others none") }
        if claims.contains(where: { $0.status == .estimate }) { reasons.append("some are estimates") }
        if references.contains(where: { $0.bound == .atMost }) { reasons.append("the reference share is an upper bound because the world total is published as a minimum") }
        if !againstReference.isEmpty, comparison.metric == .reservesTonnes {
            reasons.append("articles sometimes give resources, a much wider measure, as reserves")
        }
        text += reasons.isEmpty ? "Scope, status and period are the same; rounding, the source an article used, or an error remain."
            : "Possible reasons: " + reasons.joined(separator: "; ") + "."
        return text
    }
}
