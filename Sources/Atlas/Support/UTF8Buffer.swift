/// Text written piece by piece as UTF-8 bytes, read once at the end as bytes (a page, for its
/// file) or as a string.
///
/// Appending to a `String` costs 300 to 400 instructions a piece whatever the piece's length
/// (uniqueness and capacity checks, the count and ASCII flag kept up to date, growth), counted
/// with callgrind; a page or an export is hundreds of thousands of short pieces (tags, values,
/// escaped runs, separators). Appending bytes to an array costs less than half of that. (Storage
/// of its own, appended with `memcpy`, saved another 0.1% of a build's instructions: not worth
/// a type that cannot be copied.) The bytes are exactly the pieces' own: appending never
/// normalizes, so the text is the one a `String` would have been.
struct UTF8Buffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }
    var last: UInt8? { bytes.last }
    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ text: String) {
        // A copy to read the bytes of (`withUTF8` needs its string to itself); no bytes are copied.
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: piece)
    }

    mutating func append(_ piece: StaticString) {
        piece.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `text` inserted at a byte offset, which must be one where an earlier piece ended.
    mutating func insert(_ text: String, at offset: Int) {
        bytes.insert(contentsOf: text.utf8, at: offset)
    }

    /// Empty again, with the storage kept for the next text.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
