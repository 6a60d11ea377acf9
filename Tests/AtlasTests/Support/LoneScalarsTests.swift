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
}
