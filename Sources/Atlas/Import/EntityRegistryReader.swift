import Yams

/// Reads `content/entities.yml`, the curated list of entities with their aliases.
public enum EntityRegistryReader {
    public static let path = "content/entities.yml"
    static let keys = ["id", "type", "name", "name_zh", "aliases", "description", "description_zh", "source"]
    static let types = ["country", "region", "organisation", "company", "agency", "element", "place", "agreement", "policy", "person"]

    /// Nil when the file cannot be read as a list at all (a YAML slip): then no entity is known
    /// and every reference to one would be reported too, burying the one real error.
    public static func read(_ file: TextFile, log: inout DiagnosticLog) -> [Entity]? {
        guard case .parsed(let node) = YAMLFields.compose(file.text, file: file.path, log: &log) else { return nil }
        guard case .sequence(let items)? = node else {
            log.error("the entity registry must be a list of entries", at: SourceLocation(file: file.path, line: 1),
                      hint: "start each entry with `- id: …`")
            return nil
        }
        var entities: [Entity] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            let line = item.mark?.line ?? 1
            guard case .mapping = item,
                  let fields = YAMLFields(node: item, file: file.path, allowed: keys, log: &log) else {
                log.error("an entity must be a mapping with `id`, `type`, `name`, `name_zh`", at: SourceLocation(file: file.path, line: line),
                          hint: "see the entries at the top of the file")
                continue
            }
            let location = SourceLocation(file: file.path, line: line, column: item.mark?.column ?? 1)
            guard let id = fields.string("id", log: &log), Slug.problem(with: id) == nil else {
                log.error("the entity needs an `id` made of a–z, 0–9 and hyphens", at: location, hint: "add for example `id: mp-materials`")
                continue
            }
            if let other = seen[id] {
                log.error("the entity id `\(id)` is already used at line \(other.line)", at: location, hint: "ids must be unique; merge the entries")
                continue
            }
            seen[id] = location
            let type = fields.string("type", log: &log) ?? ""
            if !types.contains(type) {
                log.error("unknown entity type `\(type)` for `\(id)`", at: fields.has("type") ? fields.location(ofKey: "type") : location,
                          hint: "use one of: \(types.joined(separator: ", "))")
            }
            let name = fields.string("name", log: &log) ?? ""
            let nameZh = fields.string("name_zh", log: &log) ?? ""
            if name.isEmpty || nameZh.isEmpty {
                log.error("the entity `\(id)` needs both `name` and `name_zh`", at: location, hint: "give its English and Chinese names")
            }
            entities.append(Entity(id: id, type: type, name: name, nameZh: nameZh,
                                   aliases: (fields.strings("aliases", log: &log) ?? []).filter { !$0.isEmpty }, origin: location,
                                   about: description(of: id, fields, at: location, log: &log)))
        }
        var owners: [String: String] = [:]
        for entity in entities {
            for spelling in Set(entity.spellings) where !spelling.isEmpty {
                if let other = owners[spelling], other != entity.id {
                    log.warning("the name `\(spelling)` belongs to both `\(other)` and `\(entity.id)`; mentions go to `\(other)`", at: entity.origin,
                                hint: "remove it from one of them")
                } else {
                    owners[spelling] = entity.id
                }
            }
        }
        return entities
    }

    /// The description fields go together: a description in one language only, or without the
    /// source that supports it, is an error at the entry.
    static func description(of id: String, _ fields: YAMLFields, at location: SourceLocation, log: inout DiagnosticLog) -> EntityDescription? {
        let english = fields.string("description", log: &log) ?? ""
        let chinese = fields.string("description_zh", log: &log) ?? ""
        let source = fields.string("source", log: &log) ?? ""
        if english.isEmpty && chinese.isEmpty && source.isEmpty { return nil }
        guard !english.isEmpty, !chinese.isEmpty, source.hasPrefix("@/") else {
            log.error("the entity `\(id)` needs `description`, `description_zh` and a `source` together", at: location,
                      hint: "describe it in both languages and give the page that supports it, e.g. `source: \"@/articles/SLUG\"` or `\"@/data/usgs-reserves\"`")
            return nil
        }
        return EntityDescription(english: english, chinese: chinese, source: IdentityLink(target: source, location: fields.location(ofKey: "source")))
    }
}
