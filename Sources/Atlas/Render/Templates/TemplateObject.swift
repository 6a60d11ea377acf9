/// A template object's named values, in the order they were written, found by a search from the
/// last one (so a name written twice has its last value, as a dictionary's assignment gives).
///
/// A page's contexts are made and read once: a dictionary hashed every key when an object was
/// made and again at each lookup, three percent of a 10,000-article build. Objects hold a few
/// dozen keys, short and mostly of different lengths, so comparing lengths first and then the
/// few same-length keys is faster than hashing (half the time, measured on a claim row's 22
/// keys and a page's lookups).
///
/// Most lookups are for a name the object lacks: a key is looked for from the innermost section
/// outwards, and a page's own keys are read from inside every row. `names` holds a bit per name
/// written (`Self.bit`), so such a lookup mostly ends at one test, without reading the entries.
struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    private var entries: [(key: String, value: TemplateValue)]
    private var names: UInt64 = 0

    init(minimumCapacity: Int) {
        entries = []
        entries.reserveCapacity(minimumCapacity)
    }

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries = elements.map { (key: $0.0, value: $0.1) }
        for element in elements { names |= Self.bit(element.0) }
    }

    /// Adds a name without looking for it first: a later value of the same name wins anyway.
    mutating func append(_ key: String, _ value: TemplateValue) {
        entries.append((key, value))
        names |= Self.bit(key)
    }

    subscript(key: String) -> TemplateValue? {
        get { self[key, bit: Self.bit(key)] }
        set {
            if let newValue {
                if let index = index(of: key, bit: Self.bit(key)) { entries[index].value = newValue } else { append(key, newValue) }
            } else {
                entries.removeAll { $0.key.utf8.elementsEqual(key.utf8) }
                names = entries.reduce(0) { $0 | Self.bit($1.key) }
            }
        }
    }

    /// The value of `key`, whose `Self.bit` the caller made once (a template's keys are fixed).
    subscript(key: String, bit bit: UInt64) -> TemplateValue? {
        index(of: key, bit: bit).map { entries[$0].value }
    }

    /// One of 64 bits for a name, from its length and last byte: the names of one object
    /// (`title`, `url`, `hasTopics`…) seldom share both.
    static func bit(_ key: String) -> UInt64 {
        let length = key.utf8.count
        let last = key.utf8.last.map(Int.init) ?? 0
        return 1 << UInt64((length &* 7 &+ last) & 63)
    }

    private func index(of key: String, bit: UInt64) -> Int? {
        guard names & bit != 0 else { return nil }
        let length = key.utf8.count
        var index = entries.count - 1
        while index >= 0 {
            if entries[index].key.utf8.count == length, entries[index].key == key { return index }
            index -= 1
        }
        return nil
    }

    /// Each name once, with its value (the last written).
    func makeIterator() -> some IteratorProtocol<(key: String, value: TemplateValue)> {
        entries.indices.lazy.filter { index in self.index(of: self.entries[index].key, bit: Self.bit(self.entries[index].key)) == index }.map { self.entries[$0] }.makeIterator()
    }

    /// The same names with the same values, in any order.
    static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.allSatisfy { rhs[$0.key] == $0.value } && rhs.allSatisfy { lhs[$0.key] != nil }
    }
}
