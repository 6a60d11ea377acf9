/// Which figures can stand side by side as measurements of one quantity, and for the others,
/// why they are set apart, said from their own fields ("heavy rare earths only", "a target for
/// 2030", "history: 2009"), never from keywords in the sentence.
public struct Comparison: Hashable, Sendable {
    public var metric: Metric
    public var elements: ElementScope
    public var measure: Measure?
    public var commodity: String

    public init(metric: Metric, elements: ElementScope = .all, measure: Measure?, commodity: String = ClaimScope.rareEarths) {
        self.metric = metric
        self.elements = elements
        self.measure = measure
        self.commodity = commodity
    }

    /// The comparison a claim belongs to when it is a measurement: its own metric and scope.
    public init(_ claim: Claim) {
        self.init(metric: claim.metric, elements: claim.scope.elements, measure: claim.scope.measure, commodity: claim.scope.commodity)
    }

    /// What the main comparison of a metric measures: reserves, output, imports.
    public static func primaryMeasure(_ metric: Metric) -> Measure? {
        switch metric {
        case .reservesShare, .reservesTonnes: return .reserves
        case .productionShare, .refiningShare, .magnetShare, .productionTonnes: return .output
        case .importShare, .importDependence: return .imports
        default: return nil
        }
    }

    public static func primary(_ metric: Metric) -> Comparison {
        Comparison(metric: metric, measure: primaryMeasure(metric))
    }

    /// "all rare earths, output"; "heavy rare earths, capacity".
    public var label: String {
        var parts: [String] = []
        parts.append(commodity == ClaimScope.rareEarths ? elements.label : commodity)
        if let measure, metric != .importShare, metric != .importDependence { parts.append(measure.label) }
        return parts.joined(separator: ", ")
    }

    /// nil when the claim measures this quantity now (stated or estimated, at a point in time,
    /// and not a repeat); else the first reason it does not.
    public func setApart(_ claim: Claim) -> SetApart? {
        if let first = claim.duplicateOf { return .repeatOf(first) }
        if claim.scope.commodity != commodity { return .otherCommodity(claim.scope.commodity) }
        if let reason = SetApart.notNow(claim) { return reason }
        if claim.scope.elements != elements { return .otherElements(claim.scope.elements) }
        if claim.scope.measure != measure, let other = claim.scope.measure { return .otherMeasure(other) }
        if claim.unit != .percent, let rate = claim.rate, rate != .perYear { return .rate(rate) }
        return nil
    }

    public func includes(_ claim: Claim) -> Bool { claim.metric == metric && setApart(claim) == nil }
}

/// A figure kept out of a comparison, with the reason from its own fields.
public struct SetApartClaim: Hashable, Sendable {
    public var claim: Claim
    public var reason: SetApart
}

/// Why a figure is not drawn or compared with the others of its kind.
public enum SetApart: Hashable, Sendable {
    case repeatOf(String)
    case otherCommodity(String)
    case otherElements(ElementScope)
    case otherMeasure(Measure)
    /// A target, plan or forecast: not a measurement.
    case notMeasurement(ClaimStatus, ClaimPeriod)
    /// History: a past state, or a year long before publication.
    case historical(ClaimPeriod)
    /// An average or total over years ("2020–2023", "since the 1990s").
    case span(ClaimPeriod)
    case rate(Rate)

    /// The reason when the claim's status or period keep it from being a figure of now.
    static func notNow(_ claim: Claim) -> SetApart? {
        switch claim.status {
        case .target, .plan, .forecast: return .notMeasurement(claim.status, claim.period)
        case .historical: return .historical(claim.period)
        case .stated, .estimate: break
        }
        switch claim.period.kind {
        case .range, .since: return .span(claim.period)
        case .past: return .historical(claim.period)
        case .by: return .notMeasurement(.forecast, claim.period)
        case .year, .asOf, .current: return nil
        }
    }

    /// Said for a reader, from the claim's fields.
    public var reason: String {
        switch self {
        case .repeatOf: return "repeats a figure stated earlier in the same article"
        case .otherCommodity(let name): return "about \(name), not rare earths"
        case .otherElements(let elements): return "\(elements.label) only"
        case .otherMeasure(let measure): return "measures \(measure.label)"
        case .notMeasurement(let status, let period):
            let when = period.kind == .by || period.kind == .year ? " for \(period.to.map(String.init) ?? period.label)" : ""
            switch status {
            case .target: return "a target\(when), not a measurement"
            case .plan: return "a plan\(when), not a measurement"
            default: return "a forecast\(when), not a measurement"
            }
        case .historical(let period):
            return period.kind == .past ? "history: said of the past" : "history: \(period.label)"
        case .span(let period):
            return period.kind == .since ? "an average \(period.label), not one year" : "an average or total over \(period.label)"
        case .rate(let rate): return "counted \(rate.rawValue), not per year"
        }
    }
}
