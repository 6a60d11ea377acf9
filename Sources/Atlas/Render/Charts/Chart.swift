/// A rendered chart with everything a reader needs to trust and reuse it: visible title and
/// subtitle (unit, as-of date), the drawing with a plain-language summary, a data table of
/// exactly what is plotted, the same data as CSV, the chart as an image file, and its sources.
public struct Chart: Sendable, Equatable {
    public struct Cell: Hashable, Sendable {
        /// As a reader reads it: "44 million t".
        public var text: String
        /// A link to the quote or dataset the value comes from.
        public var url: String?
        public var language: Language?
        /// As a program reads it, for the CSV: "44000000". The text when nil.
        public var raw: String?

        init(text: String, url: String? = nil, language: Language? = nil, raw: String? = nil) {
            self.text = text
            self.url = url
            self.language = language
            self.raw = raw
        }
    }

    /// The name editors use to embed it (```` ```chart reserves ````) and its URL `/data/<name>/`.
    public var name: String
    public var title: String
    public var subtitle: String
    public var summary: String
    /// "Source: USGS MCS 2026 …; articles as linked."
    public var source: String
    /// The drawing for wide screens and the one laid out for phones (`ChartFrame`); a page
    /// carries both and shows one.
    public var wide: String
    public var narrow: String
    /// Both again in less detail, for other pages that embed the chart (`ChartFrame.Detail`);
    /// nil when that is the same drawing.
    public var embedded: TrustedHTML?
    /// A file of its own, for download and as the source of the PNG: title, subtitle and source
    /// drawn in, light colours and fonts inlined, no links.
    public var standalone: String
    /// Its height in user units (the width is 640).
    public var standaloneHeight: Double
    /// Column headers as readers see them, in both languages.
    public var headers: [String]
    /// The CSV's column names, for programs.
    public var csvHeaders: [String]
    public var rows: [[Cell]]

    /// Both drawings, for the page.
    public var svg: TrustedHTML { TrustedHTML(wide + narrow) }

    /// The plotted data as CSV (RFC 4180), for the download: raw numbers, not prose.
    public var csv: String {
        let field = Exports.csvField
        return ([csvHeaders] + rows.map { $0.map { $0.raw ?? $0.text } }).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}

/// What charts are drawn from: the linked site, plus lookups they all need.
struct ChartContext {
    let site: Site
    let references: [ReferenceFigure]
    let articlesByID: ByteKeyedDictionary<Article>
    let entityNames: [String: Entity]
    /// Each entity's claims with a value that it holds (not those where it is the importer), in
    /// site order: every chart row asks for one entity's, and scanning all claims per row grew
    /// with the corpus. Not `SiteRenderer.claimsByEntity`, which also lists importers' claims.
    let valuedClaimsByHolder: [String: [Claim]]
    /// Each entity's drawn shares by the comparison that draws them (positions in
    /// `valuedClaimsByHolder`, in site order). A share is drawn by the comparisons of its metric,
    /// elements and commodity whose measure is its own, or any when it states none, and then only
    /// if `Comparison.includes` it: filtering all of China's figures for every candidate
    /// comparison grew with the corpus twice over (more figures, more comparisons), 1.3 s of a
    /// 30,000-article build.
    private let drawn: [DrawKey: [Int]]

    private struct DrawKey: Hashable {
        var entity: String
        var comparison: Comparison
    }

    init(site: Site) {
        self.site = site
        self.references = site.references
        self.articlesByID = ByteKeyedDictionary(site.articles.map { ($0.id, $0) })
        self.entityNames = Dictionary(site.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let valued = Dictionary(grouping: site.claims.filter { $0.entity != nil && $0.hasValue }, by: { $0.entity ?? "" })
        self.valuedClaimsByHolder = valued
        var drawn: [DrawKey: [Int]] = [:]
        for (entity, claims) in valued {
            for (position, claim) in claims.enumerated() where claim.unit == .percent {
                let measures = claim.scope.measure.map { [$0] } ?? [nil] + Measure.allCases.map(Optional.some)
                for measure in measures {
                    let comparison = Comparison(metric: claim.metric, elements: claim.scope.elements, measure: measure, commodity: claim.scope.commodity)
                    if comparison.includes(claim) { drawn[DrawKey(entity: entity, comparison: comparison), default: []].append(position) }
                }
            }
        }
        self.drawn = drawn
    }

    func dataset(_ id: String) -> Dataset? { site.datasets.first { $0.id == id } }

    /// Where a claim's quote is highlighted.
    func url(for claim: Claim) -> String {
        url(for: claim, in: articlesByID[claim.article])
    }

    /// `url(for:)` when the claim's article is already at hand.
    func url(for claim: Claim, in article: Article?) -> String {
        guard let article else { return site.config.basePath }
        return site.config.basePath + "articles/\(article.slug)/#q-\(claim.id)"
    }

    /// A country as a dataset spells it, as the rest of the site names it: USGS writes "Burma",
    /// whose page is "Myanmar", so the chart says "Myanmar (Burma)".
    func placeName(_ datasetName: String) -> String {
        let key = datasetName.lowercased()
        guard let entity = site.entities.first(where: { $0.aliases.contains { $0.lowercased() == key } }),
              entity.name.lowercased() != key else { return datasetName }
        return "\(entity.name) (\(datasetName))"
    }

    func name(_ entity: String?) -> String {
        guard let entity else { return "未说明 not stated" }
        return entityNames[entity]?.name ?? entity
    }

    /// "稀土博弈… (Sou Hu Cai Jing, 2025-10-26)"
    func describe(_ claim: Claim) -> String {
        guard let article = articlesByID[claim.article] else { return claim.quote }
        return "\(article.title) (\(article.source), \(article.published.dateOnly))"
    }

    /// The figures that measure one quantity now for one party, in site order: what a chart row draws.
    func claims(_ comparison: Comparison, entity: String) -> [Claim] {
        guard let positions = drawn[DrawKey(entity: entity, comparison: comparison)], let claims = valuedClaimsByHolder[entity] else { return [] }
        return positions.map { claims[$0] }
    }

    /// How many `claims(comparison, entity:)` has, without copying them.
    func claimCount(_ comparison: Comparison, entity: String) -> Int {
        drawn[DrawKey(entity: entity, comparison: comparison)]?.count ?? 0
    }

    func hasClaims(_ comparison: Comparison, entity: String) -> Bool {
        drawn[DrawKey(entity: entity, comparison: comparison)] != nil
    }

    /// The party's other figures of the metric, each with why it is not drawn (repeats left out:
    /// the figure they repeat stands for them).
    func setApart(from comparison: Comparison, entity: String, besides compared: [Comparison] = []) -> [SetApartClaim] {
        (valuedClaimsByHolder[entity] ?? []).filter { $0.metric == comparison.metric && $0.duplicateOf == nil }
            .compactMap { claim in
                guard !compared.contains(where: { $0.includes(claim) }) else { return nil }
                return comparison.setApart(claim).map { SetApartClaim(claim: claim, reason: $0) }
            }
    }

    /// "current (2025) · all rare earths · output", "by 2030 · target · heavy rare earths · capacity":
    /// the status is named when it is not a plain statement.
    func what(_ claim: Claim) -> String {
        var parts = [claim.period.label] + (claim.status == .stated ? [] : [claim.status.rawValue])
        // Which rare earths matters for shares and tonnages, or when it is narrower than all.
        if claim.scope.commodity != ClaimScope.rareEarths { parts.append(claim.scope.commodity) } else if claim.scope.elements != .all || claim.scope.measure != nil {
            parts.append(claim.scope.elements.label)
        }
        if let measure = claim.scope.measure, claim.metric != .importShare, claim.metric != .importDependence { parts.append(measure.label) }
        if let rate = claim.rate { parts.append(rate.rawValue) }
        return parts.joined(separator: " · ")
    }
}
