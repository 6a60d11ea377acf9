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
        let sign: Unicode.Scalar = offsetSeconds < 0 ? "-" : "+"
        let minutes = abs(offsetSeconds) / 60
        return DigitText.make(DigitText.date(local.year, local.month, local.day) + [.ascii("T")] + DigitText.clock(local.hour, local.minute)
                              + [.ascii(":"), .number(0, width: 2), .ascii(sign)] + DigitText.clock(minutes / 60, minutes % 60))
    }

    /// What readers see: the date and time as the source printed them.
    public var display: String { local.hasTime ? local.description : dateOnly }
    public var dateOnly: String {
        DigitText.make(DigitText.date(local.year, local.month, local.day))
    }
}
