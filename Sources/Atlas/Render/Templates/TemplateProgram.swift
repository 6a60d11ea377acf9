/// The library's templates laid out flat for rendering: one array of plain operations, their
/// text in one byte buffer, their keys and names in tables.
///
/// Rendering the tree of `Template.Node`s copied each node out of its array (a node is an
/// `indirect enum`: its box was retained, then each string and array bound from its payload):
/// `perf` put 5% of a warm 10,000-article build on that one retain. An operation here holds
/// integers only, so reading one copies no reference; a section or block's content follows it
/// directly, and its `end` says where the content stops.
struct TemplateProgram: Sendable {
    struct Operation: Sendable {
        enum Kind: UInt8, Sendable {
            /// `text[a..<b]`.
            case text
            /// `keys[a]`, escaped or not.
            case escaped, raw
            /// `keys[a]`; the content is the operations up to `b`.
            case section, inverted
            /// The template named `names[a]`; `b` the index in `strings` of its indentation (or
            /// -1), `c` the index in `overrides` of the blocks a parent tag gives (or -1).
            case partial
            /// The block named `names[a]`, its default content the operations up to `b`; `c` the
            /// index in `strings` of its indentation.
            case block
        }

        let kind: Kind
        let a: Int32
        let b: Int32
        let c: Int32

        init(_ kind: Kind, _ a: Int, _ b: Int = 0, _ c: Int = 0) {
            self.kind = kind
            self.a = Int32(a)
            self.b = Int32(b)
            self.c = Int32(c)
        }
    }

    /// Blocks by name id, each the range of operations that is its content.
    typealias Overrides = [Int: Range<Int>]

    private(set) var operations: [Operation] = []
    private(set) var text: [UInt8] = []
    private(set) var keys: [Template.Key] = []
    private(set) var strings: [String] = []
    private(set) var overrides: [Overrides] = []
    /// Template and block names, by id; `entries[id]` is the range of a registered template's operations.
    private(set) var names: [String] = []
    private(set) var entries: [Range<Int>?] = []
    private var ids: [String: Int] = [:]

    /// Adds `template`'s operations; a name registered again renders the new template.
    mutating func add(_ template: Template, named name: String) {
        let id = self.id(name)
        var pending: [(set: Int, block: Int, nodes: [Template.Node])] = []
        let start = operations.count
        emit(template.nodes, pending: &pending)
        entries[id] = start..<operations.count
        // A parent tag's blocks are laid out after the template, each a range of its own.
        while !pending.isEmpty {
            let (set, block, nodes) = pending.removeFirst()
            let first = operations.count
            emit(nodes, pending: &pending)
            overrides[set][block] = first..<operations.count
        }
    }

    /// The operations of the template named `name`.
    func entry(_ name: String) -> Range<Int>? {
        ids[name].flatMap { entries[$0] }
    }

    func entry(id: Int) -> Range<Int>? { entries[id] }

    /// The same program in storage of its own, for one thread to render with. Starts from a copy
    /// of every field, so that a field added later is never missing, then gives each its own
    /// storage (`Array(array)` would share the buffer; `map` makes a new one).
    var detached: TemplateProgram {
        var copy = self
        copy.operations = operations.map { $0 }
        copy.text = text.map { $0 }
        copy.keys = keys.map(\.detached)
        copy.strings = strings.map(\.detached)
        copy.overrides = overrides.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key, $0.value) }) }
        copy.names = names.map(\.detached)
        copy.entries = entries.map { $0 }
        copy.ids = Dictionary(uniqueKeysWithValues: ids.map { ($0.key.detached, $0.value) })
        return copy
    }

    private mutating func id(_ name: String) -> Int {
        if let id = ids[name] { return id }
        ids[name] = names.count
        names.append(name)
        entries.append(nil)
        return names.count - 1
    }

    private mutating func emit(_ nodes: [Template.Node], pending: inout [(set: Int, block: Int, nodes: [Template.Node])]) {
        for node in nodes {
            switch node {
            case .text(let piece):
                let start = text.count
                text.append(contentsOf: piece.utf8)
                operations.append(Operation(.text, start, text.count))
            case .variable(let key, let escaped):
                keys.append(key)
                operations.append(Operation(escaped ? .escaped : .raw, keys.count - 1))
            case .section(let key, let inner, let inverted):
                keys.append(key)
                let (at, keyIndex) = (operations.count, keys.count - 1)
                operations.append(Operation(.text, 0, 0))
                emit(inner, pending: &pending)
                operations[at] = Operation(inverted ? .inverted : .section, keyIndex, operations.count)
            case .partial(let name, let indentation, let given):
                var set = -1
                if let given {
                    set = overrides.count
                    overrides.append([:])
                    // Sorted, so that the layout does not follow the dictionary's order.
                    for (block, nodes) in given.sorted(by: { $0.key < $1.key }) { pending.append((set, id(block), nodes)) }
                }
                operations.append(Operation(.partial, id(name), indentation.map { string($0) } ?? -1, set))
            case .block(let name, let defaultNodes, let indentation):
                let at = operations.count
                operations.append(Operation(.text, 0, 0))
                emit(defaultNodes, pending: &pending)
                operations[at] = Operation(.block, id(name), operations.count, string(indentation))
            }
        }
    }

    private mutating func string(_ value: String) -> Int {
        strings.append(value)
        return strings.count - 1
    }
}
