/// What a claim row says about its figure besides the value, in both languages ("中文 English"),
/// so that a reader of either can tell two figures apart: when it holds (period), whether it is a
/// measurement (status), and of what (scope: which rare earths, which measure, which commodity,
/// at what rate). The exports keep the codes; only pages read these.
struct ClaimFacts: Hashable, Sendable {
    var period: String
    var status: String
    var scope: String

    /// `names`: entity id → (Chinese, English) name, for elements and commodities named by id.
    init(_ claim: Claim, names: (String) -> (zh: String, en: String)?) {
        period = Self.period(claim.period)
        status = claim.status.label
        var parts: [(zh: String, en: String)] = []
        parts.append(claim.scope.isRareEarths ? Self.elements(claim.scope.elements, names: names)
                     : names(claim.scope.commodity) ?? Self.commodity(claim.scope.commodity))
        if let measure = claim.scope.measure { parts.append(Self.measure(measure)) }
        if let rate = claim.rate { parts.append(Self.rate(rate)) }
        scope = parts.map { Self.pair($0.zh, $0.en) }.joined(separator: " · ")
    }

    /// "中文 English", as the site pairs short labels ("陈述 stated"), or one of them when they
    /// read the same.
    static func pair(_ zh: String, _ en: String) -> String {
        zh == en ? en : "\(zh) \(en)"
    }

    static func period(_ period: ClaimPeriod) -> String {
        let from = period.from.map(String.init) ?? "", to = period.to.map(String.init) ?? ""
        switch period.kind {
        case .year: return from
        case .range: return "\(from)–\(to)"
        case .since: return pair(period.isDecade ? "\(from)年代以来" : "\(from)年以来", period.label)
        case .asOf: return pair("截至\(to)年", period.label)
        case .by: return pair("\(to)年前", period.label)
        case .current: return pair("当前", period.label)
        case .past: return pair("过去", period.label)
        }
    }

    static func elements(_ scope: ElementScope, names: (String) -> (zh: String, en: String)?) -> (zh: String, en: String) {
        switch scope {
        case .all: return ("全部稀土", scope.label)
        case .light: return ("轻稀土", scope.label)
        case .mediumHeavy: return ("中重稀土", scope.label)
        case .heavy: return ("重稀土", scope.label)
        case .magnet: return ("磁体稀土（钕、镨、镝、铽）", scope.label)
        case .element(let id): return names(id) ?? (id, id)
        }
    }

    /// A commodity by the Chinese word the scope rule reads it from (gallium → 镓).
    static func commodity(_ id: String) -> (zh: String, en: String) {
        (ScopeRule.materials.first { $0.1 == id && $0.0.contains { $0.isHan } }?.0 ?? id, id)
    }

    static func measure(_ measure: Measure) -> (zh: String, en: String) {
        switch measure {
        case .reserves: return ("储量", measure.label)
        case .resources: return ("资源量（比储量宽）", measure.label)
        case .output: return ("产量", measure.label)
        case .capacity: return ("产能", measure.label)
        case .technology: return ("技术或专利", measure.label)
        case .imports: return ("进口", measure.label)
        }
    }

    static func rate(_ rate: Rate) -> (zh: String, en: String) {
        switch rate {
        case .perDay: return ("每天", rate.rawValue)
        case .perMonth: return ("每月", rate.rawValue)
        case .perQuarter: return ("每季度", rate.rawValue)
        case .perYear: return ("每年", rate.rawValue)
        }
    }
}
