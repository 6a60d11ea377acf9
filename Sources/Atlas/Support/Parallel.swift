import Foundation

/// Work spread over the machine's cores with results kept in input order, so parallel stages
/// stay byte-for-byte deterministic.
enum Parallel {
    static func map<Element: Sendable, Result: Sendable>(_ items: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        // A few chunks per core: enough to even out uneven items without per-item dispatch cost.
        let chunks = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var index = chunk * items.count / chunks
            let end = (chunk + 1) * items.count / chunks
            while index < end {
                slots[index] = transform(items[index])
                index += 1
            }
        }
        return results.map { $0! }
    }
}
