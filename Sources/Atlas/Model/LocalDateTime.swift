import Foundation

/// A wall-clock time as the dumps print it, with no zone: the zone comes from the site config,
/// so the same dump means the same instants on every machine whatever its `TZ`.
public struct LocalDateTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    /// False for a bare date (`date: 2026-01-13`): pages then show no time rather than a
    /// made-up midnight.
    public var hasTime: Bool

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, hasTime: Bool = true) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.hasTime = hasTime
    }

    /// Reads `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM[:SS]`; the calendar check is
    /// separate (`calendarProblem`) so callers can say what exactly is wrong.
    public static func parse(_ text: String) -> LocalDateTime? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for b in bytes[range] {
                guard (48...57).contains(b) else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard bytes.count == 10 || bytes.count == 16 || bytes.count == 19,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        guard bytes.count > 10 else { return LocalDateTime(year: year, month: month, day: day, hasTime: false) }
        guard bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              let hour = number(11..<13), let minute = number(14..<16) else { return nil }
        if bytes.count == 19 { guard bytes[16] == UInt8(ascii: ":"), number(17..<19) != nil else { return nil } }
        return LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    public var description: String {
        DigitText.make(DigitText.date(year, month, day) + [.ascii(" ")] + DigitText.clock(hour, minute))
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.year, a.month, a.day, a.hour, a.minute) < (b.year, b.month, b.day, b.hour, b.minute)
    }

    /// Why the date cannot exist on a calendar (30 February, 24:00), or nil when it can.
    public var calendarProblem: String? {
        guard (1...9999).contains(year) else { return "year \(year) is out of range" }
        guard (1...12).contains(month) else { return "month \(month) does not exist" }
        let days = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else {
            return String(format: "%04d-%02d has no day %d", year, month, day)
        }
        guard (0...23).contains(hour) else { return "hour \(hour) does not exist (use 00–23)" }
        guard (0...59).contains(minute) else { return "minute \(minute) does not exist (use 00–59)" }
        return nil
    }

    private var isLeapYear: Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The instant this wall-clock time names in `zone`, or nil when the zone skips it (a
    /// daylight-saving gap), which would otherwise silently shift the article by an hour.
    public func instant(in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        guard let date = calendar.date(from: parts) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard back.year == year, back.month == month, back.day == day, back.hour == hour, back.minute == minute
        else { return nil }
        return date
    }
}
