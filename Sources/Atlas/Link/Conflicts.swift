/// Where the articles disagree: for each share metric and entity, the claims whose values differ,
/// with the reference values and a neutral note on likely reasons.
public struct ConflictGroup: Sendable {
    public var metric: Metric
    public var entity: String
    public var importer: String?
    public var claims: [Claim]
    public var references: [ReferenceFigure]
    public var note: String
}

public enum Conflicts {
    public static func find(_ claims: [Claim], references: [ReferenceFigure]) -> [ConflictGroup] {
        let shares = claims.filter { $0.metric.isShare && $0.entity != nil && $0.unit == .percent }
        let groups = Dictionary(grouping: shares) { "\($0.metric.rawValue)\u{1F}\($0.entity!)\u{1F}\($0.importer ?? "")" }
        return groups.compactMap { _, members -> ConflictGroup? in
            let values = Set(members.map { "\($0.low.map(SVG.number) ?? "")-\($0.high.map(SVG.number) ?? "")" })
            guard values.count > 1, let first = members.first else { return nil }
            let sorted = members.sorted { ($0.pointValue ?? 0, $0.id) < ($1.pointValue ?? 0, $1.id) }
            let matching = references.filter { $0.metric == first.metric && $0.entity == first.entity! }
            return ConflictGroup(metric: first.metric, entity: first.entity!, importer: first.importer, claims: sorted,
                                 references: matching, note: note(sorted, references: matching))
        }
        .sorted {
            (Metric.allCases.firstIndex(of: $0.metric)!, $1.claims.count, $0.entity, $0.importer ?? "")
                < (Metric.allCases.firstIndex(of: $1.metric)!, $0.claims.count, $1.entity, $1.importer ?? "")
        }
    }

    /// Reasons that can be read off the quotes themselves; stated as possibilities, never as a
    /// verdict on which source is right.
    static func note(_ claims: [Claim], references: [ReferenceFigure]) -> String {
        let values = claims.compactMap(\.pointValue)
        var reasons: [String] = []
        let years = Set(claims.compactMap(\.year))
        if years.count > 1 || (!years.isEmpty && claims.contains { $0.year == nil }) {
            reasons.append("they refer to different years, or do not say which year (\(years.sorted().map(String.init).joined(separator: ", ")) stated)")
        }
        let quotes = claims.map { $0.quote.lowercased() }
        let scopes: [(words: [String], reason: String)] = [
            (["heavy", "中重", "重稀土", "medium"], "some cover only heavy or medium-heavy rare earths"),
            (["capacity", "capabilit", "产能", "能力"], "some measure capacity, others actual output"),
            (["technolog", "技术", "patent", "专利"], "some concern technology rather than output"),
            (["resource", "资源"], "some speak of resources, a wider measure than reserves"),
            (["market", "市场"], "some give a market share rather than a share of physical output"),
        ]
        for scope in scopes {
            let hits = quotes.filter { quote in scope.words.contains(where: quote.includes) }.count
            if hits > 0 && hits < quotes.count { reasons.append(scope.reason) }
        }
        if claims.contains(where: { $0.qualifier != .exact }) {
            reasons.append("some are hedged (\"over\", \"about\", \"nearly\") or give a range, and can agree with higher or lower figures")
        }
        if references.contains(where: { $0.bound == .atMost }) {
            reasons.append("the reference is an upper bound because the world total is published as a minimum")
        }
        if Set(references.map(\.source)).count > 1 {
            reasons.append("reference editions and scopes differ too (\(Set(references.map(\.source)).sorted().joined(separator: ", ")))")
        }
        let range = "The articles give figures from \(SVG.number(values.min() ?? 0))% to \(SVG.number(values.max() ?? 0))%."
        return reasons.isEmpty ? range + " The quotes do not say why they differ; rounding and different sources are common causes."
            : range + " Possible reasons: " + reasons.joined(separator: "; ") + "."
    }
}
