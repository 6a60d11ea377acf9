/// A point on the timeline: something an article says happened or is planned, an article's
/// publication, or an editor's curated milestone.
@dynamicMemberLookup
public struct Event: Hashable, Sendable {
    public enum Precision: String, Hashable, Sendable, Codable { case day, month, year }
    public enum Kind: String, Hashable, Sendable, Codable { case event, publication, curated }
    public enum Status: String, Hashable, Sendable, Codable { case happened, target }
    /// How loosely the text places it in its period: `本月初` is early in the month, `mid-2025`
    /// the middle of the year, `一年后` about a year on. Said beside the date, never hidden in it.
    public enum Approximation: String, Hashable, Sendable, Codable { case early, middle, late, about }

    /// What an event holds, stored once for all its copies (`CopyOnWrite`): events are read out of
    /// shared arrays and indexes by every stage, and a copy of the box is one retain where a
    /// copy of the fields retained every string and array in them. Read and written as the
    /// event's own properties (`event.year`).
    public struct Fields: Hashable, Sendable {
        public var id: String
        public var year: Int
        public var month: Int?
        public var day: Int?
        public var precision: Precision
        public var kind: Kind
        public var status: Status
        public var summary: String
        /// Entity ids named with it.
        public var actors: [String]
        /// The article it comes from (`Article.id`); nil for curated events.
        public var article: String?
        /// The sentence that dates it (verbatim) for extracted events.
        public var quote: String?
        /// For curated events: who says so.
        public var source: String?
        public var sourceURL: String?
        /// Which rule read the date, or `publication` / `curated`.
        public var rule: String
        /// For curated events: where the title is written in timeline.yml.
        public var location: SourceLocation? = nil
        public var approximation: Approximation? = nil
    }

    private var fields: CopyOnWrite<Fields>

    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { fields.value[keyPath: field] }
        set { fields.update { $0[keyPath: field] = newValue } }
    }

    init(id: String, year: Int, month: Int?, day: Int?, precision: Precision, kind: Kind, status: Status, summary: String, actors: [String], article: String?, quote: String?, source: String?, sourceURL: String?, rule: String, location: SourceLocation? = nil, approximation: Approximation? = nil) {
        fields = CopyOnWrite(Fields(id: id, year: year, month: month, day: day, precision: precision, kind: kind, status: status, summary: summary, actors: actors, article: article, quote: quote, source: source, sourceURL: sourceURL, rule: rule, location: location, approximation: approximation))
    }

    /// `2025-10-09`, `2025-10` or `2025`: never a made-up day.
    public var dateText: String {
        let (year, month, day) = (self.year, self.month, self.day)
        switch self.precision {
        case .day: return DigitText.make(DigitText.date(year, month ?? 1, day ?? 1))
        case .month: return DigitText.month(year, month ?? 1)
        case .year: return year.zeroPadded(4)
        }
    }

    /// A date known only to its month or year sorts at the start of that period, before its
    /// dated days: "in September" and "early this month" come before 23 September, not after the
    /// 30th. "Mid-" and "late" in a month sort just before its 11th and 21st. Days count double
    /// so those positions fall between two days.
    public var sortKey: (Int, Int, Int) {
        let year = self.year
        guard let month = self.month else { return (year, 0, 0) }
        guard let day = self.day else {
            switch self.approximation {
            case .middle: return (year, month, 21)
            case .late: return (year, month, 41)
            default: return (year, month, 0)
            }
        }
        return (year, month, day * 2)
    }
}
