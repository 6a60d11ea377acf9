/// Every entity page opens with a short description, and a description states only what its
/// source says: so an entity the articles name without one is a warning, and so is a source
/// that does not name the entity at all (an article that never mentions it, a dataset with no
/// row for it). Whether the source link resolves is checked with the other identity links.
public enum EntityDescriptions {
    public static func check(_ site: Site, log: inout DiagnosticLog) {
        let links = IdentityLinks(site: site)
        let articles = Dictionary(site.articles.map { ("@/articles/\($0.slug)", $0.id) }, uniquingKeysWith: { a, _ in a })
        let datasets = Dictionary(site.datasets.map { ("@/data/\($0.id)", $0) }, uniquingKeysWith: { a, _ in a })
        for entity in site.entities where site.mentions.isMentioned(entity.id) {
            let count = site.mentions.byEntity[entity.id]?.count ?? 0
            guard let about = entity.about else {
                log.warning("the entity `\(entity.id)` is mentioned in \(count) article\(count == 1 ? "" : "s") but has no description", at: entity.origin,
                            hint: "add `description`, `description_zh` and the `source` that supports them")
                continue
            }
            let target = about.source.target
            guard links.resolve(target) != nil else { continue }
            if let article = articles[target], site.mentions.byArticle[article]?[entity.id] == nil {
                log.warning("the description of `\(entity.id)` cites `\(target)`, which does not mention it", at: about.source.location,
                            hint: "cite an article that names \(entity.name), or a dataset with a row for it")
            }
            if let dataset = datasets[target], !EntityMatcher(entities: [entity]).mentions(in: Array(dataset.csv)).contains(where: { $0.entity == entity.id }),
               !dataset.csv.lowercased().contains(entity.name.lowercased()) {
                log.warning("the description of `\(entity.id)` cites `\(target)`, which has no row naming it", at: about.source.location,
                            hint: "cite the article or dataset that says what the description says")
            }
        }
    }
}
