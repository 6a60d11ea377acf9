import Testing
@testable import Atlas

/// The rules' character sets answer exactly as a `Set<UInt32>` of the same keys would, on both
/// sides of the 65,536 boundary where the bits end.
@Suite struct KeySetTests {
    @Test func answersAsASetWould() {
        let members: [UInt32] = [0, 1, 63, 64, 65, 0x41, 0x7A, 0x4E2D, 0xFFFF, 0x10000, 0x1F600, ScanText.composite]
        let set = KeySet(members.dropLast())
        let withComposite = set.union([ScanText.composite])
        var probes = Set(members)
        for key in members { probes.formUnion([key &- 1, key &+ 1]) }
        for key in probes {
            #expect(set.contains(key) == members.dropLast().contains(key), "key \(key)")
            #expect(withComposite.contains(key) == members.contains(key), "key \(key)")
        }
        #expect(!KeySet([UInt32]()).contains(0))
    }
}
