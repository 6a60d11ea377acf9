import Foundation
import Synchronization
import Testing
@testable import Atlas

/// The preview's search indexing: a request returns at once, and requests during a run make
/// exactly one more run (the last edit is indexed; quick saves do not queue a run each).
@Suite struct SearchRefreshTests {
    @Test func requestsReturnAtOnceAndCoalesce() throws {
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = Mutex(0)
        let refresh = SearchRefresh {
            started.signal()
            release.wait()
            finished.withLock { $0 += 1 }
        }
        refresh.request()
        #expect(started.wait(timeout: .now() + 30) == .success)
        // The run is held until released: had a request waited for it, this would not return.
        for _ in 0..<10 { refresh.request() }
        #expect(refresh.isBusy)
        #expect(finished.withLock { $0 } == 0)
        release.signal()
        // Ten requests during the run: one more run, not ten.
        #expect(started.wait(timeout: .now() + 30) == .success)
        release.signal()
        func settle() { for _ in 0..<600 where refresh.isBusy { Thread.sleep(forTimeInterval: 0.05) } }
        settle()
        #expect(!refresh.isBusy)
        #expect(refresh.runs == 2)
        #expect(finished.withLock { $0 } == 2)
        // Idle again: the next request runs once more.
        release.signal()
        refresh.request()
        settle()
        #expect(finished.withLock { $0 } == 3)
    }
}
