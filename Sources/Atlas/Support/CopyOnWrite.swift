/// A value kept in one box on the heap that copies share until one of them changes it.
///
/// For the records every stage passes around (claims, events, articles): each is read out of
/// arrays and indexes that several cores share, and a copy of a plain struct retains every
/// string and array it holds, one atomic operation each (a twentieth of a 10,000-article
/// build's CPU time went into copying and releasing them). A copy of the box is one retain.
///
/// A field is read through the record's dynamic-member subscript; a key path used as a function
/// (`claims.map(\.article)`) goes through that subscript at run time, key path projection and
/// all, so code that reads many records writes a closure (`claims.map { $0.article }`).
struct CopyOnWrite<Value: Hashable & Sendable>: Hashable, Sendable {
    private final class Box: @unchecked Sendable {
        // Changed only by `update`, which first makes a box of its own for a shared one.
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) { box = Box(value) }

    var value: Value { box.value }

    mutating func update<Result>(_ change: (inout Value) -> Result) -> Result {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
        return change(&box.value)
    }

    /// Whether the two share one box: the same value, byte for byte, which `==` (comparing
    /// strings by canonical equivalence) does not promise.
    func isIdentical(to other: Self) -> Bool { box === other.box }

    static func == (a: Self, b: Self) -> Bool { a.box === b.box || a.box.value == b.box.value }
    func hash(into hasher: inout Hasher) { box.value.hash(into: &hasher) }
}
