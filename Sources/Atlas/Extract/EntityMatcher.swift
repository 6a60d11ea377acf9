/// Finds entity mentions in text: English spellings on word boundaries, Chinese ones by longest
/// match, so `美国` is found but `北方稀土` is not mistaken for a shorter name inside it.
///
/// Built once per registry; matching is linear in the text (each position looks only at the
/// spellings that start with its character).
public struct EntityMatcher: Sendable {
    public struct Mention: Hashable, Sendable {
        public var entity: String
        /// Character offsets in the searched text.
        public var range: Range<Int>
        public var spelling: String
    }

    private struct Candidate: Sendable {
        var characters: [Character]
        var keys: [UInt32]
        /// A spelling with a multi-scalar character is compared character by character.
        var hasComposite: Bool
        var entity: String
        var spelling: String
        var needsWordBoundary: Bool
    }

    private let candidates: [UInt32: [Candidate]]
    /// The keys some spelling starts with: most characters start none, and asking this is far
    /// cheaper than hashing the key into `candidates`.
    private let firstKeys: KeySet

    public init(entities: [Entity]) {
        var byFirst: [UInt32: [Candidate]] = [:]
        var owner: [String: String] = [:]
        for entity in entities {
            for spelling in entity.spellings where !spelling.isEmpty && owner[spelling] == nil {
                owner[spelling] = entity.id
                let characters = Array(spelling)
                let isHan = characters.contains { $0.isHan }
                let keys = characters.map(ScanText.key)
                byFirst[keys[0], default: []].append(Candidate(characters: characters, keys: keys, hasComposite: keys.contains(ScanText.composite),
                                                               entity: entity.id, spelling: spelling, needsWordBoundary: !isHan))
            }
        }
        // Longest first, then by spelling, so the choice never depends on registry order.
        candidates = byFirst.mapValues { $0.sorted { ($0.characters.count, $1.spelling) > ($1.characters.count, $0.spelling) } }
        firstKeys = KeySet(byFirst.keys)
    }

    public func mentions(in text: [Character]) -> [Mention] {
        mentions(in: ScanText(text))
    }

    func mentions(in text: ScanText) -> [Mention] {
        var result: [Mention] = []
        let firstKeys = firstKeys
        // Run at every character of every body three times a build (extraction, mention counts,
        // body links): the keys are read from their buffer, without an array slice per option.
        text.keys.withUnsafeBufferPointer { keys in
            var i = 0
            while i < keys.count {
                let key = keys[i]
                guard firstKeys.contains(key), let options = candidates[key] else { i += 1; continue }
                // The options are read in place: copying each (four collections) was a retain
                // apiece at every position where a name could start.
                let matched = options.withUnsafeBufferPointer { options -> Int? in
                    for index in options.indices where i + options[index].characters.count <= keys.count {
                        let same = options[index].hasComposite ? text[i..<(i + options[index].characters.count)].elementsEqual(options[index].characters)
                            : Self.keys(keys, at: i, equal: options[index].keys)
                        guard same else { continue }
                        if options[index].needsWordBoundary {
                            let before = i > 0 ? text[i - 1] : " "
                            let afterIndex = i + options[index].characters.count
                            let after = afterIndex < keys.count ? text[afterIndex] : " "
                            guard !isWordCharacter(before), !isWordCharacter(after) || options[index].characters.last == "." else { continue }
                            // "U.S." at a sentence end: the dot may be the full stop; "US-China" is fine.
                        }
                        return index
                    }
                    return nil
                }
                if let matched {
                    let option = options[matched]
                    result.append(Mention(entity: option.entity, range: i..<(i + option.characters.count), spelling: option.spelling))
                    i += option.characters.count
                } else {
                    i += 1
                }
            }
        }
        return result
    }

    private static func keys(_ keys: UnsafeBufferPointer<UInt32>, at start: Int, equal word: [UInt32]) -> Bool {
        for (k, key) in word.enumerated() where keys[start + k] != key { return false }
        return true
    }

    private func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter && !c.isHan || c.isNumber || c == "_"
    }
}
