/// Splits a Markdown file into its YAML front matter and body, remembering where the body starts
/// so diagnostics about either part keep the file's own line numbers.
struct FrontMatter {
    var yaml: String
    /// Line number of the first YAML line in the file.
    var yamlFirstLine: Int
    var body: String
    /// Line number of the body's first line in the file.
    var bodyFirstLine: Int

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
                           body: lines[(close + 1)...].joined(separator: "\n"), bodyFirstLine: close + 2)
    }
}
