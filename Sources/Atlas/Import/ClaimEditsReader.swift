import Yams

/// An editor's decisions about extracted figures, from `content/data/claims.edits.yml`.
public struct ClaimEdits: Sendable {
    /// Which extracted claim an entry is about: its `id`, or — surviving edits of the article's
    /// title, date and neighbouring sentences, which change ids — the article's slug with words
    /// of the claim's sentence (`quote`) and, when that sentence states several figures, the
    /// figure as written (`figure: 30%`).
    public struct Key: Sendable {
        var id: String?
        var article: String?
        var quote: String?
        var figure: String?
        var location: SourceLocation
    }
    public struct Drop: Sendable { var key: Key; var reason: String }
    /// Field values as written; validated when applied, where the claims are known.
    public struct Change: Sendable {
        var id: String?
        var article: String?
        var quote: String?
        var metric: String?
        var entity: String?
        var importer: String?
        var low: Double?
        var high: Double?
        var qualifier: String?
        var unit: String?
        var year: Int?
        var status: String?
        var elements: String?
        var measure: String?
        var commodity: String?
        var period: String?
        var rate: String?
        var speaker: String?
        var figure: String?
        var location: SourceLocation
        var fieldLocations: [String: SourceLocation]
    }

    public var drops: [Drop] = []
    public var corrections: [Change] = []
    public var additions: [Change] = []
}

public enum ClaimEditsReader {
    public static let path = "content/data/claims.edits.yml"
    static let sections = ["drop", "correct", "add"]
    static let changeKeys = ["id", "metric", "entity", "importer", "value", "low", "high", "qualifier", "unit", "year", "status", "elements", "measure",
                             "commodity", "period", "rate", "speaker", "reason", "article", "quote", "figure"]

    static let keyHint = "copy the id from `atlas claims ARTICLE`, or name the claim by `article: SLUG` and `quote:` words of its sentence (plus `figure:` when it states several), which survive edits of the article"

    public static func read(_ file: TextFile, log: inout DiagnosticLog) -> ClaimEdits {
        var edits = ClaimEdits()
        guard let top = YAMLFields(yaml: file.text, file: file.path, allowed: sections, unknownKeysAreErrors: true, log: &log) else { return edits }
        for section in sections {
            guard let node = top.values[section] else { continue }
            guard case .sequence(let items) = node else {
                log.error("`\(section)` must be a list of entries", at: top.location(ofKey: section), hint: "start each entry with `- id: …`")
                continue
            }
            for item in items {
                guard let fields = YAMLFields(node: item, file: file.path, allowed: changeKeys, unknownKeysAreErrors: true, log: &log) else { continue }
                let location = fields.mappingLocation
                switch section {
                case "drop":
                    let id = fields.string("id", log: &log), article = fields.string("article", log: &log), quote = fields.string("quote", log: &log)
                    guard id != nil || article != nil && quote != nil else {
                        log.error("a dropped claim needs its `id`, or `article` and `quote`", at: location, hint: keyHint)
                        continue
                    }
                    let key = ClaimEdits.Key(id: id, article: article, quote: quote, figure: fields.string("figure", log: &log),
                                             location: fields.location(ofKey: id != nil ? "id" : "quote"))
                    edits.drops.append(.init(key: key, reason: fields.string("reason", log: &log) ?? ""))
                default:
                    var change = ClaimEdits.Change(location: location, fieldLocations: [:])
                    for key in changeKeys where fields.has(key) { change.fieldLocations[key] = fields.location(ofKey: key) }
                    change.id = fields.string("id", log: &log)
                    change.article = fields.string("article", log: &log)
                    change.quote = fields.string("quote", log: &log)
                    change.metric = fields.string("metric", log: &log)
                    change.entity = fields.string("entity", log: &log)
                    change.importer = fields.string("importer", log: &log)
                    change.qualifier = fields.string("qualifier", log: &log)
                    change.unit = fields.string("unit", log: &log)
                    change.status = fields.string("status", log: &log)
                    change.elements = fields.string("elements", log: &log)
                    change.measure = fields.string("measure", log: &log)
                    change.commodity = fields.string("commodity", log: &log)
                    change.period = fields.string("period", log: &log)
                    change.rate = fields.string("rate", log: &log)
                    change.speaker = fields.string("speaker", log: &log)
                    change.figure = fields.string("figure", log: &log)
                    func number(_ key: String) -> Double? {
                        guard let raw = fields.string(key, log: &log) else { return nil }
                        guard let value = Double(raw), value.isFinite, abs(value) < 1e16 else {
                            log.error("`\(key)` `\(raw)` is not a number", at: fields.location(ofKey: key), hint: "write a plain number such as 85 or 83.7")
                            return nil
                        }
                        return value
                    }
                    if let raw = fields.string("value", log: &log) {
                        // `value: 85-90` or `value: 90`
                        let parts = raw.split(separator: "-").map { Double($0.trimmingWhitespace).flatMap { $0.isFinite ? $0 : nil } }
                        if parts.count == 1, let v = parts[0] { change.low = v; change.high = v }
                        else if parts.count == 2, let a = parts[0], let b = parts[1] { change.low = min(a, b); change.high = max(a, b) }
                        else { log.error("`value` `\(raw)` is not a number or a range like 85-90", at: fields.location(ofKey: "value"), hint: "or give `low:` and `high:`") }
                    }
                    change.low = number("low") ?? change.low
                    change.high = number("high") ?? change.high
                    if let year = number("year") {
                        if (1900...2100).contains(year), year == year.rounded() { change.year = Int(year) } else {
                            log.error("`year` must be a year between 1900 and 2100", at: fields.location(ofKey: "year"), hint: "write for example `year: 2024`")
                        }
                    }
                    if section == "correct" {
                        if change.id == nil, change.article == nil || change.quote == nil {
                            log.error("a correction needs the `id` of the claim it corrects, or `article` and `quote`", at: location, hint: keyHint)
                            continue
                        }
                        edits.corrections.append(change)
                    } else {
                        if change.article == nil || change.quote == nil || change.metric == nil {
                            log.error("an added claim needs `article`, `quote` and `metric`", at: location,
                                      hint: "`article` is the article's slug; `quote` the exact words from its body")
                            continue
                        }
                        edits.additions.append(change)
                    }
                }
            }
        }
        return edits
    }
}
