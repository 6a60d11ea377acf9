/// Splits a Markdown file into its YAML front matter and body, remembering where the body starts
/// so diagnostics about either part keep the file's own line numbers.
struct FrontMatter {
    var yaml: String
    /// Line number of the first YAML line in the file.
    var yamlFirstLine: Int
    var body: String

    static func split(_ file: TextFile, log: inout DiagnosticLog) -> FrontMatter? {
        let lines = file.lines
        guard let first = lines.first, first.trimmingWhitespace == "---" else {
            log.error("the file has no front matter", at: SourceLocation(file: file.path, line: 1),
                      hint: "start the file with a `---` line, `key: value` lines (at least `title:`), and another `---` line")
            return nil
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingWhitespace == "---" || $0.trimmingWhitespace == "..." }) else {
            log.error("the front matter is not closed", at: SourceLocation(file: file.path, line: 1),
                      hint: "add a line `---` after the last `key: value` line")
            return nil
        }
        return FrontMatter(yaml: lines[1..<close].joined(separator: "\n"), yamlFirstLine: 2,
                           body: lines[(close + 1)...].joined(separator: "\n"))
    }

    /// Reads `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (also with `T`), as editors write dates.
    static func date(_ raw: String) -> LocalDateTime? {
        let text = raw.trimmingWhitespace
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
        guard bytes.count > 10 else { return LocalDateTime(year: year, month: month, day: day) }
        guard bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              let hour = number(11..<13), let minute = number(14..<16) else { return nil }
        if bytes.count == 19 { guard bytes[16] == UInt8(ascii: ":"), number(17..<19) != nil else { return nil } }
        return LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute)
    }
}
