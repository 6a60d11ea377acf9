import Yams

/// Reads `content/timeline.yml`: milestones an editor adds by hand, each with its source.
public enum TimelineReader {
    public static let path = "content/timeline.yml"
    static let keys = ["date", "title", "status", "source", "source_url", "entities"]

    public static func read(_ file: TextFile, entities: Set<String>, log: inout DiagnosticLog) -> [Event] {
        guard case .parsed(let node) = YAMLFields.compose(file.text, file: file.path, log: &log) else { return [] }
        guard case .sequence(let items)? = node else {
            log.error("the timeline must be a list of events", at: SourceLocation(file: file.path, line: 1), hint: "start each event with `- date: YYYY-MM-DD`")
            return []
        }
        var events: [Event] = []
        // Event id → the line it was first given on: the id is the anchor of the event's row, and
        // two rows with one anchor would make the second unreachable.
        var seen: [String: Int] = [:]
        for item in items {
            guard let fields = YAMLFields(node: item, file: file.path, allowed: keys, unknownKeysAreErrors: true, log: &log) else { continue }
            let before = log.errorCount
            let raw = fields.string("date", log: &log) ?? ""
            let parts = raw.split(separator: "-").map { Int($0) }
            var precision = Event.Precision.year
            var (year, month, day): (Int?, Int?, Int?) = (nil, nil, nil)
            if parts.count >= 1, parts.allSatisfy({ $0 != nil }) {
                year = parts[0]
                if parts.count >= 2 { month = parts[1]; precision = .month }
                if parts.count == 3 { day = parts[2]; precision = .day }
            }
            if year == nil || parts.count > 3 || LocalDateTime(year: year ?? 0, month: month ?? 1, day: day ?? 1).calendarProblem != nil {
                log.error("`date` `\(raw)` is not YYYY-MM-DD, YYYY-MM or YYYY", at: fields.has("date") ? fields.location(ofKey: "date") : fields.mappingLocation,
                          hint: "give the date as precisely as the source does, no more")
            }
            let title = fields.string("title", log: &log) ?? ""
            let source = fields.string("source", log: &log) ?? ""
            if title.isEmpty { log.error("the event has no `title`", at: fields.mappingLocation, hint: "say in one line what happened") }
            if source.isEmpty { log.error("the event has no `source`", at: fields.mappingLocation, hint: "every curated event names its source") }
            let statusText = fields.string("status", log: &log) ?? "happened"
            let status = Event.Status(rawValue: statusText)
            if status == nil { log.error("`status` must be `happened` or `target`", at: fields.location(ofKey: "status"), hint: "targets are plans and forecasts") }
            if let url = fields.string("source_url", log: &log), !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                log.error("`source_url` must start with http:// or https://", at: fields.location(ofKey: "source_url"), hint: "give the full address of the source")
            }
            let actors = fields.strings("entities", log: &log) ?? []
            for actor in actors where !entities.contains(actor) {
                log.error("unknown entity `\(actor)`", at: fields.location(ofKey: "entities"), hint: "use ids from content/entities.yml")
            }
            let id = "t" + Slug.stableHash("\(raw)\u{1F}\(title)")
            if let first = seen[id] {
                log.error("this event (same date and title) is already on line \(first)", at: fields.mappingLocation,
                          hint: "remove one of the two, or tell them apart in the title")
            }
            guard log.errorCount == before, let year, let status else { continue }
            seen[id] = fields.mappingLocation.line
            events.append(Event(id: id, year: year, month: month, day: day, precision: precision,
                                kind: .curated, status: status, summary: title, actors: actors, article: nil, quote: nil, source: source,
                                sourceURL: fields.string("source_url", log: &log), rule: "curated",
                                location: fields.has("title") ? fields.location(ofKey: "title") : fields.mappingLocation))
        }
        return events
    }
}
