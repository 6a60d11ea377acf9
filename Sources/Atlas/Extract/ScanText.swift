/// A body as the extractors read it: user-perceived characters (offsets into it are what quotes and
/// mentions record), plus each character's scalar value as an integer key.
///
/// Comparing two `Character`s is a Unicode-normalising string comparison; for Han text it was most
/// of the extraction time. Every word the rules look for is made of single-scalar characters, so
/// comparing keys gives the same answer as comparing characters, at the cost of an integer compare.
/// A character of several scalars (a letter with a combining mark) gets a key no rule word has.
struct ScanText: RandomAccessCollection, Sendable {
    let characters: [Character]
    let keys: [UInt32]
    /// The text's UTF-8 and where each character starts in it (one more entry for the end), so
    /// a slice becomes a `String` by copying bytes instead of appending characters one by one.
    let utf8: [UInt8]
    let offsets: [Int]

    /// The key of a character made of more than one scalar: it matches nothing a rule spells.
    static let composite: UInt32 = .max

    init(_ string: String) {
        self.init(Array(string))
    }

    init(_ characters: [Character]) {
        self.characters = characters
        self.keys = characters.map(Self.key)
        var utf8: [UInt8] = []
        var offsets: [Int] = []
        offsets.reserveCapacity(characters.count + 1)
        for character in characters {
            offsets.append(utf8.count)
            utf8.append(contentsOf: character.utf8)
        }
        offsets.append(utf8.count)
        self.utf8 = utf8
        self.offsets = offsets
    }

    static func key(_ character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return composite }
        return first.value
    }

    var startIndex: Int { 0 }
    var endIndex: Int { characters.count }
    subscript(position: Int) -> Character { characters[position] }

    /// The same text lowercased character by character, offsets unchanged (ASCII without a
    /// string allocation; anything else as Swift lowercases it, kept to one character).
    func lowercased() -> ScanText {
        ScanText(zip(characters, keys).map { character, key in
            if key < 0x80 { return key >= 0x41 && key <= 0x5A ? Character(Unicode.Scalar(UInt8(key + 0x20))) : character }
            let lower = character.lowercased()
            return lower.count == 1 ? Character(lower) : character
        })
    }

    /// True when `word` (single-scalar characters only, as every rule word is) starts at `i`.
    func matches(_ word: String, at i: Int) -> Bool {
        guard i >= 0 else { return false }
        var k = i
        for scalar in word.unicodeScalars {
            guard k < keys.count, keys[k] == scalar.value else { return false }
            k += 1
        }
        return true
    }

    /// A rule word as keys, for testing it at many places without walking its `String`.
    struct Word: Sendable {
        let keys: [UInt32]
        var count: Int { keys.count }

        init(_ word: String) { keys = word.unicodeScalars.map(\.value) }
    }

    /// True when `word` starts at `i` (as `matches(_:at:)` with the word's `String`).
    func matches(_ word: Word, at i: Int) -> Bool {
        guard i >= 0, i + word.keys.count <= keys.count else { return false }
        for (k, key) in word.keys.enumerated() where keys[i + k] != key { return false }
        return true
    }

    /// True when `word` starts at `i` with ASCII letters of the text folded to lower case (the
    /// words compared this way are English and spelled in lower case).
    func matchesIgnoringCase(_ word: Word, at i: Int) -> Bool {
        guard i >= 0, i + word.keys.count <= keys.count else { return false }
        for (k, key) in word.keys.enumerated() {
            let folded = keys[i + k] >= 0x41 && keys[i + k] <= 0x5A ? keys[i + k] + 0x20 : keys[i + k]
            if folded != key { return false }
        }
        return true
    }

    /// An ASCII digit, the only digits the number rules read.
    func isDigit(_ i: Int) -> Bool {
        i >= 0 && i < keys.count && keys[i] >= 0x30 && keys[i] <= 0x39
    }

    // Character properties with an ASCII fast path: most of the text, and most of the calls,
    // are ASCII, where the answer is a range check; anything else asks the Character.

    func isNumber(_ i: Int) -> Bool {
        let key = keys[i]
        return key < 0x80 ? key >= 0x30 && key <= 0x39 : characters[i].isNumber
    }

    func isLetter(_ i: Int) -> Bool {
        let key = keys[i]
        return key < 0x80 ? (key | 0x20) >= 0x61 && (key | 0x20) <= 0x7A : characters[i].isLetter
    }

    func isWhitespace(_ i: Int) -> Bool {
        let key = keys[i]
        return key < 0x80 ? key == 0x20 || (key >= 0x09 && key <= 0x0D) : characters[i].isWhitespace
    }

    func isUppercase(_ i: Int) -> Bool {
        let key = keys[i]
        return key < 0x80 ? key >= 0x41 && key <= 0x5A : characters[i].isUppercase
    }

    func isASCII(_ i: Int) -> Bool { keys[i] < 0x80 }

    func isHan(_ i: Int) -> Bool {
        switch keys[i] {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0xF900...0xFAFF: return true
        default: return false
        }
    }

    func string(_ range: Range<Int>) -> String {
        let range = range.clamped(to: 0..<characters.count)
        return String(decoding: utf8[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
    }
}
