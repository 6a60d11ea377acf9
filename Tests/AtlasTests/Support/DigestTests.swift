import Testing
@testable import Atlas

/// What a kept entry was made from is compared by `BuildCache.Digest`: a change anywhere in the
/// bytes, or in their length, must give another digest (in both halves).
@Suite struct DigestTests {
    static let bytes = Array(String(repeating: "稀土出口管制 China holds 34% [1][2]\u{0} 2025-06-01 ", count: 7).utf8)

    static func digest(_ bytes: [UInt8]) -> BuildCache.Digest { bytes.withUnsafeBufferPointer { BuildCache.Digest($0) } }

    @Test func aChangedByteChangesBothHalves() {
        let base = Self.digest(Self.bytes)
        #expect(Self.digest(Self.bytes) == base)
        for position in Self.bytes.indices {
            for bit in [0, 3, 7] {
                var changed = Self.bytes
                changed[position] ^= 1 << bit
                let digest = Self.digest(changed)
                #expect(digest.first != base.first && digest.second != base.second, "byte \(position), bit \(bit)")
            }
        }
    }

    @Test func everyLengthDigestsApart() {
        var inputs = Set<[UInt8]>()
        for count in 0...Self.bytes.count {
            inputs.insert(Array(Self.bytes.prefix(count)))
            inputs.insert(Array(Self.bytes.prefix(count)) + [0])
        }
        #expect(Set(inputs.map(Self.digest)).count == inputs.count)
    }
}
