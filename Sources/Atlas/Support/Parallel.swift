import Foundation
import Synchronization

/// Work spread over the machine's cores with results kept in input order, so parallel stages
/// stay byte-for-byte deterministic.
///
/// Items are handed out one at a time from a shared counter rather than in fixed chunks: the
/// items are very uneven (a 300 MB export beside a 2 KB page), and fixed chunks left a core idle
/// behind the slowest chunk.
enum Parallel {
    static func map<Element: Sendable, Result: Sendable>(_ items: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        return map(items, alongside: {}, transform).results
    }

    /// `map`, with one more piece of work taken first, by one of the workers (usually the
    /// calling thread), while the others start on the items: a step of one core's work that
    /// would otherwise run before or after the items with the other cores idle.
    static func map<Element: Sendable, Result: Sendable, Side: Sendable>(
        _ items: [Element], alongside side: @Sendable () -> Side, _ transform: @Sendable (Element) -> Result
    ) -> (side: Side, results: [Result]) {
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        let sideResult = Mutex<Side?>(nil)
        forEach(items.count + 1) { index in
            if index == 0 {
                let value = side()
                sideResult.withLock { $0 = value }
            } else {
                slots[index - 1] = transform(items[index - 1])
            }
        }
        // Moved out, not copied: `deallocate` frees the buffer without releasing what it holds,
        // so copies would leave every result retained for ever (every page of a build, and in
        // `atlas serve` every rebuild's on top of the last).
        return (sideResult.withLock { $0! }, (0..<items.count).map { (results.baseAddress! + $0).move()! })
    }

    /// Calls `body` once for every index in `0..<count`, on all cores, in no particular order.
    static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1 else { if count == 1 { body(0) }; return }
        let next = Atomic<Int>(0)
        let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                body(index)
            }
        }
    }

    /// Runs two independent pieces of work side by side: for chains of one-core steps that do
    /// not depend on each other. The second runs on a pool thread and the first on the caller's,
    /// neither inside a `concurrentPerform`, so a parallel loop inside either still gets every
    /// core (libdispatch gives a loop inside another loop the cores divided by the outer one's
    /// iterations: one thread on two cores).
    static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let other = Pending(second)
        let a = first()
        return (a, other.value())
    }

    /// Work started on another thread now, its result waited for later (`value`): work that
    /// mostly waits on child processes, run beside the build's own, and the second piece of
    /// `both`.
    final class Pending<Value: Sendable>: Sendable {
        private let result = Mutex<Value?>(nil)
        private let done = DispatchSemaphore(value: 0)

        init(_ work: @escaping @Sendable () -> Value) {
            DispatchQueue.global().async {
                let value = work()
                self.result.withLock { $0 = value }
                self.done.signal()
            }
        }

        /// Waits for the work; any number of callers may wait (each passes the signal on).
        func value() -> Value {
            done.wait()
            done.signal()
            return result.withLock { $0! }
        }
    }
}
