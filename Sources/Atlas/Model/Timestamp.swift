import Foundation

/// A publication time pinned to the site's zone: keeps the wall-clock time the source printed
/// and the offset, so pages show what the source said and `<time datetime>` is unambiguous.
public struct Timestamp: Hashable, Sendable, Comparable {
    public var local: LocalDateTime
    public var instant: Date
    /// Seconds east of UTC at that instant in the site's zone.
    public var offsetSeconds: Int

    public init?(_ local: LocalDateTime, zone: TimeZone) {
        guard let instant = local.instant(in: zone) else { return nil }
        self.local = local
        self.instant = instant
        self.offsetSeconds = zone.secondsFromGMT(for: instant)
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.instant < b.instant }

    /// The one place a wall-clock time becomes an instant, so every input reports a time the
    /// zone skips the same way.
    static func make(_ local: LocalDateTime, zone: TimeZone, at location: SourceLocation, log: inout DiagnosticLog) -> Timestamp? {
        guard let timestamp = Timestamp(local, zone: zone) else {
            log.error("`\(local)` does not exist in \(zone.identifier): the clocks skip it (daylight saving)", at: location,
                      hint: "check the time, or set `time_zone` in site.yml to the zone the source used")
            return nil
        }
        return timestamp
    }

    /// For `<time datetime>`: the date alone when the source gave no time.
    public var datetimeAttribute: String { local.hasTime ? iso8601 : dateOnly }

    /// ISO 8601 with offset, for feeds and sitemaps.
    public var iso8601: String {
        let sign = offsetSeconds < 0 ? "-" : "+"
        let minutes = abs(offsetSeconds) / 60
        return "\(dateOnly)T\(local.hour.zeroPadded(2)):\(local.minute.zeroPadded(2)):00\(sign)\((minutes / 60).zeroPadded(2)):\((minutes % 60).zeroPadded(2))"
    }

    /// What readers see: the date and time as the source printed them.
    public var display: String { local.hasTime ? local.description : dateOnly }
    public var dateOnly: String { "\(local.year.zeroPadded(4))-\(local.month.zeroPadded(2))-\(local.day.zeroPadded(2))" }
}
