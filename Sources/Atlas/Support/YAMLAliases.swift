/// Finds YAML aliases (`*name`) before the YAML is parsed.
///
/// An alias repeats an anchored value wherever it is used, so a few lines of aliases of aliases
/// ("billion laughs") stand for billions of values, and reading them hangs the build. No input of
/// this site needs them, so they are refused outright, at their line.
enum YAMLAliases {
    /// The 1-based line and column of the first alias, or nil.
    static func first(in yaml: String) -> (line: Int, column: Int)? {
        // No `*`, no alias: the common case, found without walking lines as characters (a
        // tenth of a second for the URL map of 10,000 articles, and again for every front matter).
        guard yaml.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var blockIndent: Int?
        for (index, line) in yaml.lines().enumerated() {
            let characters = Array(line)
            let indent = characters.prefix { $0 == " " }.count
            let content = characters.dropFirst(indent)
            // Inside a block scalar (`key: |`), every more-indented line is plain text.
            if let block = blockIndent {
                if content.isEmpty || indent > block { continue }
                blockIndent = nil
            }
            var quote: Character?
            var previous: Character = " "
            var valueStart = true
            for (offset, c) in characters.enumerated() {
                if let open = quote {
                    if c == open { quote = nil }
                } else if c == "\"" || c == "'" {
                    if valueStart { quote = c }
                } else if c == "#", previous == " " {
                    break
                } else if c == "*", valueStart {
                    return (index + 1, offset + 1)
                }
                if quote == nil {
                    // A value starts after indentation, `- `, `: `, `[`, `{` and `, `.
                    if c == " " {
                        valueStart = valueStart || previous == ":" || previous == "-" || previous == ","
                    } else {
                        valueStart = c == "[" || c == "{" || c == ","
                    }
                }
                previous = c
            }
            let trimmed = String(content).trimmingWhitespace
            if let last = trimmed.split(separator: " ").last, last.first == "|" || last.first == ">",
               last.dropFirst().allSatisfy({ "+-0123456789".contains($0) }), trimmed.hasSuffix(String(last)),
               trimmed.contains(":") || trimmed.hasPrefix("-") {
                blockIndent = indent
            }
        }
        return nil
    }
}
