/// The `SOURCE· YYYY-MM-DD HH:MM` line that follows every title in a dump.
///
/// Parsed by hand from the end of the line: the source name may contain anything, the date and
/// time never do, and a hand parser gives the exact column of whatever is wrong.
struct SourceLine: Hashable, Sendable {
    var source: String
    var time: LocalDateTime
    /// 1-based column of the date on the line.
    var column: Int

    enum Problem: Error, Equatable {
        /// Not a source line at all (no trailing date): probably a title or body line.
        case notASourceLine
        /// Looks like a source line but is malformed; `column` is 1-based in scalars.
        case malformed(String, column: Int)
        case impossibleDate(String, column: Int)
    }

    /// Whether the line ends in something date-like, so that a malformed source line is reported
    /// as malformed instead of as a missing one.
    static func looksLikeSourceLine(_ line: Substring) -> Bool {
        let scalars = Array(line.trimmingWhitespace.unicodeScalars)
        guard scalars.count <= 160 else { return false }
        var end = scalars.count
        while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        // Walk back over digits and date/time punctuation; need at least a 4-digit year.
        var i = end, digits = 0, sawSeparator = false
        while i > 0 {
            let c = scalars[i - 1]
            if ("0"..."9").contains(c) {
                digits += 1
            } else if "-/.:".unicodeScalars.contains(c) {
                sawSeparator = true
            } else if c != " " {
                break
            }
            i -= 1
        }
        // A title may end in a date; a source line has the `·` or at least a clock time.
        let tail = String(String.UnicodeScalarView(scalars[i..<end]))
        let hasClock = tail.count >= 5 && tail.suffix(3).first == ":"
        return digits >= 6 && sawSeparator && i > 0 && (scalars.contains("·") || hasClock)
    }

    static func parse(_ line: Substring) -> Result<SourceLine, Problem> {
        guard looksLikeSourceLine(line) else { return .failure(.notASourceLine) }
        // Leading whitespace stays so reported columns match the file.
        let scalars = Array(line.unicodeScalars.reversed().drop { $0.properties.isWhitespace }.reversed())
        guard let dot = scalars.lastIndex(of: "·") else {
            return .failure(.malformed("the source line has no `·` (U+00B7) between the source name and the date", column: 1))
        }
        let source = String(String.UnicodeScalarView(scalars[..<dot])).trimmingWhitespace
        guard !source.isEmpty else {
            return .failure(.malformed("the source name before `·` is empty", column: 1))
        }
        var i = dot + 1
        if i < scalars.count, scalars[i] == " " { i += 1 }
        let stampColumn = i + 1
        let stamp = String(String.UnicodeScalarView(scalars[i...])).trimmingWhitespace
        let expected = "expected `YYYY-MM-DD HH:MM` after `·`, found `\(stamp)`"
        guard stamp.utf8.count == 16, stamp.contains(" "), let time = LocalDateTime.parse(stamp) else {
            return .failure(.malformed(expected, column: stampColumn))
        }
        if let problem = time.calendarProblem {
            return .failure(.impossibleDate("impossible date or time `\(stamp)`: \(problem)", column: stampColumn))
        }
        return .success(SourceLine(source: source, time: time, column: stampColumn))
    }
}

extension StringProtocol {
    /// Without the whitespace scalars at either end. The rest is copied as bytes in one go
    /// (appending it scalar by scalar was 3% of a build).
    var trimmingWhitespace: String {
        trimmingScalars(where: Self.isWhitespace)
    }

    /// `trimmingCharacters(in: CharacterSet(charactersIn: set))` for a set of scalars of the
    /// Basic Multilingual Plane, which Foundation trims one by one as this does, without making
    /// a character set for every word a rule trims.
    func trimmingScalars(in set: String) -> String {
        trimmingScalars { set.unicodeScalars.contains($0) }
    }

    private func trimmingScalars(where trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Substring(self).unicodeScalars
        var lo = scalars.startIndex, hi = scalars.endIndex
        while lo < hi, trimmed(scalars[lo]) { lo = scalars.index(after: lo) }
        while lo < hi {
            let last = scalars.index(before: hi)
            guard trimmed(scalars[last]) else { break }
            hi = last
        }
        return String(scalars[lo..<hi])
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }
}
