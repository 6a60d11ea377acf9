/// A point on the timeline: something an article says happened or is planned, an article's
/// publication, or an editor's curated milestone.
public struct Event: Hashable, Sendable, Identifiable {
    public enum Precision: String, Hashable, Sendable, Codable { case day, month, year }
    public enum Kind: String, Hashable, Sendable, Codable { case event, publication, curated }
    public enum Status: String, Hashable, Sendable, Codable { case happened, target }
    /// How loosely the text places it in its period: `本月初` is early in the month, `mid-2025`
    /// the middle of the year, `一年后` about a year on. Said beside the date, never hidden in it.
    public enum Approximation: String, Hashable, Sendable, Codable { case early, middle, late, about }

    /// Stored once for all copies (`CopyOnWrite`): events are read out of shared arrays and
    /// indexes by the timeline, entity and topic pages.
    private struct Fields: Hashable, Sendable {
        var id: String
        var year: Int
        var month: Int?
        var day: Int?
        var precision: Precision
        var kind: Kind
        var status: Status
        var summary: String
        var actors: [String]
        var article: String?
        var quote: String?
        var source: String?
        var sourceURL: String?
        var rule: String
        var location: SourceLocation? = nil
        var approximation: Approximation? = nil
    }

    private var fields: CopyOnWrite<Fields>

    public var id: String {
        get { fields.value.id }
        set { fields.update { $0.id = newValue } }
    }
    public var year: Int {
        get { fields.value.year }
        set { fields.update { $0.year = newValue } }
    }
    public var month: Int? {
        get { fields.value.month }
        set { fields.update { $0.month = newValue } }
    }
    public var day: Int? {
        get { fields.value.day }
        set { fields.update { $0.day = newValue } }
    }
    public var precision: Precision {
        get { fields.value.precision }
        set { fields.update { $0.precision = newValue } }
    }
    public var kind: Kind {
        get { fields.value.kind }
        set { fields.update { $0.kind = newValue } }
    }
    public var status: Status {
        get { fields.value.status }
        set { fields.update { $0.status = newValue } }
    }
    public var summary: String {
        get { fields.value.summary }
        set { fields.update { $0.summary = newValue } }
    }
    /// Entity ids named with it.
    public var actors: [String] {
        get { fields.value.actors }
        set { fields.update { $0.actors = newValue } }
    }
    /// The article it comes from (`Article.id`); nil for curated events.
    public var article: String? {
        get { fields.value.article }
        set { fields.update { $0.article = newValue } }
    }
    /// The sentence that dates it (verbatim) for extracted events.
    public var quote: String? {
        get { fields.value.quote }
        set { fields.update { $0.quote = newValue } }
    }
    /// For curated events: who says so.
    public var source: String? {
        get { fields.value.source }
        set { fields.update { $0.source = newValue } }
    }
    public var sourceURL: String? {
        get { fields.value.sourceURL }
        set { fields.update { $0.sourceURL = newValue } }
    }
    /// Which rule read the date, or `publication` / `curated`.
    public var rule: String {
        get { fields.value.rule }
        set { fields.update { $0.rule = newValue } }
    }
    /// For curated events: where the title is written in timeline.yml.
    public var location: SourceLocation? {
        get { fields.value.location }
        set { fields.update { $0.location = newValue } }
    }
    public var approximation: Approximation? {
        get { fields.value.approximation }
        set { fields.update { $0.approximation = newValue } }
    }

    init(id: String, year: Int, month: Int?, day: Int?, precision: Precision, kind: Kind, status: Status, summary: String, actors: [String], article: String?, quote: String?, source: String?, sourceURL: String?, rule: String, location: SourceLocation? = nil, approximation: Approximation? = nil) {
        fields = CopyOnWrite(Fields(id: id, year: year, month: month, day: day, precision: precision, kind: kind, status: status, summary: summary, actors: actors, article: article, quote: quote, source: source, sourceURL: sourceURL, rule: rule, location: location, approximation: approximation))
    }

    /// `2025-10-09`, `2025-10` or `2025`: never a made-up day.
    public var dateText: String {
        switch precision {
        case .day: return "\(year.zeroPadded(4))-\((month ?? 1).zeroPadded(2))-\((day ?? 1).zeroPadded(2))"
        case .month: return "\(year.zeroPadded(4))-\((month ?? 1).zeroPadded(2))"
        case .year: return year.zeroPadded(4)
        }
    }

    /// A date known only to its month or year sorts at the start of that period, before its
    /// dated days: "in September" and "early this month" come before 23 September, not after the
    /// 30th. "Mid-" and "late" in a month sort just before its 11th and 21st. Days count double
    /// so those positions fall between two days.
    public var sortKey: (Int, Int, Int) {
        guard let month else { return (year, 0, 0) }
        guard let day else {
            switch approximation {
            case .middle: return (year, month, 21)
            case .late: return (year, month, 41)
            default: return (year, month, 0)
            }
        }
        return (year, month, day * 2)
    }
}
