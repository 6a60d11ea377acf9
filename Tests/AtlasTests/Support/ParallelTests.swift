import Testing
@testable import Atlas

@Suite struct ParallelTests {
    @Test func parallelMapKeepsInputOrder() {
        let input = Array(0..<1_000)
        #expect(Parallel.map(input) { $0 * 2 } == input.map { $0 * 2 })
        #expect(Parallel.map([Int]()) { $0 }.isEmpty)
    }
}
