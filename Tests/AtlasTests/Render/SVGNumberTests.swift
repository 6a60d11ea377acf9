import Foundation
import Testing
@testable import Atlas

/// `SVG.number` prints hundredths without NSString; it must print what `%.2f` (trimmed) did.
@Suite struct SVGNumberTests {
    static func reference(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded() { return String(format: "%.0f", rounded) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    @Test func matchesThePrintfFormattingItReplaced() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.004, -0.004, 0.005, 0.5, -0.5, 1, -1, 12.345, 99.995, 66.7, 33.3, 0.1, 0.05, -12.05, 1e12 + 0.25, 2_900, 270_000]
        for _ in 0..<20_000 { values.append(Double.random(in: -1_000_000...1_000_000, using: &generator)) }
        for _ in 0..<20_000 { values.append((Double.random(in: -10_000...10_000, using: &generator) * 100).rounded() / 100) }
        for value in values { #expect(SVG.number(value) == Self.reference(value), "\(value)") }
    }

    @Test func datesArePaddedAsBefore() {
        #expect(7.zeroPadded(2) == "07")
        #expect(2025.zeroPadded(4) == "2025")
        #expect(5.zeroPadded(4) == "0005")
        #expect((-3).zeroPadded(2) == "-03")
        let zone = TimeZone(identifier: "America/St_Johns")!
        #expect(Timestamp(LocalDateTime(year: 2025, month: 1, day: 9, hour: 7, minute: 5), zone: zone)?.iso8601 == "2025-01-09T07:05:00-03:30")
    }

    /// Padding written into the string's storage reads as the digits, padding and sign joined did.
    @Test func paddingMatchesTheDigitsJoined() {
        var values = [0, 1, 9, 10, 99, 100, 999, 1_000, 12_345, 2_025, Int.max, Int.min + 1, Int.min]
        values += values.map { $0 == Int.min ? 0 : -$0 }
        for value in values {
            for width in 0...22 {
                let digits = String(value.magnitude)
                let joined = (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
                #expect(value.zeroPadded(width) == joined, "\(value) to \(width)")
            }
        }
    }
}
