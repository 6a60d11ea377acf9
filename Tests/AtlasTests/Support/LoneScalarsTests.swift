import Foundation
import Testing
@testable import Atlas

/// What the byte-level fast paths rely on, checked for every scalar the list lets through.
@Suite struct LoneScalarsTests {
    static let lone = (UInt32(0)...0x10FFFF).compactMap { value in LoneScalars.contains(value) ? Unicode.Scalar(value) : nil }

    /// Each is a character of its own beside letters, Han and line ends: one that extended,
    /// joined or prepended would merge with a neighbour here.
    @Test func eachIsACharacterOfItsOwn() {
        #expect(Self.lone.count > 28_000)
        for scalar in Self.lone {
            for (before, after) in [("a", "a"), ("中", "中"), ("\n", "\n"), ("a", "中"), ("é", "—")] {
                #expect(Array(before + String(scalar) + after).count == 3, "U+\(String(scalar.value, radix: 16, uppercase: true))")
            }
            #expect(ScanText.oneScalarEach(Array(String(scalar).utf8))?.count == 1)
        }
    }

    /// No two are canonically equivalent, and each one's decomposition starts with a starter,
    /// so two texts made of them are equal as characters exactly when their bytes are.
    @Test func noTwoAreCanonicallyEquivalent() {
        var byDecomposition: [String: UInt32] = [:]
        for scalar in Self.lone {
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping
            #expect(decomposed.unicodeScalars.first?.properties.canonicalCombiningClass == .notReordered, "U+\(String(scalar.value, radix: 16))")
            #expect(byDecomposition.updateValue(scalar.value, forKey: decomposed) == nil, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func theBytesOfOtherScalarsAreTurnedAway() {
        for text in ["e\u{301}", "a\r\nb", "한", "🇨🇳", "\u{200D}", "\u{FF9E}", "\u{302A}"] {
            #expect(text.utf8.withContiguousStorageIfAvailable { LoneScalars.only($0) } == false, "\(text.unicodeScalars.map(\.value))")
        }
        #expect("稀土 rare earths — “70%”".utf8.withContiguousStorageIfAvailable { LoneScalars.only($0) } == true)
        #expect([UInt8]([0xE4, 0xB8]).withUnsafeBufferPointer { LoneScalars.only($0) } == false)
    }

    /// The eight-bytes-at-a-time path answers as the scalars do: a carriage return or another
    /// scalar at every place in and around a run of ASCII, and random mixed texts.
    @Test func onlyAnswersScalarByScalar() {
        func reference(_ text: String) -> Bool { text.unicodeScalars.allSatisfy { LoneScalars.contains($0.value) } }
        func only(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer { LoneScalars.only($0) } }
        let ascii = "Rare earths, 70% of it: mined in 2025.\tOK"
        for odd in ["\r", "\r\n", "e\u{301}", "中", "한", "\u{85}", "\u{7F}"] {
            for index in 0...ascii.count {
                var text = ascii
                text.insert(contentsOf: odd, at: text.index(text.startIndex, offsetBy: index))
                #expect(only(text) == reference(text), "\(odd.unicodeScalars.map(\.value)) at \(index)")
            }
        }
        // Every scalar of the Basic Multilingual Plane, alone and between ASCII and Han (the
        // byte paths for ASCII and for ideographs U+5000 to U+9FFF meet the general one there).
        for value in UInt32(0)..<0x1_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "a" + String(scalar) + "中", "中" + String(scalar)] {
                #expect(only(text) == reference(text), "U+\(String(value, radix: 16))")
            }
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", " ", "\r", "\n", "\u{0C}", "—", "中", "é", "e\u{301}", "\u{FF05}", "🇨🇳", "12345678", "\u{0D}\u{0D}", "\u{4DC0}", "\u{9FFF}", "\u{A000}"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(only(text) == reference(text), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
