/// A set of character keys (`ScanText.key`) asked about at every position of every article:
/// one bit per character of the Basic Multilingual Plane, a `Set` beyond it. Hashing each key
/// into a `Set` or `Dictionary` was a tenth of the extraction's time, and almost every lookup
/// was a miss.
struct KeySet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)
    private var beyond: Set<UInt32> = []

    init(_ keys: some Sequence<UInt32>) { insert(keys) }

    func contains(_ key: UInt32) -> Bool {
        key < 65_536 ? bits[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0 : beyond.contains(key)
    }

    func union(_ keys: some Sequence<UInt32>) -> KeySet {
        var result = self
        result.insert(keys)
        return result
    }

    private mutating func insert(_ keys: some Sequence<UInt32>) {
        for key in keys {
            if key < 65_536 { bits[Int(key >> 6)] |= 1 << UInt64(key & 63) } else { beyond.insert(key) }
        }
    }
}
