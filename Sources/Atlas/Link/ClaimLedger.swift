/// Applies the editor's decisions to the extracted figures: drops, corrections and additions,
/// each checked against the articles, the entity registry and the claims that exist.
public enum ClaimLedger {
    public static func apply(_ edits: ClaimEdits, to extracted: [Claim], articles: [Article], entities: [Entity], log: inout DiagnosticLog) -> [Claim] {
        var claims = extracted
        var index = Dictionary(claims.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let entityIDs = Set(entities.map(\.id))
        // Positions, not copies of the articles (tens of thousands, each a dozen references).
        let articleByID = ByteKeyedDictionary(articles.indices.map { (articles[$0].id, $0) })
        let bySlug = Dictionary(articles.indices.map { (articles[$0].slug, $0) }, uniquingKeysWith: { a, _ in a })
        let lookup = Lookup(claims: claims, index: index, articles: articles, bySlug: bySlug)
        // One entry per claim: a second would silently win over the first, or be lost under a drop.
        var dropped: [String: SourceLocation] = [:]
        for drop in edits.drops {
            guard let id = lookup.claim(drop.key, log: &log) else { continue }
            if let first = dropped[id] {
                log.error("the claim `\(id)` is already dropped at line \(first.line)", at: drop.key.location, hint: "remove one of the two entries")
            }
            dropped[id] = dropped[id] ?? drop.key.location
        }
        var corrected: [String: SourceLocation] = [:]
        for change in edits.corrections {
            let key = ClaimEdits.Key(id: change.id, article: change.article, quote: change.quote, figure: change.figure,
                                     location: change.fieldLocations[change.id != nil ? "id" : "quote"] ?? change.location)
            guard let id = lookup.claim(key, log: &log), let position = index[id] else { continue }
            if let first = corrected[id] {
                log.error("the claim `\(id)` is already corrected at line \(first.line)", at: key.location,
                          hint: "put all the corrections of one claim in one entry")
                continue
            }
            corrected[id] = key.location
            if let drop = dropped[id] {
                log.error("the claim `\(id)` is also dropped at line \(drop.line)", at: key.location,
                          hint: "keep either the correction or the drop")
                continue
            }
            let published = articleByID[claims[position].article].map { articles[$0].published.local.year } ?? 0
            if var claim = check(change, base: claims[position], entityIDs: entityIDs, published: published, log: &log) {
                claim.rule = "editor"
                claims[position] = claim
            }
        }
        for change in edits.additions {
            guard let slug = change.article, let article = bySlug[slug].map({ articles[$0] }) else {
                log.error("no article has the slug `\(change.article ?? "")`", at: change.fieldLocations["article"] ?? change.location,
                          hint: "use the slug from the article's URL /articles/<slug>/")
                continue
            }
            let body = Array(article.sourceText)
            let quote = Array(change.quote ?? "")
            guard let start = firstIndex(of: quote, in: body) else {
                log.error("the quote does not occur in the article `\(article.title)`", at: change.fieldLocations["quote"] ?? change.location,
                          hint: "copy the words exactly from the article's body, as its page shows them")
                continue
            }
            let published = article.published.local.year
            let base = Claim(article: article.id, low: nil, high: nil, unit: .percent, period: .current(published: published),
                             quote: String(quote), quoteRange: start..<(start + quote.count), rule: "editor")
            guard var claim = check(change, base: base, entityIDs: entityIDs, published: published, log: &log) else { continue }
            claim.id = "e" + Slug.stableHash("\(article.id)\u{1F}\(claim.quote)\u{1F}\(claim.metric.rawValue)\u{1F}\(claim.entity ?? "")")
            if index[claim.id] != nil {
                log.error("this claim is already in the ledger", at: change.location, hint: "remove the duplicate entry")
                continue
            }
            index[claim.id] = claims.count
            claims.append(claim)
        }
        return claims.filter { dropped[$0.id] == nil }
    }

    /// Finds the claim an entry names, or logs why it cannot: an id that no claim has, or an
    /// article and quote that match no claim or several, with the article's candidate claims
    /// (id, figure, sentence) so the editor can fix the key without running another command.
    struct Lookup {
        var claims: [Claim]
        var index: [String: Int]
        var articles: [Article]
        var bySlug: [String: Int]

        func claim(_ key: ClaimEdits.Key, log: inout DiagnosticLog) -> String? {
            let article = key.article.flatMap { bySlug[$0] }.map { articles[$0] }
            if let slug = key.article, article == nil {
                log.error("no article has the slug `\(slug)`", at: key.location, hint: "use the slug from the article's URL /articles/<slug>/")
                return nil
            }
            let own = article.map { article in claims.filter { $0.article == article.id } } ?? []
            if let id = key.id {
                if let position = index[id], article == nil || claims[position].article == article?.id { return id }
                log.error(article.map { "the article `\($0.slug)` has no claim with the id `\(id)`" } ?? "no extracted claim has the id `\(id)`",
                          at: key.location, hint: article.map { candidates($0, own) }
                              ?? "the id changes when the article's title, date or sentence does; check it with `atlas claims ARTICLE`, or key the entry by `article: SLUG` and `quote:`, which survive such edits")
                return nil
            }
            guard let article, let quote = key.quote?.trimmingWhitespace, !quote.isEmpty else { return nil }
            let matches = own.filter { claim in
                claim.quote.contains(quote) && (key.figure.map { Self.same(claim.figureText, $0) } ?? true)
            }
            if matches.count == 1 { return matches[0].id }
            let figure = key.figure.map { " and the figure `\($0)`" } ?? ""
            log.error(matches.isEmpty ? "no claim of the article `\(article.slug)` has the quote `\(quote)`\(figure)"
                                      : "\(matches.count) claims of the article `\(article.slug)` have the quote `\(quote)`\(figure); add `figure:` to pick one",
                      at: key.location, hint: candidates(article, matches.isEmpty ? own : matches))
            return nil
        }

        /// Figures as written, ignoring spaces (`30 %` is `30%`).
        static func same(_ a: String, _ b: String) -> Bool {
            a.filter { !$0.isWhitespace } == b.filter { !$0.isWhitespace }
        }

        func candidates(_ article: Article, _ claims: [Claim]) -> String {
            guard !claims.isEmpty else { return "the article `\(article.slug)` (\(article.title)) has no extracted claims" }
            let listed = claims.prefix(12).map { claim in
                let quote = claim.quote.count > 70 ? claim.quote.prefix(69) + "…" : Substring(claim.quote)
                return "\(claim.id) \(claim.figureText) “\(quote)”"
            }
            let more = claims.count > 12 ? "; and \(claims.count - 12) more (atlas claims \(article.slug))" : ""
            return "claims of `\(article.slug)` (\(article.title)): " + listed.joined(separator: "; ") + more
        }
    }

    /// The claim with the change's fields applied, or nil after logging what is wrong.
    static func check(_ change: ClaimEdits.Change, base: Claim, entityIDs: Set<String>, published: Int, log: inout DiagnosticLog) -> Claim? {
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
        if let year = change.year { claim.period = .year(year) }
        if let raw = change.period {
            if let period = ClaimPeriod(code: raw, published: published) { claim.period = period } else {
                log.error("`period` `\(raw)` is not a period", at: at("period"),
                          hint: "write 2024, 2020-2023, since 1998, since 1990s, as of 2024, by 2030, current or past")
            }
        }
        // A new period with no status given: the status follows it as for extracted figures
        // ("period: 2009" is history, "by 2030" a forecast), so a corrected figure is never
        // drawn as now by mistake.
        if change.status == nil, change.period != nil || change.year != nil {
            (claim.status, claim.period) = StatusRule.resolve(cue: claim.status == .stated ? nil : claim.status, period: claim.period, unit: claim.unit,
                                                              published: LocalDateTime(year: published, month: 12, day: 31))
        }
        if let raw = change.status {
            if let status = ClaimStatus(rawValue: raw) { claim.status = status } else {
                log.error("unknown status `\(raw)`", at: at("status"), hint: "use one of: \(ClaimStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let raw = change.elements {
            let scope = ElementScope(code: raw)
            if case .element(let id) = scope, !entityIDs.contains(id) {
                log.error("unknown elements `\(raw)`", at: at("elements"),
                          hint: "use all, light, medium-heavy, heavy, magnet, or an element's id from content/entities.yml")
            } else {
                claim.scope.elements = scope
            }
        }
        if let raw = change.measure {
            if raw.isEmpty || raw == "none" { claim.scope.measure = nil } else if let measure = Measure(rawValue: raw) { claim.scope.measure = measure } else {
                log.error("unknown measure `\(raw)`", at: at("measure"), hint: "use one of: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")), or none")
            }
        }
        if let raw = change.commodity {
            // Charts group figures by this name, so "Gallium" and "gallium" must be one material.
            let name = raw.lowercased().trimmingWhitespace
            if name.isEmpty || name.contains(where: { $0.isWhitespace && $0 != " " }) {
                log.error("`commodity` must name a material", at: at("commodity"), hint: "rare-earths, or the other material in lower case (gallium, lithium)")
            } else {
                claim.scope.commodity = ["rare earths", "rare earth", "rare-earth"].contains(name) ? ClaimScope.rareEarths : name
            }
        }
        if let raw = change.rate {
            if raw.isEmpty || raw == "none" { claim.rate = nil } else if let rate = Rate(rawValue: raw) { claim.rate = rate } else {
                log.error("unknown rate `\(raw)`", at: at("rate"), hint: "use one of: \(Rate.allCases.map(\.rawValue).joined(separator: ", ")), or none")
            }
        }
        if let raw = change.speaker { claim.speaker = raw.isEmpty ? nil : raw }
        if claim.low == nil && claim.high == nil {
            log.error("the claim has no value", at: change.location, hint: "give `value: 90`, `value: 85-90`, or `low:`/`high:`")
        }
        return log.errorCount == before ? claim : nil
    }

    static func firstIndex<Haystack: RandomAccessCollection<Character>>(of needle: [Character], in haystack: Haystack) -> Int? where Haystack.Index == Int {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for i in haystack.startIndex...(haystack.endIndex - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }
}
