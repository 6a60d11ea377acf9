import Yams

/// Reads `content/entities.yml`, the curated list of entities with their aliases.
public enum EntityRegistryReader {
    public static let path = "content/entities.yml"
    static let keys = ["id", "type", "name", "name_zh", "aliases"]
    static let types = ["country", "region", "organisation", "company", "agency", "element", "place", "agreement", "policy", "person"]

    public static func read(_ file: TextFile, log: inout DiagnosticLog) -> [Entity] {
        guard case .parsed(let node) = YAMLFields.compose(file.text, file: file.path, log: &log) else { return [] }
        guard case .sequence(let items)? = node else {
            log.error("the entity registry must be a list of entries", at: SourceLocation(file: file.path, line: 1),
                      hint: "start each entry with `- id: …`")
            return []
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
                                   aliases: (fields.strings("aliases", log: &log) ?? []).filter { !$0.isEmpty }, origin: location))
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
}
