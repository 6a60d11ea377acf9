import Testing
@testable import Atlas

/// The byte-decided prefix and suffix tests must answer as the standard library's do, including
/// where bytes and characters disagree (combining marks, CR LF, canonically equivalent forms).
@Suite struct QuickAffixTests {
    static let pieces = ["a", "b", "o", "ver", " ", "e", "é", "e\u{301}", "\u{301}", "\r", "\n", "\r\n", "约", "稀土", "K", "\u{212A}",
                         "Å", "\u{212B}", "\u{0600}", "👩‍🔬", "🇨🇳", "ｶ", "\u{FF9E}", "—", "“", "\u{200D}", "%", " said", "表示", "é表"]

    /// A fixed linear congruential sequence: the same strings on every run.
    struct Sequence {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func answersAsTheStandardLibrary() {
        var random = Sequence(state: 2026)
        func string(_ count: Int) -> String { (0..<count).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined() }
        var checked = 0
        for _ in 0..<4000 {
            let text = string(random.next(6))
            let scalars = Array(text.unicodeScalars)
            // Words cut from the text's own ends (at any scalar) as well as random ones.
            let cut = scalars.isEmpty ? 0 : random.next(scalars.count + 1)
            var tail = "", head = ""
            tail.unicodeScalars.append(contentsOf: scalars[cut...])
            head.unicodeScalars.append(contentsOf: scalars[..<cut])
            for word in [tail, head, string(random.next(3)), ""] {
                #expect(text.quickHasSuffix(word) == text.hasSuffix(word), "\(text.unicodeScalars.map(\.value)) / \(word.unicodeScalars.map(\.value))")
                #expect(text.quickHasPrefix(word) == text.hasPrefix(word), "\(text.unicodeScalars.map(\.value)) / \(word.unicodeScalars.map(\.value))")
                #expect(text.dropFirst().quickHasSuffix(word) == text.dropFirst().hasSuffix(word))
                checked += 1
            }
        }
        #expect(checked == 16000)
    }

    @Test func plainWordsAreDecidedByBytes() {
        let text = "中国约占全球 more than"
        text.utf8.withContiguousStorageIfAvailable { bytes in
            #expect("more than".utf8.withContiguousStorageIfAvailable { QuickAffix.suffix(bytes, $0) } == .some(true))
            #expect("中国".utf8.withContiguousStorageIfAvailable { QuickAffix.prefix(bytes, $0) } == .some(true))
            #expect("e\u{301}".utf8.withContiguousStorageIfAvailable { QuickAffix.suffix(bytes, $0) } == .some(nil))
        }
    }
}
