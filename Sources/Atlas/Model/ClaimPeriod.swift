/// When a figure holds, as its own clause says, or the publication date when it says nothing.
/// "60% to 70% since the late 1990s" is an average over decades, "90% in 2009" is history and
/// "50% by 2030" a deadline: none of them is a measurement of now.
public struct ClaimPeriod: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        case year
        case range
        case since
        case asOf = "as of"
        /// The deadline of a target, plan or forecast.
        case by
        /// Nothing stated: as of the article's publication.
        case current
        /// Said to be past, with no year.
        case past
    }

    /// How the years were found.
    public enum Resolution: String, Hashable, Sendable, CaseIterable, Codable {
        /// Written in the figure's clause.
        case stated
        /// Taken from the publication date: `current`, or a month named without a year.
        case publication
        /// Counted from the publication date ("last year", "去年").
        case relative
        /// No year at all (`past`).
        case none
    }

    public var kind: Kind
    /// First year (`year`, `range`, `since`).
    public var from: Int?
    /// Last year (`year`, `range`, `as of`, `by`; the publication year for `current`).
    public var to: Int?
    /// "since the 1990s": `from` is the decade's first year.
    public var isDecade: Bool = false
    public var resolution: Resolution

    public init(kind: Kind, from: Int? = nil, to: Int? = nil, isDecade: Bool = false, resolution: Resolution) {
        self.kind = kind
        self.from = from
        self.to = to
        self.isDecade = isDecade
        self.resolution = resolution
    }

    public static func year(_ year: Int, resolution: Resolution = .stated) -> ClaimPeriod {
        ClaimPeriod(kind: .year, from: year, to: year, resolution: resolution)
    }

    public static func current(published year: Int) -> ClaimPeriod {
        ClaimPeriod(kind: .current, to: year, resolution: .publication)
    }

    public static let past = ClaimPeriod(kind: .past, resolution: .none)

    /// The year a point-in-time figure describes: the year, the as-of year, the publication year
    /// of a current one. nil for spans (ranges, `since`), deadlines and the unspecified past.
    public var pointYear: Int? {
        switch kind {
        case .year, .asOf, .current: return to
        default: return nil
        }
    }

    /// The value in exports and hand counts: `2024`, `2020-2023`, `since 1998`, `since 1990s`,
    /// `as of 2024`, `by 2030`, `current`, `past`.
    public var code: String {
        switch kind {
        case .year: return from.map(String.init) ?? ""
        case .range: return "\(from.map(String.init) ?? "")-\(to.map(String.init) ?? "")"
        case .since: return "since \(from.map(String.init) ?? "")\(isDecade ? "s" : "")"
        case .asOf: return "as of \(to.map(String.init) ?? "")"
        case .by: return "by \(to.map(String.init) ?? "")"
        case .current: return "current"
        case .past: return "past"
        }
    }

    /// For a reader: "2024", "2020–2023", "since the 1990s", "current (2025)".
    public var label: String {
        switch kind {
        case .range: return "\(from.map(String.init) ?? "")–\(to.map(String.init) ?? "")"
        case .since: return isDecade ? "since the \(from.map(String.init) ?? "")s" : "since \(from.map(String.init) ?? "")"
        case .current: return to.map { "current (\($0))" } ?? "current"
        case .past: return "in the past"
        default: return code
        }
    }

    /// Reads a `code` back (editor corrections); nil when it is not one.
    public init?(code: String, published: Int) {
        let text = code.trimmingWhitespace
        func year(_ s: Substring) -> Int? { Int(s).flatMap { (1800...2200).contains($0) ? $0 : nil } }
        if text == "current" { self = .current(published: published); return }
        if text == "past" { self = .past; return }
        for (prefix, kind) in [("since ", Kind.since), ("as of ", .asOf), ("by ", .by)] where text.hasPrefix(prefix) {
            var rest = text.dropFirst(prefix.count)
            let decade = kind == .since && rest.hasSuffix("s")
            if decade { rest = rest.dropLast() }
            guard let y = year(rest), !decade || y % 10 == 0 else { return nil }
            self = kind == .since ? ClaimPeriod(kind: .since, from: y, isDecade: decade, resolution: .stated)
                : ClaimPeriod(kind: kind, to: y, resolution: .stated)
            return
        }
        let parts = text.split(separator: "-")
        if parts.count == 1, let y = year(parts[0]) { self = .year(y); return }
        if parts.count == 2, let a = year(parts[0]), let b = year(parts[1]), a < b {
            self = ClaimPeriod(kind: .range, from: a, to: b, resolution: .stated)
            return
        }
        return nil
    }
}
