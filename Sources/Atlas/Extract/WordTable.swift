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
        var openings = [UInt64](repeating: 0, count: 32 * 32 * 32 / 64)
        var unfiltered: [UInt32] = []
        for (spelling, _) in words {
            let keys = ScanText.Word(spelling).keys
            let codes = keys.prefix(3).map(Self.openingCode)
            guard codes.count == 3, !codes.contains(Self.otherCode) else { unfiltered += keys.prefix(1); continue }
            let bit = Self.opening(codes[0], codes[1], codes[2])
            openings[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.openings = openings
        unfilteredFirstKeys = KeySet(unfiltered)
    }

    /// The first three characters of every word, as a bit for each combination of lower-case
    /// letters, space, hyphen and apostrophe. English words are tried at every word start with a
    /// letter some of them starts with ("the" for "three quarters"): three bit tests rule most
    /// of them out without walking the candidates.
    private let openings: [UInt64]
    /// The first keys of the words that open otherwise (shorter than three characters, or with
    /// another character in the first three, as Chinese words): where one of them stands, every
    /// place may open a word.
    private let unfilteredFirstKeys: KeySet
    private static var otherCode: Int { 31 }

    private static func openingCode(_ key: UInt32) -> Int {
        switch key {
        case 0x61...0x7A: return Int(key - 0x61)
        case 0x20: return 26
        case 0x2D: return 27
        case 0x27: return 28
        default: return otherCode
        }
    }

    private static func opening(_ a: Int, _ b: Int, _ c: Int) -> Int { a << 10 | b << 5 | c }

    /// False when no word can match at `i` with the text's ASCII letters folded to lower case
    /// (as `ScanText.matchesIgnoringCase`); true when one may.
    func mayOpenIgnoringCase(_ text: ScanText, at i: Int) -> Bool {
        guard i >= 0, i < text.count else { return false }
        func folded(_ key: UInt32) -> UInt32 { key >= 0x41 && key <= 0x5A ? key + 0x20 : key }
        if unfilteredFirstKeys.contains(folded(text.keys[i])) { return true }
        guard i + 3 <= text.count else { return false }
        func code(_ key: UInt32) -> Int { Self.openingCode(folded(key)) }
        let (a, b, c) = (code(text.keys[i]), code(text.keys[i + 1]), code(text.keys[i + 2]))
        guard a != Self.otherCode, b != Self.otherCode, c != Self.otherCode else { return false }
        let bit = Self.opening(a, b, c)
        return openings[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The words whose first character has this key.
    func candidates(startingWith key: UInt32) -> [Entry] {
        key < 0x80 ? ascii[Int(key)] : firstKeys.contains(key) ? other[key] ?? [] : []
    }
}
