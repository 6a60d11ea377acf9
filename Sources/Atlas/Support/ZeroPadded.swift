/// Zero-padded decimal digits without `String(format:)`, which goes through NSString and was a
/// twentieth of a large build's time in date keys alone.
extension Int {
    func zeroPadded(_ width: Int) -> String { DigitText.make(.number(self, width: width)) }
}

/// Zero-padded numbers and ASCII separators written as one string: a date and time
/// (`2025-01-09T07:05:00+08:00`) is eight numbers and seven separators, and every card on every page
/// shows two or three of them. Made as pieces and joined by interpolation, each cost about ten
/// thousand instructions. Written straight into the string's storage (inline up to 15 bytes).
enum DigitText {
    enum Part {
        case number(Int, width: Int)
        /// One ASCII character (a separator).
        case ascii(Unicode.Scalar)
    }

    static func make(_ parts: Part...) -> String { make(parts) }

    /// `YYYY-MM-DD`.
    static func date(_ year: Int, _ month: Int, _ day: Int) -> [Part] {
        [.number(year, width: 4), .ascii("-"), .number(month, width: 2), .ascii("-"), .number(day, width: 2)]
    }

    /// `HH:MM`.
    static func clock(_ hour: Int, _ minute: Int) -> [Part] { [.number(hour, width: 2), .ascii(":"), .number(minute, width: 2)] }

    /// `YYYY-MM`: a month's key on the timeline and the article list.
    static func month(_ year: Int, _ month: Int) -> String { make(.number(year, width: 4), .ascii("-"), .number(month, width: 2)) }

    static func make(_ parts: [Part]) -> String {
        var count = 0
        for part in parts {
            switch part {
            case .number(let value, let width):
                count += (value < 0 ? 1 : 0) + Swift.max(width, digits(value))
            case .ascii:
                count += 1
            }
        }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var end = 0
            for part in parts {
                switch part {
                case .number(let value, let width):
                    if value < 0 { buffer[end] = UInt8(ascii: "-"); end += 1 }
                    var index = end + Swift.max(width, digits(value))
                    let stop = end
                    end = index
                    var remaining = value.magnitude
                    while index > stop {
                        index -= 1
                        buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                        remaining /= 10
                    }
                case .ascii(let scalar):
                    buffer[end] = UInt8(ascii: scalar)
                    end += 1
                }
            }
            return end
        }
    }

    private static func digits(_ value: Int) -> Int {
        var count = 1
        var rest = value.magnitude / 10
        while rest > 0 { count += 1; rest /= 10 }
        return count
    }
}
