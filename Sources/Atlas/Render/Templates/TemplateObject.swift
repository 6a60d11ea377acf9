/// A template object's named values, in the order they were written, found by a search from the
/// last one (so a name written twice has its last value, as a dictionary's assignment gives).
///
/// A page's contexts are made and read once: a dictionary hashed every key when an object was
/// made and again at each lookup, three percent of a 10,000-article build. Objects hold a few
/// dozen keys, short and mostly of different lengths, so comparing lengths first and then the
/// few same-length keys is faster than hashing (half the time, measured on a claim row's 22
/// keys and a page's lookups).
struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    private var entries: [(key: String, value: TemplateValue)]

    init(minimumCapacity: Int) {
        entries = []
        entries.reserveCapacity(minimumCapacity)
    }

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries = elements.map { (key: $0.0, value: $0.1) }
    }

    /// Adds a name without looking for it first: a later value of the same name wins anyway.
    mutating func append(_ key: String, _ value: TemplateValue) {
        entries.append((key, value))
    }

    subscript(key: String) -> TemplateValue? {
        get { index(of: key).map { entries[$0].value } }
        set {
            if let newValue {
                if let index = index(of: key) { entries[index].value = newValue } else { entries.append((key, newValue)) }
            } else {
                entries.removeAll { $0.key == key }
            }
        }
    }

    private func index(of key: String) -> Int? {
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
        entries.indices.lazy.filter { index in self.index(of: self.entries[index].key) == index }.map { self.entries[$0] }.makeIterator()
    }

    /// The same names with the same values, in any order.
    static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.allSatisfy { rhs[$0.key] == $0.value } && rhs.allSatisfy { lhs[$0.key] != nil }
    }
}
