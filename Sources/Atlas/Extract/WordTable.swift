/// Rule words grouped by the key of their first character, each group in the list's order.
///
/// Rules that try a list of words at every position of an article (element names, fraction
/// words, month names) spent most of their time comparing words that cannot start there. Looking
/// up the position's key gives only the candidates, in the order the whole list would have tried
/// them, so the first word that matches is the same one.
struct WordTable<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        let word: ScanText.Word
        let spelling: String
        let value: Value
    }

    /// ASCII first keys by index (most positions are ASCII text), anything else by dictionary.
    private let ascii: [[Entry]]
    private let other: [UInt32: [Entry]]
    /// Every key some word starts with: asked first at each position, so the many positions that
    /// start none cost a bit test instead of fetching (and retaining) an empty list.
    let firstKeys: KeySet

    init(_ words: [(String, Value)]) {
        var ascii = [[Entry]](repeating: [], count: 0x80)
        var other: [UInt32: [Entry]] = [:]
        for (spelling, value) in words {
            let entry = Entry(word: ScanText.Word(spelling), spelling: spelling, value: value)
            guard let first = entry.word.keys.first else { continue }
            if first < 0x80 { ascii[Int(first)].append(entry) } else { other[first, default: []].append(entry) }
        }
        self.ascii = ascii
        self.other = other
        firstKeys = KeySet(other.keys).union((0..<0x80).filter { !ascii[$0].isEmpty }.map(UInt32.init))
    }

    /// The words whose first character has this key.
    func candidates(startingWith key: UInt32) -> [Entry] {
        key < 0x80 ? ascii[Int(key)] : firstKeys.contains(key) ? other[key] ?? [] : []
    }
}
