import Synchronization

/// Gathers every key of the template contexts a render produces (at any depth), so templates can
/// be checked for keys nothing provides. Used by `atlas check` only; a build does not pay for it.
public final class KeyCollector: Sendable {
    private let state = Mutex<Set<String>>([])

    public init() {}

    public var keys: Set<String> { state.withLock { $0 } }

    func add(_ context: TemplateContext) {
        var found = Set<String>()
        collect(context.templateValue, into: &found)
        state.withLock { $0.formUnion(found) }
    }

    private func collect(_ value: TemplateValue, into found: inout Set<String>) {
        switch value {
        case .object(let object):
            for (key, child) in object {
                found.insert(key)
                collect(child, into: &found)
            }
        case .prerendered(let value):
            collect(.object(value.object), into: &found)
        case .list(let items):
            for child in items { collect(child, into: &found) }
        case .text, .flag:
            break
        }
    }
}
