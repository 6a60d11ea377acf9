/// Applies the editor's decisions to the extracted figures: drops, corrections and additions,
/// each checked against the articles, the entity registry and the claims that exist.
public enum ClaimLedger {
    public static func apply(_ edits: ClaimEdits, to extracted: [Claim], articles: [Article], entities: [Entity], log: inout DiagnosticLog) -> [Claim] {
        var claims = extracted
        var index = Dictionary(claims.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let entityIDs = Set(entities.map(\.id))
        var dropped = Set<String>()
        for drop in edits.drops {
            guard index[drop.id] != nil else {
                log.error("no extracted claim has the id `\(drop.id)`", at: drop.location, hint: "check the id with `atlas claims ARTICLE`; remove the entry if the claim is gone")
                continue
            }
            dropped.insert(drop.id)
        }
        for change in edits.corrections {
            guard let id = change.id, let position = index[id] else {
                log.error("no extracted claim has the id `\(change.id ?? "")`", at: change.fieldLocations["id"] ?? change.location,
                          hint: "check the id with `atlas claims ARTICLE`")
                continue
            }
            if var claim = check(change, base: claims[position], entityIDs: entityIDs, log: &log) {
                claim.rule = "editor"
                claims[position] = claim
            }
        }
        let bySlug = Dictionary(articles.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        for change in edits.additions {
            guard let slug = change.article, let article = bySlug[slug] else {
                log.error("no article has the slug `\(change.article ?? "")`", at: change.fieldLocations["article"] ?? change.location,
                          hint: "use the slug from the article's URL /articles/<slug>/")
                continue
            }
            let body = Array(article.sourceText)
            let quote = Array(change.quote ?? "")
            guard let start = firstIndex(of: quote, in: body) else {
                log.error("the quote does not occur in the article `\(article.title)`", at: change.fieldLocations["quote"] ?? change.location,
                          hint: "copy the words exactly from the article's body (see the raw body on its page)")
                continue
            }
            let base = Claim(id: "", article: article.id, metric: .other, entity: nil, importer: nil, low: nil, high: nil, qualifier: .exact,
                             unit: .percent, year: nil, quote: String(quote), quoteRange: start..<(start + quote.count), figureText: "", rule: "editor")
            guard var claim = check(change, base: base, entityIDs: entityIDs, log: &log) else { continue }
            claim.id = "e" + Slug.stableHash("\(article.id)\u{1F}\(claim.quote)\u{1F}\(claim.metric.rawValue)\u{1F}\(claim.entity ?? "")")
            if index[claim.id] != nil {
                log.error("this claim is already in the ledger", at: change.location, hint: "remove the duplicate entry")
                continue
            }
            index[claim.id] = claims.count
            claims.append(claim)
        }
        return claims.filter { !dropped.contains($0.id) }
    }

    /// The claim with the change's fields applied, or nil after logging what is wrong.
    static func check(_ change: ClaimEdits.Change, base: Claim, entityIDs: Set<String>, log: inout DiagnosticLog) -> Claim? {
        var claim = base
        let before = log.errorCount
        func at(_ key: String) -> SourceLocation { change.fieldLocations[key] ?? change.location }
        if let raw = change.metric {
            if let metric = Metric(rawValue: raw) { claim.metric = metric } else {
                log.error("unknown metric `\(raw)`", at: at("metric"), hint: "use one of: \(Metric.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        for (key, value) in [("entity", change.entity), ("importer", change.importer)] {
            guard let value else { continue }
            if !entityIDs.contains(value) {
                log.error("unknown entity `\(value)`", at: at(key), hint: "use an id from content/entities.yml, or add the entity there")
            }
        }
        claim.entity = change.entity ?? claim.entity
        claim.importer = change.importer ?? claim.importer
        if let raw = change.qualifier {
            if let qualifier = Qualifier(rawValue: raw) { claim.qualifier = qualifier } else {
                log.error("unknown qualifier `\(raw)`", at: at("qualifier"), hint: "use one of: \(Qualifier.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let raw = change.unit {
            if let unit = FigureUnit(rawValue: raw) { claim.unit = unit } else {
                log.error("unknown unit `\(raw)`", at: at("unit"), hint: "use percent, tonnes, USD, CNY, INR, JPY, EUR, USD/kg or CNY/t")
            }
        }
        if change.low != nil || change.high != nil {
            claim.low = change.low
            claim.high = change.high
        }
        claim.year = change.year ?? claim.year
        if claim.low == nil && claim.high == nil {
            log.error("the claim has no value", at: change.location, hint: "give `value: 90`, `value: 85-90`, or `low:`/`high:`")
        }
        return log.errorCount == before ? claim : nil
    }

    static func firstIndex(of needle: [Character], in haystack: [Character]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }
}
