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
/// written (`Signature.bit`), so such a lookup mostly ends at one test, without reading the entries.
/// Each entry keeps its name's length and last byte (`Signature`), so a lookup that reads the
/// entries compares one integer per entry, not the length of each name's string.
struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    private var entries: [Entry]
    private var names: UInt64 = 0

    private struct Entry: Sendable {
        let key: String
        let signature: Signature
        var value: TemplateValue
    }

    /// A name's length in bytes and last byte: names of one object seldom share both.
    struct Signature: Sendable, Hashable {
        let length: Int
        let last: UInt8

        init(_ name: String) {
            length = name.utf8.count
            // From the bytes in place: the collection's generic `last` cost some ninety
            // instructions, for every key of every view model of every page.
            last = name.utf8.withContiguousStorageIfAvailable { $0.last ?? 0 } ?? name.utf8.last ?? 0
        }

        /// One of 64 bits, for the object's filter.
        var bit: UInt64 { 1 << UInt64((length &* 7 &+ Int(last)) & 63) }
    }

    init(minimumCapacity: Int) {
        entries = []
        entries.reserveCapacity(minimumCapacity)
    }

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { append(key, value) }
    }

    /// Adds a name without looking for it first: a later value of the same name wins anyway.
    mutating func append(_ key: String, _ value: TemplateValue) {
        let signature = Signature(key)
        entries.append(Entry(key: key, signature: signature, value: value))
        names |= signature.bit
    }

    subscript(key: String) -> TemplateValue? {
        get { self[key, signature: Signature(key)] }
        set {
            if let newValue {
                if let index = index(of: key, signature: Signature(key)) { entries[index].value = newValue } else { append(key, newValue) }
            } else {
                entries.removeAll { $0.key.utf8.elementsEqual(key.utf8) }
                names = entries.reduce(0) { $0 | $1.signature.bit }
            }
        }
    }

    /// The value of `key`, whose signature the caller made once (a template's keys are fixed).
    subscript(key: String, signature signature: Signature) -> TemplateValue? {
        index(of: key, signature: signature).map { entries[$0].value }
    }

    private func index(of key: String, signature: Signature) -> Int? {
        guard names & signature.bit != 0 else { return nil }
        var index = entries.count - 1
        while index >= 0 {
            if entries[index].signature == signature, entries[index].key == key { return index }
            index -= 1
        }
        return nil
    }

    /// Each name once, with its value (the last written).
    func makeIterator() -> some IteratorProtocol<(key: String, value: TemplateValue)> {
        entries.indices.lazy.filter { index in self.index(of: self.entries[index].key, signature: self.entries[index].signature) == index }
            .map { (key: self.entries[$0].key, value: self.entries[$0].value) }.makeIterator()
    }

    /// The same names with the same values, in any order.
    static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.allSatisfy { rhs[$0.key] == $0.value } && rhs.allSatisfy { lhs[$0.key] != nil }
    }
}
