/// A body as the extractors read it: user-perceived characters (offsets into it are what quotes and
/// mentions record), plus each character's scalar value as an integer key.
///
/// Comparing two `Character`s is a Unicode-normalising string comparison; for Han text it was most
/// of the extraction time. Every word the rules look for is made of single-scalar characters, so
/// comparing keys gives the same answer as comparing characters, at the cost of an integer compare.
/// A character of several scalars (a letter with a combining mark) gets a key no rule word has.
///
/// The characters themselves are not stored: a single-scalar character is its key, and only the
/// rare character of several scalars is kept (`composites`). An array of `Character`s per body
/// cost more to build and to free than most rules cost to run.
struct ScanText: RandomAccessCollection, Sendable {
    let keys: [UInt32]
    /// The text's UTF-8 and where each character starts in it (one more entry for the end), so
    /// a slice becomes a `String` by copying bytes instead of appending characters one by one.
    let utf8: [UInt8]
    let offsets: [Int]
    /// Each character of several scalars, by position (its key is `composite`).
    let composites: [Int: Character]
    /// Whether every character is one of `LoneScalars`: then two such texts have equal
    /// characters exactly where they have equal keys (`firstIndex(of:)`, `sameCharacters`).
    let isLoneScalars: Bool
    /// The text lowercased as `String.lowercased()` does it (scalar by scalar), with where each
    /// character's lower case starts: made once per body for the rules, which lowercased
    /// overlapping windows of it for every figure (`lower(_:)`).
    /// `byFolding`: made by folding A–Z alone (`foldsOnlyASCII`), so it is also `lowercased()`'s bytes.
    private(set) var lowered: (utf8: [UInt8], offsets: [Int], byFolding: Bool)?

    /// The key of a character made of more than one scalar: it matches nothing a rule spells.
    static let composite: UInt32 = .max

    /// The string's bytes are copied whole (its characters are slices of them, in order), and
    /// each character's key is decoded from its own bytes, rather than appending each
    /// character's UTF-8 and asking it for its scalars: this runs over every article body.
    init(_ string: String) {
        let utf8 = Array(string.utf8)
        if let scanned = Self.oneScalarEach(utf8) {
            self = scanned
            return
        }
        var keys: [UInt32] = []
        var offsets: [Int] = []
        var composites: [Int: Character] = [:]
        keys.reserveCapacity(utf8.count)
        offsets.reserveCapacity(utf8.count + 1)
        var offset = 0
        for character in string {
            let length = character.utf8.count
            let key = Self.key(utf8, at: offset, length: length)
            if key == Self.composite { composites[keys.count] = character }
            offsets.append(offset)
            keys.append(key)
            offset += length
        }
        offsets.append(offset)
        self.init(keys: keys, utf8: utf8, offsets: offsets, composites: composites)
    }

    init(_ characters: [Character]) {
        var keys: [UInt32] = []
        var utf8: [UInt8] = []
        var offsets: [Int] = []
        var composites: [Int: Character] = [:]
        keys.reserveCapacity(characters.count)
        offsets.reserveCapacity(characters.count + 1)
        for character in characters {
            let key = Self.key(character)
            if key == Self.composite { composites[keys.count] = character }
            offsets.append(utf8.count)
            keys.append(key)
            utf8.append(contentsOf: character.utf8)
        }
        offsets.append(utf8.count)
        self.init(keys: keys, utf8: utf8, offsets: offsets, composites: composites)
    }

    private init(keys: [UInt32], utf8: [UInt8], offsets: [Int], composites: [Int: Character], isLoneScalars: Bool = false) {
        self.keys = keys
        self.utf8 = utf8
        self.offsets = offsets
        self.composites = composites
        self.isLoneScalars = isLoneScalars
    }

    /// Characters whose lower case is themselves (as `Character.lowercased()` and each
    /// scalar's `lowercaseMapping` give it): Latin-1 signs, general and CJK punctuation, Han,
    /// and the full-width signs. Checked scalar by scalar in `ScanTextTests`.
    static func isCaseless(_ key: UInt32) -> Bool {
        switch key {
        case 0xA0...0xBF, 0x2000...0x206F, 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: true
        default: false
        }
    }

    /// Whether this text's lower case only folds ASCII letters: every character is ASCII or
    /// caseless. Then the lower case is the same bytes with A–Z folded (no byte of a longer
    /// UTF-8 sequence is ASCII), at the same offsets: what nearly every body is.
    private var foldsOnlyASCII: Bool {
        keys.allSatisfy { $0 < 0x80 || Self.isCaseless($0) }
    }

    /// Bytes or keys with A–Z folded, written as a loop over buffers without branches, so that
    /// the compiler vectorizes it.
    private static func foldedASCII<Unit: FixedWidthInteger & UnsignedInteger>(_ units: [Unit]) -> [Unit] {
        [Unit](unsafeUninitializedCapacity: units.count) { folded, count in
            units.withUnsafeBufferPointer { units in
                for k in 0..<units.count { folded[k] = units[k] &+ (units[k] &- 0x41 < 26 ? 0x20 : 0) }
            }
            count = units.count
        }
    }

    /// This text with its lower case made (`lower(_:)` then slices it).
    func withLowerCase() -> ScanText {
        if foldsOnlyASCII {
            var text = self
            text.lowered = (Self.foldedASCII(utf8), offsets, true)
            return text
        }
        var lowerUTF8: [UInt8] = []
        var lowerOffsets: [Int] = []
        lowerUTF8.reserveCapacity(utf8.count)
        lowerOffsets.reserveCapacity(keys.count + 1)
        for (position, key) in keys.enumerated() {
            lowerOffsets.append(lowerUTF8.count)
            if key < 0x80 {
                lowerUTF8.append(UInt8(key >= 0x41 && key <= 0x5A ? key + 0x20 : key))
            } else if (0x3000...0x303F).contains(key) || (0x3400...0x4DBF).contains(key) || (0x4E00...0x9FFF).contains(key) {
                // Han and CJK punctuation have no case.
                lowerUTF8.append(contentsOf: utf8[offsets[position]..<offsets[position + 1]])
            } else if key != Self.composite, let scalar = Unicode.Scalar(key) {
                lowerUTF8.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                for scalar in self[position].unicodeScalars { lowerUTF8.append(contentsOf: scalar.properties.lowercaseMapping.utf8) }
            }
        }
        lowerOffsets.append(lowerUTF8.count)
        var text = self
        text.lowered = (lowerUTF8, lowerOffsets, false)
        return text
    }

    /// `string(range).lowercased()`, sliced from the lower case made once when there is one
    /// (`String.lowercased()` maps each scalar on its own, so a slice of the whole text's lower
    /// case is the slice's lower case).
    func lower(_ range: Range<Int>) -> String {
        guard let lowered else { return string(range).lowercased() }
        let range = range.clamped(to: 0..<keys.count)
        return String(decoding: lowered.utf8[lowered.offsets[range.lowerBound]..<lowered.offsets[range.upperBound]], as: UTF8.self)
    }

    /// The key of the character whose `length` bytes start at `offset`: its scalar when the
    /// bytes are exactly one scalar, else `composite`.
    static func key(_ utf8: [UInt8], at offset: Int, length: Int) -> UInt32 {
        let lead = utf8[offset]
        let scalarLength = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard scalarLength == length else { return composite }
        switch length {
        case 1: return UInt32(lead)
        case 2: return UInt32(lead & 0x1F) << 6 | UInt32(utf8[offset + 1] & 0x3F)
        case 3: return UInt32(lead & 0x0F) << 12 | UInt32(utf8[offset + 1] & 0x3F) << 6 | UInt32(utf8[offset + 2] & 0x3F)
        default: return UInt32(lead & 0x07) << 18 | UInt32(utf8[offset + 1] & 0x3F) << 12 | UInt32(utf8[offset + 2] & 0x3F) << 6 | UInt32(utf8[offset + 3] & 0x3F)
        }
    }

    /// The text when every scalar in it is a character of its own (`LoneScalars`), found
    /// without Unicode's character-breaking rules (which were most of making a `ScanText`); nil
    /// when some scalar might join a neighbour, and the caller breaks the text the general way.
    static func oneScalarEach(_ utf8: [UInt8]) -> ScanText? {
        // Written through pointers, an ASCII byte at a time where it can: this runs over every
        // body and every block rendered, and appending to two arrays with their checks per
        // character was most of it.
        var lone = true
        var count = 0
        let keys = [UInt32](unsafeUninitializedCapacity: utf8.count) { keys, initialized in
            initialized = 0
            utf8.withUnsafeBufferPointer { bytes in
                var offset = 0
                while offset < bytes.count {
                    // Eight ASCII bytes, none a carriage return, are eight keys.
                    if offset + 8 <= bytes.count, let base = bytes.baseAddress {
                        let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
                        if LoneScalars.isPlainASCII(word) {
                            for k in 0..<8 { keys[count + k] = UInt32(truncatingIfNeeded: word >> UInt64(8 * k)) & 0xFF }
                            count += 8
                            offset += 8
                            continue
                        }
                    }
                    let lead = bytes[offset]
                    if lead < 0x80 {
                        guard lead != 0x0D else { lone = false; return }
                        keys[count] = UInt32(lead)
                        count += 1
                        offset += 1
                        continue
                    }
                    let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    guard offset + length <= bytes.count else { lone = false; return }
                    let key = UTF8Scalars.decode(bytes, at: offset).value
                    guard LoneScalars.contains(key), Unicode.Scalar(key) != nil else { lone = false; return }
                    keys[count] = key
                    count += 1
                    offset += length
                }
            }
            initialized = lone ? count : 0
        }
        guard lone else { return nil }
        // Where each character starts: after the keys, from their lengths alone (an all-ASCII
        // text's offsets are its positions).
        let offsets = [Int](unsafeUninitializedCapacity: count + 1) { offsets, initialized in
            guard count != utf8.count else {
                for index in 0...count { offsets[index] = index }
                initialized = count + 1
                return
            }
            var offset = 0
            for index in 0..<count {
                offsets[index] = offset
                let key = keys[index]
                offset += key < 0x80 ? 1 : key < 0x800 ? 2 : key < 0x10000 ? 3 : 4
            }
            offsets[count] = offset
            initialized = count + 1
        }
        return ScanText(keys: keys, utf8: utf8, offsets: offsets, composites: [:], isLoneScalars: true)
    }

    static func key(_ character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return composite }
        return first.value
    }

    var startIndex: Int { 0 }
    var endIndex: Int { keys.count }

    /// A single-scalar character is made again from its key (a small string, no allocation).
    subscript(position: Int) -> Character {
        let key = keys[position]
        if key != Self.composite, let scalar = Unicode.Scalar(key) { return Character(scalar) }
        return composites[position]!
    }

    /// The same text lowercased character by character, offsets unchanged (ASCII without a
    /// string allocation; anything else as Swift lowercases it, kept to one character).
    ///
    /// An ASCII character is one byte and its own key, so its lower case is written straight
    /// into the three arrays; only other characters go through `Character`.
    func lowercased() -> ScanText {
        // The bytes `withLowerCase()` folded already are reused: the date rule lowercases the
        // text every extractor shares.
        if let lowered, lowered.byFolding {
            return ScanText(keys: Self.foldedASCII(keys), utf8: lowered.utf8, offsets: offsets, composites: [:])
        }
        if foldsOnlyASCII {
            return ScanText(keys: Self.foldedASCII(keys), utf8: Self.foldedASCII(utf8), offsets: offsets, composites: [:])
        }
        var keys: [UInt32] = []
        var utf8: [UInt8] = []
        var offsets: [Int] = []
        var composites: [Int: Character] = [:]
        keys.reserveCapacity(self.keys.count)
        utf8.reserveCapacity(self.utf8.count)
        offsets.reserveCapacity(self.keys.count + 1)
        for (position, key) in self.keys.enumerated() {
            offsets.append(utf8.count)
            if key < 0x80 {
                let folded = key >= 0x41 && key <= 0x5A ? key + 0x20 : key
                keys.append(folded)
                utf8.append(UInt8(folded))
                continue
            }
            // Han and CJK punctuation have no case: kept without asking for a lower-case string.
            if (0x3000...0x303F).contains(key) || (0x3400...0x4DBF).contains(key) || (0x4E00...0x9FFF).contains(key) {
                keys.append(key)
                utf8.append(contentsOf: self.utf8[self.offsets[position]..<self.offsets[position + 1]])
                continue
            }
            let character = self[position]
            let lower = character.lowercased()
            let result = lower.count == 1 ? Character(lower) : character
            let resultKey = Self.key(result)
            if resultKey == Self.composite { composites[position] = result }
            keys.append(resultKey)
            utf8.append(contentsOf: result.utf8)
        }
        offsets.append(utf8.count)
        return ScanText(keys: keys, utf8: utf8, offsets: offsets, composites: composites)
    }

    /// True when `word` (single-scalar characters only, as every rule word is) starts at `i`.
    ///
    /// Compared as bytes: the text's from where character `i` starts against the word's, then
    /// the word's scalars counted, since the characters they cover must be one scalar each (one
    /// with a combining mark covers more bytes than its scalar). Walking the word's scalars and
    /// the text's keys side by side was a fiftieth of a build, called for every unit, scale
    /// and connector tried after every number.
    func matches(_ word: String, at i: Int) -> Bool {
        guard i >= 0 else { return false }
        guard i <= keys.count, !word.isEmpty else { return word.isEmpty }
        let start = offsets[i]
        var word = word
        return word.withUTF8 { bytes in
            guard start + bytes.count <= utf8.count else { return false }
            for (k, byte) in bytes.enumerated() where utf8[start + k] != byte { return false }
            // Scalars are the bytes that do not continue one (0b10xxxxxx).
            var scalars = 0
            for byte in bytes where byte & 0xC0 != 0x80 { scalars += 1 }
            return i + scalars <= keys.count && offsets[i + scalars] == start + bytes.count
        }
    }

    /// Characters a rule looks for at one place (`",，;；"`), each a scalar that no other text
    /// is canonically equivalent to (`LoneScalars`), so that a key compare answers for them.
    ///
    /// `",，;；".contains(text[i])` made a `Character` of the text's and of each of the set's,
    /// and compared them as strings: a few thousand instructions a test, at every position
    /// of the loops that walk to the end of a phrase.
    struct OneOf: Sendable {
        let keys: KeySet
        let characters: String

        init(_ characters: String) {
            precondition(characters.unicodeScalars.allSatisfy { LoneScalars.contains($0.value) } && characters.count == characters.unicodeScalars.count)
            self.characters = characters
            keys = KeySet(characters.unicodeScalars.map(\.value))
        }
    }

    /// `set.characters.contains(self[i])`: by key, and as characters only where the text's
    /// character could equal one of the set's spelled otherwise (several scalars, or a scalar
    /// with a canonical twin).
    func isOne(of set: OneOf, at i: Int) -> Bool {
        let key = keys[i]
        if set.keys.contains(key) { return true }
        // `composite` is no lone scalar: a character of several scalars is compared as one.
        if LoneScalars.contains(key) { return false }
        return set.characters.contains(self[i])
    }

    /// Where `needle`'s characters first stand in this text, compared as characters: by keys
    /// when both texts are lone scalars (a quote is searched for in every block of its body,
    /// and making two `Character`s at every position was a percent of a build), else as
    /// `Character`s.
    func firstIndex(of needle: ScanText) -> Int? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        guard isLoneScalars, needle.isLoneScalars else { return ClaimLedger.firstIndex(of: Array(needle), in: self) }
        let first = needle.keys[0]
        for i in 0...(count - needle.count) where keys[i] == first {
            if keys[i..<(i + needle.count)].elementsEqual(needle.keys) { return i }
        }
        return nil
    }

    /// Whether the two texts are the same characters (as `[Character]`s compare).
    func sameCharacters(as other: ScanText) -> Bool {
        guard isLoneScalars, other.isLoneScalars else { return elementsEqual(other) }
        return keys == other.keys
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
        return key < 0x80 ? key >= 0x30 && key <= 0x39 : self[i].isNumber
    }

    func isLetter(_ i: Int) -> Bool {
        let key = keys[i]
        return key < 0x80 ? (key | 0x20) >= 0x61 && (key | 0x20) <= 0x7A : self[i].isLetter
    }

    /// An ASCII letter after a letter: inside a word, where no rule for an English word starts.
    func continuesWord(_ i: Int) -> Bool {
        keys[i] < 0x80 && isLetter(i) && i > 0 && isLetter(i - 1)
    }

    /// An ASCII letter after an ASCII letter: no rule's English word starts there, and no
    /// figure, date or Han word can.
    func isInsideASCIIWord(_ i: Int) -> Bool {
        i > 0 && Self.isASCIILetter(keys[i]) && Self.isASCIILetter(keys[i - 1])
    }

    /// The first position from `i` on that is not an ASCII letter: the scans pass the rest of an
    /// English word at once instead of asking each of its letters what could start there.
    func endOfASCIILetters(from i: Int) -> Int {
        var end = i
        keys.withUnsafeBufferPointer { keys in
            while end < keys.count, Self.isASCIILetter(keys[end]) { end += 1 }
        }
        return end
    }

    private static func isASCIILetter(_ key: UInt32) -> Bool { (key | 0x20) &- 0x61 < 26 }

    func isWhitespace(_ i: Int) -> Bool {
        let key = keys[i]
        return key < 0x80 ? key == 0x20 || (key >= 0x09 && key <= 0x0D) : self[i].isWhitespace
    }

    func isUppercase(_ i: Int) -> Bool {
        let key = keys[i]
        return key < 0x80 ? key >= 0x41 && key <= 0x5A : self[i].isUppercase
    }

    func isASCII(_ i: Int) -> Bool { keys[i] < 0x80 }

    func isHan(_ i: Int) -> Bool {
        switch keys[i] {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0xF900...0xFAFF: return true
        default: return false
        }
    }

    func string(_ range: Range<Int>) -> String {
        let range = range.clamped(to: 0..<keys.count)
        return String(decoding: utf8[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
    }
}
