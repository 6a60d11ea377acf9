import Foundation

/// A string key hashed and compared by its UTF-8 bytes.
///
/// `String` hashes non-ASCII text by normalising it to NFC first, and article ids hold their
/// (often Chinese) titles: looking articles up by id was an eighth of a preview rebuild at
/// 10,000 articles. Ids and memo keys are always built from the same bytes, so two spellings of
/// one text being two keys never happens for them (and for a memo would only cost a
/// recomputation).
struct ByteKey: Hashable, Sendable {
    var text: String

    init(_ text: String) { self.text = text }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        var (a, b) = (a.text, b.text)
        guard a.utf8.count == b.utf8.count else { return false }
        // `memcmp`, not `elementsEqual`, which compared byte by byte through iterators: ids are
        // compared at every lookup, a percent of a build.
        return a.withUTF8 { x in b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// The bytes folded eight at a time into one word, which the hasher then mixes with its
    /// seed: the hasher over every byte cost about seven instructions a byte (an article id is a
    /// hundred bytes, a memo key may hold a whole body). Equal bytes give equal words; keys that
    /// differ share a word only by chance, which costs a comparison, never a wrong answer.
    func hash(into hasher: inout Hasher) {
        var text = text
        hasher.combine(text.withUTF8 { Self.fold(UnsafeRawBufferPointer($0)) })
    }

    static func fold(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var word = UInt64(truncatingIfNeeded: bytes.count) &* multiplier
        bytes.forEachWord { next in
            word = (word ^ next) &* multiplier
            word ^= word >> 29
        }
        return word
    }
}

/// A dictionary from ids to values, looked up by `ByteKey`.
struct ByteKeyedDictionary<Value> {
    private var storage: [ByteKey: Value] = [:]

    init() {}

    /// The first value of each key wins, as `Dictionary(_:uniquingKeysWith: { a, _ in a })`.
    init(_ pairs: some Sequence<(String, Value)>) {
        // One hash per pair (a lookup, then an insert, hashed each key twice).
        storage = Dictionary(pairs.lazy.map { (ByteKey($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
    }

    /// Items grouped by key, each group in the items' order, as `Dictionary(grouping:by:)`.
    init<Item>(grouping items: some Sequence<Item>, by key: (Item) -> String) where Value == [Item] {
        for item in items { storage[ByteKey(key(item)), default: []].append(item) }
    }

    subscript(key: String) -> Value? {
        get { storage[ByteKey(key)] }
        set { storage[ByteKey(key)] = newValue }
    }

    /// Changed in place, as `Dictionary`'s: appending to a list value copies nothing.
    subscript(key: String, default value: @autoclosure () -> Value) -> Value {
        get { storage[ByteKey(key), default: value()] }
        _modify { yield &storage[ByteKey(key), default: value()] }
    }
}

extension ByteKeyedDictionary: Sendable where Value: Sendable {}
extension ByteKeyedDictionary: Equatable where Value: Equatable {}

extension ByteKeyedDictionary: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}
