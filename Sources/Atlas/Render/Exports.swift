import Foundation

/// Machine-readable copies of what the site shows: the claim ledger as CSV and JSON, and each
/// dataset's metadata as JSON beside its CSV.
enum Exports {
    /// RFC 4180 quoting, decided per Unicode scalar (a `"` with a combining mark is still a quote
    /// character to a CSV reader).
    static func csvField(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in text.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    struct ClaimRecord: Encodable {
        var id: String
        var article: String
        var article_title: String
        var published: String
        var metric: String
        var entity: String?
        var importer: String?
        var value_low: Double?
        var value_high: Double?
        var unit: String
        var qualifier: String
        var year: Int?
        var quote: String
        var rule: String
    }

    static func records(_ site: Site) -> [ClaimRecord] {
        let articles = Dictionary(site.articles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return site.claims.compactMap { claim in
            guard let article = articles[claim.article] else { return nil }
            return ClaimRecord(id: claim.id, article: site.config.basePath + "articles/\(article.slug)/", article_title: article.title,
                               published: article.published.iso8601, metric: claim.metric.rawValue, entity: claim.entity, importer: claim.importer,
                               value_low: claim.low, value_high: claim.high, unit: claim.unit.rawValue, qualifier: claim.qualifier.rawValue,
                               year: claim.year, quote: claim.quote, rule: claim.rule)
        }
    }

    static func claimsJSON(_ site: Site) -> String {
        var json = JSONRecords()
        for r in records(site) {
            json.append([("id", .string(r.id)), ("article", .string(r.article)), ("article_title", .string(r.article_title)),
                         ("published", .string(r.published)), ("metric", .string(r.metric)), ("entity", r.entity.map { .string($0) }),
                         ("importer", r.importer.map { .string($0) }), ("value_low", r.value_low.map { .number($0) }),
                         ("value_high", r.value_high.map { .number($0) }), ("unit", .string(r.unit)), ("qualifier", .string(r.qualifier)),
                         ("year", r.year.map { .integer($0) }), ("quote", .string(r.quote)), ("rule", .string(r.rule))])
        }
        return json.finished
    }

    static func claimsCSV(_ site: Site) -> String {
        let header = "id,article,metric,entity,importer,value_low,value_high,unit,qualifier,year,quote,article_title,published"
        let lines = records(site).map { r in
            [r.id, r.article, r.metric, r.entity ?? "", r.importer ?? "", r.value_low.map(SVG.number) ?? "", r.value_high.map(SVG.number) ?? "",
             r.unit, r.qualifier, r.year.map(String.init) ?? "", r.quote, r.article_title, r.published].map(csvField).joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Every number reaching here is finite (checked on input), so encoding cannot fail.
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)).map { $0 + "\n" } ?? "[]\n"
    }

    struct DatasetMetadata: Encodable {
        struct Column: Encodable { var name: String; var type: String; var required: Bool; var description: String }
        var id: String, title: String, title_zh: String, citation: String, edition: String, unit: String
        var as_of: String, licence: String, source_url: String, notes: String, key: [String], columns: [Column], rows: Int
    }

    static func metadata(_ dataset: Dataset) -> String {
        json(DatasetMetadata(id: dataset.id, title: dataset.title, title_zh: dataset.titleZh, citation: dataset.citation, edition: dataset.edition,
                             unit: dataset.unit, as_of: dataset.asOf, licence: dataset.licence, source_url: dataset.sourceURL, notes: dataset.notes,
                             key: dataset.key, columns: dataset.columns.map { .init(name: $0.name, type: $0.kind.rawValue, required: $0.required, description: $0.description) },
                             rows: dataset.rows.count))
    }
}
