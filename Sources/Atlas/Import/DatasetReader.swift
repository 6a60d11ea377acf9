import Foundation
import Yams

/// Reads a dataset: `content/data/<id>.csv` with its metadata sidecar `<id>.meta.yml`, and
/// checks every row against the declared columns and key.
public enum DatasetReader {
    static let metaKeys = ["title", "title_zh", "citation", "edition", "unit", "as_of", "licence", "source_url", "notes", "key", "columns"]
    static let columnKeys = ["name", "type", "required", "description"]

    public static func read(csv: TextFile, meta: TextFile?, log: inout DiagnosticLog) -> Dataset? {
        let id = String(csv.path.split(separator: "/").last!.dropLast(4))
        guard let meta else {
            log.error("the dataset has no metadata file \(id).meta.yml", at: SourceLocation(file: csv.path, line: 1),
                      hint: "add content/data/\(id).meta.yml with title, citation, edition, unit, as_of, licence, source_url, key and columns")
            return nil
        }
        let errorsBefore = log.errorCount
        guard let fields = YAMLFields(yaml: meta.text, file: meta.path, allowed: metaKeys, unknownKeysAreErrors: true, log: &log) else { return nil }
        func required(_ key: String) -> String {
            let value = fields.string(key, log: &log)?.trimmingWhitespace ?? ""
            if value.isEmpty {
                log.error("`\(key)` is missing", at: fields.has(key) ? fields.location(ofKey: key) : fields.mappingLocation,
                          hint: "every dataset states its \(metaKeys.prefix(9).joined(separator: ", "))")
            }
            return value
        }
        let title = required("title"), titleZh = required("title_zh"), citation = required("citation"), edition = required("edition")
        let unit = required("unit"), asOf = required("as_of"), licence = required("licence"), sourceURL = required("source_url")
        if !sourceURL.isEmpty, !(sourceURL.hasPrefix("https://") || sourceURL.hasPrefix("http://")) {
            log.error("`source_url` must start with http:// or https://", at: fields.location(ofKey: "source_url"), hint: "give the full address of the source")
        }
        if !asOf.isEmpty, LocalDateTime.parse(asOf)?.calendarProblem != nil || LocalDateTime.parse(asOf) == nil {
            log.error("`as_of` `\(asOf)` is not a date", at: fields.location(ofKey: "as_of"), hint: "write `as_of: YYYY-MM-DD`")
        }
        let columns = readColumns(fields, meta: meta, log: &log)
        let key = fields.strings("key", log: &log) ?? []
        for name in key where !columns.contains(where: { $0.name == name }) {
            log.error("the key column `\(name)` is not among the columns", at: fields.location(ofKey: "key"), hint: "list only declared columns in `key`")
        }
        guard log.errorCount == errorsBefore else { return nil }
        guard let rows = readRows(csv, columns: columns, key: key, log: &log) else { return nil }
        return Dataset(id: id, title: title, titleZh: titleZh, citation: citation, edition: edition, unit: unit, asOf: asOf,
                       licence: licence, sourceURL: sourceURL, notes: fields.string("notes", log: &log) ?? "", key: key,
                       columns: columns, rows: rows, csv: csv.text, notesLocation: fields.has("notes") ? fields.location(ofKey: "notes") : nil)
    }

    static func readColumns(_ fields: YAMLFields, meta: TextFile, log: inout DiagnosticLog) -> [Dataset.Column] {
        guard let node = fields.values["columns"], case .sequence(let items) = node else {
            log.error("`columns` must list the CSV's columns", at: fields.has("columns") ? fields.location(ofKey: "columns") : fields.mappingLocation,
                      hint: "write `columns:` then `- name: …` / `type: text|integer|number|date` entries")
            return []
        }
        return items.compactMap { item in
            guard let column = YAMLFields(node: item, file: meta.path, allowed: columnKeys, unknownKeysAreErrors: true, log: &log),
                  let name = column.string("name", log: &log) else { return nil }
            let typeName = column.string("type", log: &log) ?? "text"
            guard let kind = Dataset.Column.Kind(rawValue: typeName) else {
                log.error("unknown column type `\(typeName)`", at: column.location(ofKey: "type"), hint: "use text, integer, number or date")
                return nil
            }
            return Dataset.Column(name: name, kind: kind, required: column.bool("required", log: &log) ?? false,
                                  description: column.string("description", log: &log) ?? "")
        }
    }

    static func readRows(_ csv: TextFile, columns: [Dataset.Column], key: [String], log: inout DiagnosticLog) -> [[String: String]]? {
        let parsed: [[CSVParser.Field]]
        switch CSVParser.parse(csv.text) {
        case .success(let rows): parsed = rows
        case .failure(.unterminatedQuote(let line, let column)):
            log.error("a quoted field is never closed", at: SourceLocation(file: csv.path, line: line, column: column), hint: "add the closing `\"`")
            return nil
        case .failure(.textAfterQuote(let line, let column)):
            log.error("text follows a quoted field", at: SourceLocation(file: csv.path, line: line, column: column),
                      hint: "a field with quotes must be quoted whole; double `\"` inside it")
            return nil
        }
        guard let header = parsed.first else {
            log.error("the CSV is empty", at: SourceLocation(file: csv.path, line: 1), hint: "add a header line and rows")
            return nil
        }
        let names = header.map(\.text)
        guard names == columns.map(\.name) else {
            log.error("the header `\(names.joined(separator: ","))` does not match the declared columns `\(columns.map(\.name).joined(separator: ","))`",
                      at: SourceLocation(file: csv.path, line: 1), hint: "make the CSV header and the meta.yml `columns` list the same, in order")
            return nil
        }
        let errorsBefore = log.errorCount
        var rows: [[String: String]] = []
        var keys: [[String]: Int] = [:]
        for row in parsed.dropFirst() {
            let line = row.first?.line ?? 1
            guard row.count == columns.count else {
                log.error("the row has \(row.count) fields, the header \(columns.count)", at: SourceLocation(file: csv.path, line: line, column: row.last.map { $0.column } ?? 1),
                          hint: row.count < columns.count ? "add the missing fields (empty is fine where not required)" : "quote fields that contain commas")
                continue
            }
            var values: [String: String] = [:]
            for (field, column) in zip(row, columns) {
                let location = SourceLocation(file: csv.path, line: field.line, column: field.column)
                if field.text.isEmpty {
                    if column.required { log.error("`\(column.name)` is required", at: location, hint: "fill in the value") }
                } else if let problem = problem(field.text, column.kind) {
                    log.error("`\(column.name)` `\(field.text)` \(problem)", at: location, hint: "write a \(column.kind.rawValue) value")
                }
                values[column.name] = field.text
            }
            let identity = key.map { values[$0] ?? "" }
            if let first = keys[identity] {
                log.error("duplicate row: \(key.joined(separator: ", ")) = \(identity.joined(separator: ", ")) is already on line \(first)",
                          at: SourceLocation(file: csv.path, line: line), hint: "remove or merge one of the rows")
            } else {
                keys[identity] = line
            }
            rows.append(values)
        }
        return log.errorCount == errorsBefore ? rows : nil
    }

    static func problem(_ text: String, _ kind: Dataset.Column.Kind) -> String? {
        switch kind {
        case .text: return nil
        case .integer: return Int(text) == nil ? "is not a whole number" : nil
        case .number: return Double(text).map { $0.isFinite ? nil : "is not a finite number" } ?? "is not a number"
        case .date:
            guard text.count == 10, let date = LocalDateTime.parse(text) else { return "is not a date (YYYY-MM-DD)" }
            return date.calendarProblem.map { "is not a real date: \($0)" }
        }
    }
}
