/// Whether a figure reports how things are or were, or how someone wants or expects them to be.
/// "China mines 69%" and "the EU aims for 40% by 2030" are both percentages; only the first is a
/// measurement, and a chart of measurements must not draw the second.
public enum ClaimStatus: String, Hashable, Sendable, CaseIterable, Codable {
    /// Said as a fact about now or about a dated moment.
    case stated
    /// Said as a fact but marked uncertain ("estimated at", "据估计").
    case estimate
    /// A goal someone set ("aims to", "目标").
    case target
    /// An amount someone intends or has promised to spend or build ("plans to invest", "计划").
    case plan
    /// A projection of what will or could be ("expected to reach", "预计").
    case forecast
    /// A past state the text contrasts with now, or one three or more years before publication.
    case historical

    /// Only these describe the world as it was measured; the rest are set apart in comparisons.
    public var isMeasurement: Bool { self == .stated || self == .estimate }

    /// How tables and marks name it, in both languages.
    public var label: String {
        switch self {
        case .stated: return "陈述 stated"
        case .estimate: return "估计 estimate"
        case .target: return "目标 target"
        case .plan: return "计划 plan"
        case .forecast: return "预测 forecast"
        case .historical: return "历史 historical"
        }
    }
}
