#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A literal substring test on UTF-8 bytes.
///
/// With Foundation imported, `String.contains(String)` resolves to `NSString.range(of:)`, which
/// folds character clusters under a locale: it was a sixth of a build's time in the rules that
/// test quotes for words. The rules' words are literal and in NFC like the text, so a byte search
/// gives the same answers.
extension StringProtocol {
    func includes(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { word in Self.firstOffset(of: word, in: haystack) != nil }
        }
        if let found = found ?? nil { return found }
        return Self.firstOffset(of: Array(needle.utf8), in: Array(utf8)) != nil
    }

    /// `word` as a whole English word: not inside a longer one ("now" is not in "known"). Words
    /// in Han script have no spaces around them and are tested with `includes`.
    func includesWord(_ word: String) -> Bool {
        let bytes = Array(utf8), needle = Array(word.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] {
            guard bytes[i..<(i + needle.count)].elementsEqual(needle) else { continue }
            let beforeOK = i == 0 || !isLetter(bytes[i - 1]) || !isLetter(needle[0])
            let afterOK = i + needle.count == bytes.count || !isLetter(bytes[i + needle.count]) || !isLetter(needle[needle.count - 1])
            if beforeOK && afterOK { return true }
        }
        return false
    }

    /// Where `word`'s bytes first stand in `haystack` (an index of `haystack`, which may be a slice).
    fileprivate static func firstOffset<H: RandomAccessCollection<UInt8>, W: RandomAccessCollection<UInt8>>(of word: W, in haystack: H) -> Int?
    where H.Index == Int, W.Index == Int {
        guard let first = word.first else { return haystack.startIndex }
        guard haystack.count >= word.count else { return nil }
        // In place, the first byte is found by `memchr` and the rest compared by `memcmp`: the
        // rules look for their words in every clause, and a comparison a byte at a time was a
        // hundredth of a build.
        if let both = haystack.withContiguousStorageIfAvailable({ haystack in
            word.withContiguousStorageIfAvailable { word in Self.firstOffset(of: word, in: haystack) }
        }), let inMemory = both {
            return inMemory.map { haystack.startIndex + $0 }
        }
        var i = haystack.startIndex
        let last = haystack.endIndex - word.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < word.count, haystack[i + k] == word[word.startIndex + k] { k += 1 }
                if k == word.count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension StringProtocol {
    /// `firstOffset(of:in:)` over memory: an offset from the start of `haystack`.
    fileprivate static func firstOffset(of word: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let wordBase = word.baseAddress, let base = haystack.baseAddress, haystack.count >= word.count else {
            return word.isEmpty ? 0 : nil
        }
        let last = haystack.count - word.count
        var i = 0
        while i <= last, let found = memchr(base + i, Int32(wordBase.pointee), last - i + 1) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, wordBase, word.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}

extension String {
    /// `replacingOccurrences(of:with:)`, without Foundation where the bytes decide: when every
    /// scalar of both is one of `LoneScalars` (characters of their own with no canonical twin),
    /// an occurrence has the target's very bytes, and Foundation replaces those from the start,
    /// none overlapping. The rules strip words from phrases that rarely hold them, and the date
    /// rule strips a date from the phrase that always holds it: Foundation's search and copy
    /// were a hundredth of a build.
    func quickReplacing(_ target: String, with replacement: String) -> String {
        var text = self, word = target
        let lone = text.withUTF8 { LoneScalars.only($0) } && word.withUTF8 { LoneScalars.only($0) }
        guard lone, !target.isEmpty else { return replacingOccurrences(of: target, with: replacement) }
        return text.withUTF8 { bytes in
            word.withUTF8 { needle in
                var result: [UInt8] = []
                var run = 0
                while let at = Self.firstOffset(of: needle, in: bytes[run...]) {
                    result += bytes[run..<at]
                    result += replacement.utf8
                    run = at + needle.count
                }
                guard run > 0 else { return self }
                result += bytes[run...]
                return String(decoding: result, as: UTF8.self)
            }
        }
    }
}

extension StringProtocol {
    /// Where `needle` first stands, compared as UTF-8 bytes and taken only where it starts and
    /// ends on character boundaries: what Foundation's `range(of:)` finds for the rules' words
    /// (ASCII and Han, in NFC like the text), without its locale-aware cluster folding, which
    /// was most of the rate rule's time. In a substring (a suffix after a found range, a line),
    /// whose ends must be character boundaries of its string, the range is in that string.
    func literalRange(of needle: String) -> Range<String.Index>? {
        // Most words asked for are not there: the bytes say so before the text is copied.
        guard includes(needle) else { return nil }
        return GraphemeBytes(String(self)).firstRange(of: Array(needle.utf8)).map(indices(ofBytes:))
    }

    /// Where `needle` last stands, as `literalRange(of:)` finds where it first does: what
    /// `range(of:options: .backwards)` finds for the rules' words.
    func lastLiteralRange(of needle: String) -> Range<String.Index>? {
        guard includes(needle) else { return nil }
        return GraphemeBytes(String(self)).lastRange(of: Array(needle.utf8)).map(indices(ofBytes:))
    }

    /// Byte offsets from the start as indices (of the string a substring is in).
    func indices(ofBytes bytes: Range<Int>) -> Range<String.Index> {
        let lower = utf8.index(startIndex, offsetBy: bytes.lowerBound)
        return lower..<utf8.index(lower, offsetBy: bytes.count)
    }
}

/// Several literal words looked for in one pass over a text's bytes: whether any occurs is what
/// `words.contains(where: text.includes)` answers, without a pass per word; `forEachWord(in:at:)`
/// gives the words standing at one place, for rules that need where they are.
struct ByteNeedles: Sendable {
    /// Each word's bytes, in list order.
    let words: [[UInt8]]
    /// Each first byte's words (indices into `words`, in list order).
    private let byFirst: [[Int]]

    init(_ words: [String]) {
        self.words = words.map { Array($0.utf8) }
        var byFirst = [[Int]](repeating: [], count: 256)
        for (index, word) in self.words.enumerated() { if let first = word.first { byFirst[Int(first)].append(index) } }
        self.byFirst = byFirst
    }

    /// Calls `body` with the index of each word whose bytes stand at byte `i` of `bytes`, in
    /// list order, until it returns false.
    @discardableResult
    func forEachWord<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at i: Int, _ body: (Int) -> Bool) -> Bool where Bytes.Index == Int {
        // Asked at every byte of a text: a byte no word starts with is passed without copying
        // (retaining and releasing) its empty list.
        let first = Int(bytes[i])
        guard !byFirst[first].isEmpty else { return true }
        for index in byFirst[first] {
            let word = words[index]
            guard i + word.count <= bytes.endIndex else { continue }
            var k = 1
            while k < word.count, bytes[i + k] == word[k] { k += 1 }
            if k == word.count, !body(index) { return false }
        }
        return true
    }

    func anyOccurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.indices.contains { i in !forEachWord(in: bytes, at: i) { _ in false } }
        }
    }
}
