import Foundation
import Yams

/// A YAML mapping read with positions, so every complaint about a value points at its line and
/// column in the editor's file.
///
/// Keys are checked against the schema as they are read; unknown ones are warnings that name
/// the nearest valid key, because a misspelt `titel:` silently ignored costs an editor an hour.
struct YAMLFields {
    let file: String
    /// Line of the YAML's first line within `file` (front matter starts after `---`).
    let lineOffset: Int
    private(set) var values: [String: Node] = [:]
    private var locations: [String: SourceLocation] = [:]
    let mappingLocation: SourceLocation

    /// Parses `yaml` and checks its top-level keys against `allowed`. Returns nil (after logging)
    /// when the YAML is invalid or not a mapping.
    init?(yaml: String, file: String, lineOffset: Int = 0, allowed: [String], unknownKeysAreErrors: Bool = false, log: inout DiagnosticLog) {
        guard case .parsed(let node) = Self.compose(yaml, file: file, lineOffset: lineOffset, log: &log) else { return nil }
        // An empty document is an empty mapping.
        self.init(node: node ?? .mapping(Node.Mapping([])), file: file, lineOffset: lineOffset, allowed: allowed,
                  unknownKeysAreErrors: unknownKeysAreErrors, log: &log)
    }

    enum Composed {
        case parsed(Node?)
        case failed
    }

    /// Parses YAML after refusing aliases (see `YAMLAliases`); errors are logged at their line.
    static func compose(_ yaml: String, file: String, lineOffset: Int = 0, log: inout DiagnosticLog) -> Composed {
        if let alias = YAMLAliases.first(in: yaml) {
            log.error("YAML aliases (`*name`) are not accepted", at: SourceLocation(file: file, line: lineOffset + alias.line, column: alias.column),
                      hint: "write the value out instead of referring to an anchor")
            return .failed
        }
        do {
            return .parsed(try Yams.compose(yaml: yaml))
        } catch let error as YamlError {
            let (mark, problem, noticed) = Self.describe(error)
            let location = SourceLocation(file: file, line: lineOffset + (mark?.line ?? 1), column: mark?.column ?? 1)
            let detail = noticed.map { "; noticed at line \(lineOffset + $0.line), column \($0.column)" } ?? ""
            log.error("invalid YAML: \(problem)\(detail)", at: location,
                      hint: "check indentation and quoting; values with `:` or `#` need quotes")
            return .failed
        } catch {
            log.error("invalid YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1), hint: "check the YAML syntax")
            return .failed
        }
    }

    /// Reads an already parsed mapping (an entry of a YAML list, say).
    /// `unknownKeysAreErrors`: for small fixed schemas (site.yml) where a misspelt key silently
    /// changes the whole site.
    init?(node: Node, file: String, lineOffset: Int = 0, allowed: [String], unknownKeysAreErrors: Bool = false, log: inout DiagnosticLog) {
        self.file = file
        self.lineOffset = lineOffset
        self.mappingLocation = SourceLocation(file: file, line: lineOffset + (node.mark?.line ?? 1), column: node.mark?.column ?? 1)
        guard case .mapping(let mapping) = node else {
            log.error("expected `key: value` lines", at: mappingLocation, hint: "write one `key: value` per line")
            return nil
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let keyLocation = location(of: key)
            if !allowed.contains(name) {
                var message = "unknown key `\(name)`"
                if let near = EditDistance.nearest(name, in: allowed) { message += "; did you mean `\(near)`?" }
                if unknownKeysAreErrors {
                    log.error(message, at: keyLocation, hint: "valid keys: \(allowed.joined(separator: ", "))")
                } else {
                    log.warning(message, at: keyLocation, hint: "valid keys: \(allowed.joined(separator: ", "))")
                }
                continue
            }
            // `key: ~`, `key: null` and `key:` mean "not given", not the text "null".
            if case .scalar(let scalar) = value, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { continue }
            values[name] = value
            locations[name] = location(of: value)
        }
    }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: lineOffset + (node.mark?.line ?? 1), column: node.mark?.column ?? 1)
    }

    func location(ofKey key: String) -> SourceLocation { locations[key] ?? mappingLocation }

    func has(_ key: String) -> Bool { values[key] != nil }

    func string(_ key: String, log: inout DiagnosticLog) -> String? {
        guard let node = values[key] else { return nil }
        guard case .scalar(let scalar) = node else {
            log.error("`\(key)` must be a single value", at: location(ofKey: key), hint: "write `\(key): value` on one line")
            return nil
        }
        return scalar.string
    }

    func bool(_ key: String, log: inout DiagnosticLog) -> Bool? {
        guard let node = values[key] else { return nil }
        guard let value = node.bool else {
            log.error("`\(key)` must be true or false", at: location(ofKey: key), hint: "write `\(key): true` or `\(key): false`")
            return nil
        }
        return value
    }

    /// Accepts a list or a single value (editors write `topics: 钕` as often as `topics: [钕]`).
    func strings(_ key: String, log: inout DiagnosticLog) -> [String]? {
        guard let node = values[key] else { return nil }
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? [] : [scalar.string]
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    log.error("`\(key)` must be a list of plain values", at: location(of: item), hint: "write `\(key): [a, b]`")
                    continue
                }
                result.append(scalar.string)
            }
            return result
        default:
            log.error("`\(key)` must be a list", at: location(ofKey: key), hint: "write `\(key): [a, b]`")
            return nil
        }
    }

    /// A list given either as YAML (`tags: [a, b]`) or as one comma-separated value
    /// (`tags: a, b`, `标签：甲，乙、丙`): editors write both, and reading the second as one tag
    /// named "a, b" would be a silent surprise. Items are trimmed, each with its position.
    func commaList(_ key: String, log: inout DiagnosticLog) -> [(value: String, location: SourceLocation)]? {
        guard let node = values[key] else { return nil }
        let separators: Set<Character> = [",", "，", "、"]
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let sequence): items = Array(sequence)
        default:
            log.error("`\(key)` must be a list", at: location(ofKey: key), hint: "write `\(key): [a, b]`")
            return nil
        }
        var result: [(String, SourceLocation)] = []
        for item in items {
            guard case .scalar(let scalar) = item else {
                log.error("`\(key)` must be a list of plain values", at: location(of: item), hint: "write `\(key): [a, b]`")
                continue
            }
            // An empty list item is the caller's to warn about; empty pieces of `a, , b` are not items.
            let parts = item == node
                ? scalar.string.split(whereSeparator: { separators.contains($0) }).map(\.trimmingWhitespace).filter { !$0.isEmpty }
                : [scalar.string.trimmingWhitespace]
            result += parts.map { ($0, location(of: item)) }
        }
        return result
    }

    func mapping(_ key: String, log: inout DiagnosticLog) -> [(key: String, value: String, location: SourceLocation)]? {
        guard let node = values[key] else { return nil }
        guard case .mapping(let mapping) = node else {
            log.error("`\(key)` must be a mapping of `name: value` lines", at: location(ofKey: key), hint: "indent `name: value` lines under `\(key):`")
            return nil
        }
        return mapping.compactMap { pair in
            guard let k = pair.key.string, case .scalar(let v) = pair.value else { return nil }
            return (k, v.string, location(of: pair.key))
        }
    }

    private static func describe(_ error: YamlError) -> (Mark?, String, noticed: Mark?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // Point at the start of the unclosed construct when libyaml names one: that is where
            // the fix goes, while the problem mark is often the end of the file.
            guard let context else { return (mark, problem, nil) }
            return (context.mark, "\(problem) (\(context.text) that starts here)", mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark, "duplicate key \(duplicates.joined(separator: ", "))", nil)
        default:
            return (nil, "\(error)", nil)
        }
    }
}
