import Foundation
import Synchronization

/// Results of the costly pure steps of a build (reading a Markdown file, Markdown to HTML, a
/// shared timeline row), kept from one build to the next by `BuildSession`. A key holds the
/// whole input (the file's text, the row's view), so a hit is always the right answer; what a
/// build does not use is dropped with it.
public final class RenderMemo: Sendable {
    private let previous: [ByteKey: any Sendable]
    private let current = Mutex<[ByteKey: any Sendable]>([:])
    /// A one-off build remembers nothing: keeping every page's HTML would only cost memory.
    let remembering: Bool

    /// `previous`: the memo of the last build, whose entries this one may reuse.
    public init(previous: RenderMemo? = nil, remembering: Bool = true) {
        self.previous = previous?.current.withLock { $0 } ?? [:]
        self.remembering = remembering
    }

    /// Key and input are built only by a memo that remembers: in a one-off build they would
    /// copy every file's text for nothing.
    func value<T: Sendable>(_ key: @autoclosure () -> String, _ make: () -> T) -> T {
        guard remembering else { return make() }
        let key = ByteKey(key())
        // Unwrapped before the cast: a missing entry cast `as? T` to an optional T would be a
        // hit holding nil (the PNG memo did this, so `atlas serve` published charts without images).
        if let stored = current.withLock({ $0[key] }) ?? previous[key], let hit = stored as? T {
            current.withLock { $0[key] = hit }
            return hit
        }
        let made = make()
        current.withLock { $0[key] = made }
        return made
    }

    /// A value whose key cannot hold the whole input: `input` is stored beside it and compared.
    func value<Input: Equatable & Sendable, T: Sendable>(_ key: @autoclosure () -> String, input: @autoclosure () -> Input,
                                                          _ make: () -> T) -> T {
        guard remembering else { return make() }
        let (key, input) = (key(), input())
        let pair: (Input, T) = value(key + "\u{0}checked") { (input, make()) }
        if pair.0 == input { return pair.1 }
        let made = make()
        current.withLock { $0[ByteKey(key + "\u{0}checked")] = (input, made) }
        return made
    }

    /// A token that stays the same as long as `input` does. Values made from one large input and
    /// a small one each (every body with the entity registry) put it in their keys: they are made
    /// again when the large input changes, without storing it beside each of them.
    func version<Input: Equatable & Sendable>(_ name: String, of input: @autoclosure () -> Input) -> String {
        value(name, input: input()) { UUID().uuidString }
    }

}
