import Foundation

/// Machine-readable copies of what the site shows: the claim ledger as CSV and JSON, and each
/// dataset's metadata as JSON beside its CSV.
enum Exports {
    /// RFC 4180 quoting, decided per byte (a `"` with a combining mark is still a quote
    /// character to a CSV reader, and no byte of a longer scalar is ASCII).
    static func csvField(_ text: String) -> String {
        // Looked for in the bytes: the four are ASCII, and no byte of a longer scalar is ASCII.
        guard needsQuotes(text) else { return text }
        var quoted: [UInt8] = [0x22]
        quoted.reserveCapacity(text.utf8.count + 8)
        // The runs between quote characters copied whole (a quote is usually a sentence with
        // commas and no `"`), not appended a byte at a time.
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for (index, byte) in bytes.enumerated() where byte == 0x22 {
                quoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...index]))
                quoted.append(0x22)
                run = index + 1
            }
            quoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        quoted.append(0x22)
        return String(decoding: quoted, as: UTF8.self)
    }

    /// Whether a comma, quote or line break is among the bytes: read in place with no early
    /// exit, so the loop is vectorized (every field of every exported row is asked).
    private static func needsQuotes(_ text: String) -> Bool {
        func special(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var found: UInt8 = 0
            for byte in bytes { found |= (byte == 0x2C ? 1 : 0) | (byte == 0x22 ? 1 : 0) | (byte == 0x0A ? 1 : 0) | (byte == 0x0D ? 1 : 0) }
            return found != 0
        } ?? text.utf8.contains(where: special)
    }

    /// One claim with its article, as the exports write it.
    struct ClaimRecord: Sendable {
        var claim: Claim
        var articleURL: String
        var articleTitle: String
        var published: String
    }

    /// A column of the claim exports: its name, type and meaning (the schema file says these to
    /// readers), the values it may take, and how a record fills it. CSV, JSON and the schema are
    /// all written from this one list, so they cannot drift apart.
    struct ClaimColumn: Sendable {
        var name: String
        var type: String
        var description: String
        var values: [String]? = nil
        var value: @Sendable (ClaimRecord) -> JSONRecords.Value?
    }

    static func string(_ text: String?) -> JSONRecords.Value? { text.map { .string($0) } }

    /// The columns' names as claims.json writes them (in key order, quoted once).
    static let claimKeys = JSONRecords.Keys(claimColumns.map(\.name))

    static let claimColumns: [ClaimColumn] = [
        ClaimColumn(name: "id", type: "string", description: "The claim's stable id; the quote's anchor on its article page is #q-<id>.") { .string($0.claim.id) },
        ClaimColumn(name: "article", type: "string", description: "The article's URL path on this site.") { .string($0.articleURL) },
        ClaimColumn(name: "metric", type: "string", description: "What the figure measures.", values: Metric.allCases.map(\.rawValue)) { .string($0.claim.metric.rawValue) },
        ClaimColumn(name: "entity", type: "string", description: "Entity id (see /entities/<id>/) of whose figure it is: who holds the share, produces, pays or set the target; for import shares the supplier. Empty when the sentence names no registered party.") { string($0.claim.entity) },
        ClaimColumn(name: "importer", type: "string", description: "For import shares: the entity id of who imports.") { string($0.claim.importer) },
        ClaimColumn(name: "value_low", type: "number", description: "Lower bound as stated, in `unit`; empty for an open bound (\"less than 5%\"). Never a midpoint.") { $0.claim.low.map { .number($0) } },
        ClaimColumn(name: "value_high", type: "number", description: "Upper bound as stated; empty for an open bound (\"over 90%\"). Equal to value_low for a single value.") { $0.claim.high.map { .number($0) } },
        ClaimColumn(name: "unit", type: "string", description: "percent, tonnes, or a currency (amounts in the currency's units, not millions); prices per kg or tonne.",
                    values: [FigureUnit.percent, .tonnes, .usd, .cny, .inr, .jpy, .eur, .usdPerKg, .usdPerTonne, .cnyPerTonne, .cnyPerKg].map(\.rawValue)) { .string($0.claim.unit.rawValue) },
        ClaimColumn(name: "qualifier", type: "string", description: "How the source hedged the number.", values: Qualifier.allCases.map(\.rawValue)) { .string($0.claim.qualifier.rawValue) },
        ClaimColumn(name: "status", type: "string", description: "stated or estimate: a measurement; target, plan, forecast: not one; historical: a past state the text contrasts with now, or a period three or more years before publication.",
                    values: ClaimStatus.allCases.map(\.rawValue)) { .string($0.claim.status.rawValue) },
        ClaimColumn(name: "elements", type: "string", description: "Which rare earths: all, light, medium-heavy, heavy, magnet (Nd, Pr, Dy, Tb), or one element's entity id. Empty when the commodity is not rare earths.") {
            $0.claim.scope.isRareEarths ? .string($0.claim.scope.elements.code) : nil
        },
        ClaimColumn(name: "measure", type: "string", description: "What is measured: reserves or resources; output, capacity or technology (patents) at a stage; imports. Empty for money and prices.",
                    values: Measure.allCases.map(\.rawValue)) { string($0.claim.scope.measure?.rawValue) },
        ClaimColumn(name: "commodity", type: "string", description: "rare-earths, or the other material the figure is about (gallium, graphite…); such figures are never drawn as rare earths.") { .string($0.claim.scope.commodity) },
        ClaimColumn(name: "period", type: "string", description: "When the figure holds: YYYY, YYYY-YYYY, since YYYY (since 1990s for a decade), as of YYYY, by YYYY (a deadline), current (as of publication) or past.") { .string($0.claim.period.code) },
        ClaimColumn(name: "period_from", type: "integer", description: "First year of the period (year, range, since).") { $0.claim.period.from.map { .integer($0) } },
        ClaimColumn(name: "period_to", type: "integer", description: "Last year of the period (year, range, as of, by; the publication year for current).") { $0.claim.period.to.map { .integer($0) } },
        ClaimColumn(name: "period_source", type: "string", description: "How the period was found: stated in the figure's clause, from the publication date, counted from it (\"last year\"), or none.",
                    values: ClaimPeriod.Resolution.allCases.map(\.rawValue)) { .string($0.claim.period.resolution.rawValue) },
        ClaimColumn(name: "year", type: "integer", description: "The year a point-in-time figure describes (year, as of, or the publication year for current); empty for spans, deadlines and the past.") { $0.claim.period.pointYear.map { .integer($0) } },
        ClaimColumn(name: "rate", type: "string", description: "For tonnages and amounts: how often they recur.", values: Rate.allCases.map(\.rawValue)) { string($0.claim.rate?.rawValue) },
        ClaimColumn(name: "speaker", type: "string", description: "Who the sentence says gives the number (\"USGS\", \"analysts\"), as written.") { string($0.claim.speaker) },
        ClaimColumn(name: "repeat_of", type: "string", description: "The id of an earlier claim in the same article stating the same figure; such a claim is counted once.") { string($0.claim.duplicateOf) },
        ClaimColumn(name: "figure", type: "string", description: "The figure's own words in the quote.") { .string($0.claim.figureText) },
        ClaimColumn(name: "quote", type: "string", description: "The clause that states the figure, verbatim from the article.") { .string($0.claim.quote) },
        ClaimColumn(name: "article_title", type: "string", description: "The article's title.") { .string($0.articleTitle) },
        ClaimColumn(name: "published", type: "datetime", description: "The article's publication time (ISO 8601 with offset).") { .string($0.published) },
        ClaimColumn(name: "rule", type: "string", description: "Which extraction rules read the figure, or editor for a correction from content/data/claims.edits.yml.") { .string($0.claim.rule) },
    ]

    /// Every claim whose article is on the site, as the exports write it, one at a time: the
    /// list of records was as large as the export itself.
    static func forEachRecord(_ site: Site, _ body: (ClaimRecord) -> Void) {
        let articles = ByteKeyedDictionary(site.articles.indices.map { (site.articles[$0].id, $0) })
        // An article's date and address, made once for all its claims.
        var made = [(published: String, url: String)?](repeating: nil, count: site.articles.count)
        for claim in site.claims {
            guard let index = articles[claim.article] else { continue }
            let article = site.articles[index]
            let fields = made[index] ?? (article.published.iso8601, site.config.basePath + "articles/\(article.slug)/")
            made[index] = fields
            body(ClaimRecord(claim: claim, articleURL: fields.url, articleTitle: article.title, published: fields.published))
        }
    }

    static func claimsJSON(_ site: Site, into text: ChunkedText) -> ChunkedText {
        var json = JSONRecords(into: text)
        forEachRecord(site) { record in json.append(keys: claimKeys) { claimColumns[$0].value(record) } }
        return json.closed()
    }

    static func claimsCSV(_ site: Site, into text: ChunkedText) -> ChunkedText {
        func cell(_ value: JSONRecords.Value?) -> String {
            switch value {
            case .string(let text): return text
            case .number(let number): return SVG.number(number)
            case .integer(let integer): return String(integer)
            case .strings(let strings): return strings.joined(separator: " ")
            case nil: return ""
            }
        }
        var csv = text
        appendLine(claimColumns.lazy.map(\.name), to: &csv.current)
        forEachRecord(site) { record in
            csv.wrap()
            appendLine(claimColumns.lazy.map { csvField(cell($0.value(record))) }, to: &csv.current)
        }
        return csv
    }

    /// One CSV line of already quoted fields, written straight into the export's piece: the
    /// export was an array of lines, joined, then copied again with its last newline, and a
    /// line was its fields joined first.
    static func appendLine(_ fields: some Sequence<String>, to text: inout UTF8Buffer) {
        var separated = false
        for field in fields {
            if separated { text.append("," as StaticString) }
            separated = true
            text.append(field)
        }
        text.append("\n" as StaticString)
    }

    /// A Frictionless Table Schema for claims.csv (and the keys of claims.json): every column,
    /// its type, what it means and the values it may take.
    static func claimsSchema() -> String {
        var text = "{\n  \"description\" : "
        JSONRecords.quote("The figures the articles state, one row per figure, with what the sentence says about it. claims.json holds the same records with empty fields left out.", into: &text)
        text += ",\n  \"fields\" : [\n"
        for (index, column) in claimColumns.enumerated() {
            text += "    {\n      \"name\" : "
            JSONRecords.quote(column.name, into: &text)
            text += ",\n      \"type\" : "
            JSONRecords.quote(column.type, into: &text)
            text += ",\n      \"description\" : "
            JSONRecords.quote(column.description, into: &text)
            if let values = column.values {
                text += ",\n      \"constraints\" : { \"enum\" : ["
                for (position, value) in values.enumerated() {
                    JSONRecords.quote(value, into: &text)
                    if position + 1 < values.count { text += ", " }
                }
                text += "] }"
            }
            text += "\n    }" + (index + 1 < claimColumns.count ? ",\n" : "\n")
        }
        text += "  ],\n  \"primaryKey\" : \"id\"\n}\n"
        return text
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
