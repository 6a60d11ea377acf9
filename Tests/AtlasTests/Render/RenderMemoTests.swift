import Testing
@testable import Atlas

/// The memo `atlas serve` keeps between builds must return what the step would make.
@Suite struct RenderMemoTests {
    @Test func anOptionalResultIsMadeOnceAndKept() {
        let memo = RenderMemo()
        var made = 0
        let first: Int? = memo.value("key") { made += 1; return 7 }
        let second: Int? = memo.value("key") { made += 1; return 8 }
        #expect(first == 7 && second == 7 && made == 1)
        // A missing entry is not a hit holding nil.
        let other: Int? = memo.value("other") { 9 }
        #expect(other == 9)
        let next = RenderMemo(previous: memo)
        let kept: Int? = next.value("key") { 10 }
        #expect(kept == 7)
    }
}
