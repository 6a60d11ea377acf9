/// A literal substring test on UTF-8 bytes.
///
/// With Foundation imported, `String.contains(String)` resolves to `NSString.range(of:)`, which
/// folds character clusters under a locale: it was a sixth of a build's time in the rules that
/// test quotes for words. The rules' words are literal and in NFC like the text, so a byte search
/// gives the same answers.
extension StringProtocol {
    func includes(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { word in Self.search(haystack, word) }
        }
        if let found = found ?? nil { return found }
        return Self.search(Array(utf8), Array(needle.utf8))
    }

    private static func search<H: RandomAccessCollection<UInt8>, W: RandomAccessCollection<UInt8>>(_ haystack: H, _ word: W) -> Bool
    where H.Index == Int, W.Index == Int {
        guard let first = word.first else { return true }
        guard haystack.count >= word.count else { return false }
        var i = haystack.startIndex
        let last = haystack.endIndex - word.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < word.count, haystack[i + k] == word[word.startIndex + k] { k += 1 }
                if k == word.count { return true }
            }
            i += 1
        }
        return false
    }
}
