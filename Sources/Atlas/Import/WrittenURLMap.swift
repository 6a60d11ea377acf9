/// `content/urls.yml` exactly as `URLMap.text` writes it, read line by line: comment lines,
/// then per entry `- slug: <slug>`, `  title: <JSON string>`, `  source: …`, `  date: …` and
/// perhaps `  aliases: [<slug>, …]`. Any other line (a hand edit in another YAML style) makes
/// the whole file go to the YAML parser instead, so what this accepts it reads exactly as the
/// parser would: values are JSON strings whose escapes mean the same in YAML, and a line with a
/// character YAML treats specially (line separators, a byte-order mark, non-printables) is
/// left to the parser.
enum WrittenURLMap {
    static func items(_ text: String, file: String) -> [URLMap.Item]? {
        var items: [URLMap.Item] = []
        var lines = text.lines()
        guard lines.last == "" else { return nil }
        lines.removeLast()
        var index = 0
        while index < lines.count, after("#", in: lines[index]) != nil { index += 1 }
        while index < lines.count {
            let line = index + 1
            guard index + 3 < lines.count, let slug = after("- slug: ", in: lines[index]).flatMap(slugText),
                  let title = after("  title: ", in: lines[index + 1]).flatMap(jsonString),
                  let source = after("  source: ", in: lines[index + 2]).flatMap(jsonString),
                  let date = after("  date: ", in: lines[index + 3]).flatMap(jsonString)
            else { return nil }
            // Where the YAML parser puts them: the entry at its first key, a value where it starts.
            let entry = SourceLocation(file: file, line: line, column: 3)
            var item = URLMap.Item(values: [slug, title, source, date], aliases: [], mappingLocation: entry,
                                   slugLocation: SourceLocation(file: file, line: line, column: 9), aliasesLocation: entry)
            index += 4
            if index < lines.count, let list = after("  aliases: [", in: lines[index]) {
                guard list.hasSuffix("]") else { return nil }
                var aliases: [String] = []
                for alias in list.dropLast().split(separator: ", ", omittingEmptySubsequences: false) {
                    guard let alias = slugText(alias) else { return nil }
                    aliases.append(alias)
                }
                item.aliases = aliases
                item.aliasesLocation = SourceLocation(file: file, line: index + 1, column: 12)
                index += 1
            }
            items.append(item)
        }
        return items
    }

    /// The rest of `line` after `prefix`, or nil when the line does not start with it:
    /// `hasPrefix` and `dropFirst` as the bytes decide them (`quickHasPrefix`); comparing
    /// characters was most of reading a URL map of 10,000 entries. No character of a prefix has
    /// another spelling, so a line that starts with it starts with its very bytes.
    private static func after(_ prefix: String, in line: Substring) -> Substring? {
        guard line.quickHasPrefix(prefix) else { return nil }
        return line[line.utf8.index(line.startIndex, offsetBy: prefix.utf8.count)...]
    }

    /// A slug as written: lower-case ASCII letters, digits and hyphens (a plain YAML scalar).
    private static func slugText(_ text: Substring) -> String? {
        guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else { return nil }
        return String(text)
    }

    /// A double-quoted value with JSON's escapes. nil for anything YAML could read differently.
    static func jsonString(_ text: Substring) -> String? {
        let scalars = text.unicodeScalars
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        var position = scalars.index(after: scalars.startIndex)
        let end = scalars.index(before: scalars.endIndex)
        // Most values have no escape: the text between the quotes as it is, copied once instead
        // of a scalar at a time.
        let inner = scalars[position..<end]
        if inner.allSatisfy({ isPlainInYAML($0) && $0 != "\"" && $0 != "\\" }) { return String(inner) }
        var result = String.UnicodeScalarView()
        while position < end {
            let scalar = scalars[position]
            position = scalars.index(after: position)
            guard isPlainInYAML(scalar), scalar != "\"" else { return nil }
            guard scalar == "\\" else { result.append(scalar); continue }
            guard position < end else { return nil }
            let escape = scalars[position]
            position = scalars.index(after: position)
            switch escape {
            case "\"", "\\", "/": result.append(escape)
            case "b": result.append("\u{8}")
            case "f": result.append("\u{C}")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "u":
                guard scalars.distance(from: position, to: end) >= 4 else { return nil }
                let digits = String(scalars[position..<scalars.index(position, offsetBy: 4)])
                guard digits.utf8.allSatisfy({ $0 < 0x80 && UInt8(ascii: "0")...UInt8(ascii: "f") ~= $0 }),
                      let value = UInt32(digits, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
                result.append(decoded)
                position = scalars.index(position, offsetBy: 4)
            default: return nil
            }
        }
        return String(result)
    }

    /// Printable to YAML and no line break or byte-order mark: read as itself inside quotes.
    private static func isPlainInYAML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
