import Foundation
import Testing
@testable import Atlas

@Suite struct HanReadingsTests {
    /// Every character `SlugMaker` reads alone (each Han character, each context-free mark) reads
    /// as ICU reads it alone: the table changes no slug. When a toolchain's ICU reads one
    /// differently, run `swift scripts/han-readings.swift` (the header of the table says how).
    @Test func everyCharacterReadsAsICUReadsIt() {
        var differing: [String] = []
        let values = Array(0x3400...0x4DBF) + Array(0x4E00...0x9FFF) + Array(0xF900...0xFAFF) + Array(0x20000...0x2A6DF)
            + Array(0x00A0...0x00BF) + Array(0x2000...0x206F) + Array(0x3000...0x303F) + Array(0xFF01...0xFF5E)
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)), scalar.isHan || SlugMaker.isContextFree(scalar) else { continue }
            let icu = String(scalar).applyingTransform(Slug.transform, reverse: false)
            if HanReadings.reading(scalar) != icu { differing.append("U+\(String(value, radix: 16, uppercase: true)): \(icu ?? "nil")") }
        }
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(10).joined(separator: ", "))")
    }

    @Test func charactersOutsideTheTableAreLeftToICU() {
        #expect(HanReadings.reading("a") == nil)
        #expect(HanReadings.reading("レ") == nil)
        #expect(HanReadings.reading("稀") == "xi")
    }
}
