import Foundation
import Synchronization
import Testing
@testable import Atlas

/// The preview's search indexing: a request returns at once, and requests during a run make
/// exactly one more run (the last edit is indexed; quick saves do not queue a run each).
@Suite struct SearchRefreshTests {
    @Test func requestsReturnAtOnceAndCoalesce() async throws {
        let finished = Mutex(0)
        let refresh = SearchRefresh {
            Thread.sleep(forTimeInterval: 0.4)
            finished.withLock { $0 += 1 }
        }
        let started = Date()
        refresh.request()
        for _ in 0..<10 {
            refresh.request()
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        // Eleven requests took no longer than the pauses between them: none waited for a run.
        #expect(Date().timeIntervalSince(started) < 0.35)
        #expect(refresh.isBusy)
        for _ in 0..<100 where refresh.isBusy { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(!refresh.isBusy)
        #expect(refresh.runs == 2)
        #expect(finished.withLock { $0 } == 2)
        // Idle again: the next request runs once more.
        refresh.request()
        for _ in 0..<100 where refresh.isBusy { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(finished.withLock { $0 } == 3)
    }
}
