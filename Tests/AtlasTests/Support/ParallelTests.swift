import Foundation
import Synchronization
import Testing
@testable import Atlas

@Suite struct ParallelTests {
    @Test func parallelMapKeepsInputOrder() {
        let input = Array(0..<1_000)
        #expect(Parallel.map(input) { $0 * 2 } == input.map { $0 * 2 })
        #expect(Parallel.map([Int]()) { $0 }.isEmpty)
    }

    /// Counts the instances alive, to see that `Parallel.map` keeps none of its results once the
    /// caller lets them go (it did: every result of a build stayed in memory for ever, and
    /// `atlas serve` grew by a build's worth at every save).
    final class Tracked: Sendable {
        static let alive = Atomic<Int>(0)
        init() { Self.alive.add(1, ordering: .relaxed) }
        deinit { Self.alive.subtract(1, ordering: .relaxed) }
    }

    @Test func parallelMapKeepsNothingOfItsResults() {
        let before = Tracked.alive.load(ordering: .relaxed)
        do {
            let made = Parallel.map(Array(0..<1_000)) { _ in Tracked() }
            #expect(Tracked.alive.load(ordering: .relaxed) - before == 1_000)
            #expect(made.count == 1_000)
        }
        #expect(Tracked.alive.load(ordering: .relaxed) == before)
    }

    @Test func bothRunsEachPieceOnceAndKeepsTheirResults() {
        let calls = Atomic<Int>(0)
        let (a, b) = Parallel.both({ calls.add(1, ordering: .relaxed); return "first" }, { calls.add(1, ordering: .relaxed); return (1...100).reduce(0, +) })
        #expect(a == "first" && b == 5050)
        #expect(calls.load(ordering: .relaxed) == 2)
    }

    @Test func mapAlongsideRunsTheSideOnceAndKeepsTheItemsInOrder() {
        let sides = Atomic<Int>(0)
        let input = Array(0..<1_000)
        let (side, results) = Parallel.map(input, alongside: { sides.add(1, ordering: .relaxed); return "side" }) { $0 * 3 }
        #expect(side == "side" && results == input.map { $0 * 3 })
        let (alone, none) = Parallel.map([Int](), alongside: { sides.add(1, ordering: .relaxed); return 7 }) { $0 }
        #expect(alone == 7 && none.isEmpty)
        #expect(sides.load(ordering: .relaxed) == 2)
    }

    @Test func pendingWorkRunsBesideTheCallerAndGivesItsResult() {
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let pending = Parallel.Pending { () -> Int in
            started.signal()
            release.wait()
            return 42
        }
        // The work is under way before its value is asked for: it signals, then waits for us.
        #expect(started.wait(timeout: .now() + 10) == .success)
        release.signal()
        #expect(pending.value() == 42)
    }

    /// The topics' page lists all wait for one shared computation: every waiter gets the value,
    /// on any thread, as often as it asks.
    @Test func pendingWorkCanBeWaitedForByManyAndMoreThanOnce() {
        let pending = Parallel.Pending { () -> Int in 7 }
        #expect(Parallel.map(Array(0..<64)) { _ in pending.value() + pending.value() } == Array(repeating: 14, count: 64))
        #expect(pending.value() == 7)
    }
}
