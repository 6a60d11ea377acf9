import Foundation
import Synchronization

/// Runs the preview's search indexing on a thread of its own, one run at a time, coalescing
/// requests: Pagefind takes seconds on a large site, and a reload (or the next rebuild) that
/// waited for it would make every save feel that slow. A request during a run asks for exactly
/// one more run after it, however many requests arrive, so the last edit is always indexed and
/// quick saves do not queue one run each.
public final class SearchRefresh: Sendable {
    struct State {
        var running = false
        var pending = false
        var runs = 0
    }

    let work: @Sendable () -> Void
    let state = Mutex(State())

    public init(_ work: @escaping @Sendable () -> Void) {
        self.work = work
    }

    /// Returns at once; the work runs now, or after the run in progress.
    public func request() {
        let start = state.withLock { state -> Bool in
            if state.running {
                state.pending = true
                return false
            }
            state.running = true
            return true
        }
        guard start else { return }
        Thread { self.loop() }.start()
    }

    /// Whether a run is in progress or due (tests wait for this to settle).
    public var isBusy: Bool { state.withLock { $0.running } }

    /// Runs started so far.
    public var runs: Int { state.withLock { $0.runs } }

    func loop() {
        while true {
            state.withLock { $0.runs += 1 }
            work()
            let again = state.withLock { state -> Bool in
                if state.pending {
                    state.pending = false
                    return true
                }
                state.running = false
                return false
            }
            if !again { return }
        }
    }
}
