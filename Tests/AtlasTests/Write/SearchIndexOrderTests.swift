import Testing
@testable import Atlas

/// Pagefind's filter index in a fixed order (builds stay byte-identical; `BuildTests` builds twice).
@Suite struct SearchIndexOrderTests {
    @Test func aFilterValuesAreSortedByName() throws {
        // ["kind", [["b", [1]], ["a", [0, 2]]]] in CBOR.
        let kind = Array("kind".utf8), a = Array("a".utf8), b = Array("b".utf8)
        let content: [UInt8] = [0x82, 0x64] + kind + [0x82] + [0x82, 0x61] + b + [0x81, 0x01] + [0x82, 0x61] + a + [0x82, 0x00, 0x02]
        let sorted = try SearchIndexOrder.sortedFilter(content)
        #expect(sorted == [0x82, 0x64] + kind + [0x82] + [0x82, 0x61] + a + [0x82, 0x00, 0x02] + [0x82, 0x61] + b + [0x81, 0x01])
        #expect(try SearchIndexOrder.sortedFilter(sorted) == sorted)
    }

    @Test func anUnexpectedShapeIsAnErrorNotASilentChange() {
        #expect(throws: SearchIndexOrder.Failure.self) { try SearchIndexOrder.sortedFilter([0x83, 0x01]) }
        #expect(throws: SearchIndexOrder.Failure.self) { try SearchIndexOrder.sortedFilter([0x82, 0x61, 0x6b, 0x81, 0x82, 0x61]) }
    }

    @Test func newNamesKeepTheFormOfTheOldOnes() {
        let name = SearchIndexOrder.contentName(like: "zh_8be1bea", [1, 2, 3])
        #expect(name.count == 10 && name.hasPrefix("zh_") && name.dropFirst(3).allSatisfy(\.isHexDigit))
        #expect(SearchIndexOrder.contentName(like: "zh_baf9cb3dd4", [1, 2, 3]).count == 13)
        #expect(SearchIndexOrder.contentName(like: "zh_8be1bea", [1, 2, 3]) == name)
        #expect(SearchIndexOrder.contentName(like: "zh_8be1bea", [1, 2, 4]) != name)
    }
}
