import Testing
@testable import Atlas

@Suite struct ByteKeyTests {
    /// Keys shaped like the site's: article ids (title, source, time), and keys that share long
    /// beginnings and ends, or differ only in length or in a last byte of zero.
    static var keys: [String] {
        var keys: [String] = []
        for index in 0..<1_000 {
            keys.append("稀土出口管制第\(index)篇\u{1F}Sou Hu Cai Jing\u{1F}2025-06-\((index % 28 + 1).zeroPadded(2)) 08:00")
            keys.append("mentions\u{0}registry\u{0}" + String(repeating: "a", count: index % 40) + "\u{0}body \(index / 40)")
        }
        keys += ["", "a", "a\u{0}", "a\u{0}\u{0}", "\u{0}", "\u{0}a", "abcdefgh", "abcdefgh\u{0}", "abcdefghi", "é", "e\u{301}"]
        return keys
    }

    @Test func equalBytesHashAlikeAndDifferentKeysApart() {
        let keys = Self.keys
        #expect(Set(keys.map { Array($0.utf8) }).count == keys.count, "every key's bytes differ")
        var folded: [UInt64: String] = [:]
        for key in keys {
            let copy = String(decoding: Array(key.utf8), as: UTF8.self)
            #expect(ByteKey(key) == ByteKey(copy))
            #expect(ByteKey(key).hashValue == ByteKey(copy).hashValue)
            var bytes = key
            let word = bytes.withUTF8 { ByteKey.fold(UnsafeRawBufferPointer($0)) }
            #expect(folded[word] == nil, "\(key.debugDescription) folds like \(folded[word]?.debugDescription ?? "")")
            folded[word] = key
        }
        #expect(ByteKey("é") != ByteKey("e\u{301}"), "bytes, not canonical equivalence")
    }

    @Test func dictionaryFindsEveryKey() {
        let keys = Self.keys
        var dictionary = ByteKeyedDictionary<Int>()
        for (index, key) in keys.enumerated() { dictionary[key, default: 0] += index }
        for (index, key) in keys.enumerated() { #expect(dictionary[key] == index) }
        #expect(dictionary["missing"] == nil)
        let first = ByteKeyedDictionary([("x", 1), ("x", 2)])
        #expect(first["x"] == 1, "the first value of a key wins")
    }
}
