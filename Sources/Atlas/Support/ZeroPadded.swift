/// Zero-padded decimal digits without `String(format:)`, which goes through NSString and was a
/// twentieth of a large build's time in date keys alone.
extension Int {
    func zeroPadded(_ width: Int) -> String {
        let digits = String(magnitude)
        let padding = String(repeating: "0", count: Swift.max(0, width - digits.count))
        return (self < 0 ? "-" : "") + padding + digits
    }
}
