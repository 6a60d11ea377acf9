import Synchronization

/// Gathers every key of the Mustache contexts a render produces (at any depth), so templates can
/// be checked for keys nothing provides. Used by `atlas check` only; a build does not pay for it.
public final class KeyCollector: Sendable {
    private let state = Mutex<Set<String>>([])

    public init() {}

    public var keys: Set<String> { state.withLock { $0 } }

    func add(_ context: [String: Any]) {
        var found = Set<String>()
        collect(context, into: &found)
        state.withLock { $0.formUnion(found) }
    }

    private func collect(_ value: Any, into found: inout Set<String>) {
        if let dictionary = value as? [String: Any] {
            for (key, child) in dictionary {
                found.insert(key)
                collect(child, into: &found)
            }
        } else if let array = value as? [Any] {
            for child in array { collect(child, into: &found) }
        }
    }
}
