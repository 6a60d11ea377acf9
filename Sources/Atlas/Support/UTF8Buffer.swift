/// Text written piece by piece as UTF-8 bytes, read once at the end as bytes (a page, for its
/// file) or as a string.
///
/// Appending to a `String` costs 300 to 400 instructions a piece whatever the piece's length
/// (uniqueness and capacity checks, the count and ASCII flag kept up to date, growth), counted
/// with callgrind, and `Array.append(contentsOf:)` about 140; a page is thousands of short
/// pieces (tags, values, escaped runs). Here a piece is a capacity test and a copy. The bytes are
/// exactly the pieces' own: appending never normalizes, so the text is the one a `String` would
/// have been. Not copyable: the storage is owned by one buffer and freed with it.
struct UTF8Buffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var last: UInt8? { count == 0 ? nil : base[count - 1] }

    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let source = piece.baseAddress, !piece.isEmpty else { return }
        if count + piece.count > capacity { grow(to: count + piece.count) }
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: piece.count)
        count += piece.count
    }

    mutating func append(_ text: String) {
        // A copy to read the bytes of (`withUTF8` needs its string to itself); no bytes are copied.
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func append(_ piece: StaticString) {
        piece.withUTF8Buffer { append($0) }
    }

    /// `text` inserted at a byte offset, which must be one where an earlier piece ended.
    mutating func insert(_ text: String, at offset: Int) {
        precondition(offset >= 0 && offset <= count, "insertion outside the buffer")
        let length = text.utf8.count
        guard length > 0 else { return }
        if count + length > capacity { grow(to: count + length) }
        // Overlapping regions: `copyMemory` moves as `memmove` does.
        UnsafeMutableRawPointer(base + offset + length).copyMemory(from: base + offset, byteCount: count - offset)
        var text = text
        text.withUTF8 { UnsafeMutableRawPointer(base + offset).copyMemory(from: $0.baseAddress!, byteCount: length) }
        count += length
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        UnsafeMutableRawPointer(newBase).copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
}
