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
        /// `characters.count`, kept in the candidate itself: read for every candidate tried, and
        /// reading it from the array's own storage was a cache miss a candidate.
        var length: Int
        /// The second key (when there is one), also kept here: most candidates tried at a place
        /// differ from the text in it, and are then passed without reading their keys' storage.
        var second: UInt32
        var keys: [UInt32]
        /// A spelling with a multi-scalar character is compared character by character.
        var hasComposite: Bool
        var entity: String
        var spelling: String
        var needsWordBoundary: Bool
    }

    /// Every spelling, grouped by the key of its first character, each group in matching order.
    private let candidates: [Candidate]
    private let groups: [Range<Int>]
    /// Whether every spelling of a group needs a word to start where it does (all but the
    /// Chinese ones): inside an English word such a group is passed over with one test.
    private let groupNeedsWordStart: [Bool]
    /// The second keys of each group's spellings, or nil when one of them has no second key to
    /// test (a single character, or a character of several scalars). A capital letter starts a
    /// group of a dozen names or more ("S": Samarium, Shenghe, Sojitz…); at most places one
    /// starts, the next character rules them all out.
    private let groupSeconds: [[UInt32]?]
    /// The group (plus one; 0 for none) of each key of the Basic Multilingual Plane: most
    /// characters start no spelling, and an array read is far cheaper than hashing the key.
    private let groupOfKey: [UInt32]
    /// Whether every spelling that starts with an ASCII letter, digit or `_` needs a word to start
    /// where it does: then no name starts inside an ASCII word, and a place there whose character
    /// starts a group is passed over by its key and its neighbour's, without asking for word
    /// characters or comparing names.
    private let asciiWordsStartNames: Bool
    private let groupBeyond: [UInt32: UInt32]

    public init(entities: [Entity]) {
        var byFirst: [UInt32: [Candidate]] = [:]
        var owner: [String: String] = [:]
        for entity in entities {
            for spelling in entity.spellings where !spelling.isEmpty && owner[spelling] == nil {
                owner[spelling] = entity.id
                let characters = Array(spelling)
                let isHan = characters.contains { $0.isHan }
                let keys = characters.map(ScanText.key)
                byFirst[keys[0], default: []].append(Candidate(characters: characters, length: characters.count, second: keys.count > 1 ? keys[1] : 0, keys: keys, hasComposite: keys.contains(ScanText.composite),
                                                               entity: entity.id, spelling: spelling, needsWordBoundary: !isHan))
            }
        }
        var candidates: [Candidate] = [], groups: [Range<Int>] = []
        var groupOfKey = [UInt32](repeating: 0, count: 65_536), groupBeyond: [UInt32: UInt32] = [:]
        for key in byFirst.keys.sorted() {
            // Longest first, then by spelling, so the choice never depends on registry order.
            let group = byFirst[key]!.sorted { ($0.characters.count, $1.spelling) > ($1.characters.count, $0.spelling) }
            groups.append(candidates.count..<(candidates.count + group.count))
            candidates += group
            if key < 65_536 { groupOfKey[Int(key)] = UInt32(groups.count) } else { groupBeyond[key] = UInt32(groups.count) }
        }
        self.candidates = candidates
        self.groups = groups
        groupNeedsWordStart = groups.map { group in candidates[group].allSatisfy(\.needsWordBoundary) }
        groupSeconds = groups.map { group in
            let options = candidates[group]
            guard options.allSatisfy({ $0.keys.count >= 2 && !$0.hasComposite }) else { return nil }
            return Array(Set(options.map { $0.keys[1] })).sorted()
        }
        self.groupOfKey = groupOfKey
        asciiWordsStartNames = candidates.allSatisfy { $0.needsWordBoundary || !Self.isASCIIWord($0.keys[0]) }
        self.groupBeyond = groupBeyond
    }

    public func mentions(in text: [Character]) -> [Mention] {
        mentions(in: ScanText(text))
    }

    func mentions(in text: ScanText) -> [Mention] {
        var result: [Mention] = []
        // Run at every character of every body twice a build (extraction, whose matches also
        // give the mention counts, and body links; three times for a body with line-wrap spaces
        // between Han characters): keys, groups and spellings are read in place, with no copy of a spelling
        // (four collections, a retain apiece) at each place a name could start.
        text.keys.withUnsafeBufferPointer { keys in
            candidates.withUnsafeBufferPointer { options in
                groupOfKey.withUnsafeBufferPointer { groupOfKey in
                    var i = 0
                    while i < keys.count {
                        let key = keys[i]
                        let group = key < 65_536 ? groupOfKey[Int(key)] : groupBeyond[key] ?? 0
                        guard group != 0 else { i += 1; continue }
                        if asciiWordsStartNames, i > 0, Self.isASCIIWord(key), Self.isASCIIWord(keys[i - 1]) { i += 1; continue }
                        var matched: Int?
                        // Whether a word may start here, asked once and only for a spelling that
                        // needs it: inside an English word no such spelling is compared at all.
                        var startsWord: Bool?
                        if groupNeedsWordStart[Int(group) - 1] {
                            startsWord = i == 0 || !isWordCharacter(at: i - 1, in: text)
                            guard startsWord == true else { i += 1; continue }
                        }
                        if let seconds = groupSeconds[Int(group) - 1] {
                            guard i + 1 < keys.count, seconds.contains(keys[i + 1]) else { i += 1; continue }
                        }
                        for index in groups[Int(group) - 1] where i + options[index].length <= keys.count {
                            if options[index].needsWordBoundary {
                                if startsWord == nil { startsWord = i == 0 || !isWordCharacter(at: i - 1, in: text) }
                                guard startsWord == true else { continue }
                            }
                            if !options[index].hasComposite, options[index].length > 1, keys[i + 1] != options[index].second { continue }
                            let same = options[index].hasComposite ? text[i..<(i + options[index].length)].elementsEqual(options[index].characters)
                                : Self.keys(keys, at: i, equal: options[index].keys)
                            guard same else { continue }
                            if options[index].needsWordBoundary {
                                let afterIndex = i + options[index].length
                                let after = afterIndex < keys.count ? text[afterIndex] : " "
                                guard !isWordCharacter(after) || options[index].characters.last == "." else { continue }
                                // "U.S." at a sentence end: the dot may be the full stop; "US-China" is fine.
                            }
                            matched = index
                            break
                        }
                        if let matched {
                            let option = options[matched]
                            result.append(Mention(entity: option.entity, range: i..<(i + option.length), spelling: option.spelling))
                            i += option.length
                        } else {
                            i += 1
                        }
                    }
                }
            }
        }
        return result
    }

    private static func keys(_ keys: UnsafeBufferPointer<UInt32>, at start: Int, equal word: [UInt32]) -> Bool {
        for (k, key) in word.enumerated() where keys[start + k] != key { return false }
        return true
    }

    /// An ASCII letter, digit or `_`: what `isWordCharacter` says of an ASCII character.
    private static func isASCIIWord(_ key: UInt32) -> Bool {
        key < 0x80 && ((key | 0x20) >= 0x61 && (key | 0x20) <= 0x7A || key >= 0x30 && key <= 0x39 || key == 0x5F)
    }

    private func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter && !c.isHan || c.isNumber || c == "_"
    }

    /// `isWordCharacter` of the character at `index`, from its key when it is ASCII.
    private func isWordCharacter(at index: Int, in text: ScanText) -> Bool {
        guard text.isASCII(index) else { return isWordCharacter(text[index]) }
        return text.isLetter(index) || text.isDigit(index) || text.keys[index] == 0x5F
    }
}
