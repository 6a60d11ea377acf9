/// The topics an article may be filed under, by every name an editor might use for one: its
/// Chinese name (how the dumps file articles, the topic's identity), its English name or its
/// slug. Without it `topics: [global-contest]` quietly made a second topic beside 全球稀土供应链博弈.
public struct TopicDirectory: Hashable, Sendable {
    /// Lower-cased name, English name or slug → the Chinese name.
    private var byName: [String: String] = [:]
    /// Every accepted spelling, for "did you mean".
    private(set) var spellings: [String] = []
    /// Each topic's names, `钕 / Neodymium / neodymium`, for the hint.
    private var listed: [String] = []

    /// `dumpTopics`: the Chinese names the dumps file articles under; `documents`: the curated
    /// topics of content/topics/.
    public init(dumpTopics: [String], documents: [TopicDocument]) {
        for document in documents {
            add(document.nameZh, for: document.nameZh)
            add(document.nameEn, for: document.nameZh)
            add(document.slug, for: document.nameZh)
            listed.append([document.nameZh, document.nameEn, document.slug].joined(separator: " / "))
        }
        for name in dumpTopics where resolve(name) == nil {
            add(name, for: name)
            listed.append(name)
        }
    }

    private mutating func add(_ spelling: String, for name: String) {
        let key = spelling.lowercased()
        guard byName[key] == nil else { return }
        byName[key] = name
        spellings.append(spelling)
    }

    /// The Chinese name of the topic `spelling` names, or nil.
    public func resolve(_ spelling: String) -> String? { byName[spelling.lowercased()] }

    /// The closest accepted spelling, if one is close.
    func suggestion(for spelling: String) -> String? { EditDistance.nearest(spelling, in: spellings) }

    /// What to tell an editor who named no known topic.
    var hint: String {
        guard !listed.isEmpty else { return "add the topic as a file in content/topics/ (title_zh, title_en, slug)" }
        return "name a topic by its title_zh, title_en or slug (\(listed.joined(separator: "; "))), or add it in content/topics/"
    }
}
