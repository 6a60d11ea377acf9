/// A large text (the claim and event exports) made in pieces of about a quarter megabyte and,
/// when it is being written, handed to the file piece by piece. One growing string doubled its
/// buffer as it grew: a 20 MB export held 50 MB at the moment of its last copy, at the build's
/// peak of memory; written as it is made, an export holds one piece.
struct ChunkedText {
    static let pieceSize = 1 << 18

    private var pieces: [[UInt8]] = []
    /// Takes each full piece (the file being written); without it pieces are kept.
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    /// The piece being written, in UTF-8 bytes (`UTF8Buffer`: an export is hundreds of thousands
    /// of short values and separators); callers append to it and call `wrap()` between records.
    var current = UTF8Buffer(capacity: pieceSize + pieceSize / 8)

    init(sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) { self.sink = sink }

    /// Hands on the current piece once it is full; called between records, so a record never
    /// needs to fit a piece.
    mutating func wrap() {
        guard current.count >= Self.pieceSize else { return }
        flush()
    }

    private mutating func flush() {
        if let sink {
            current.bytes.withUnsafeBufferPointer(sink)
            current.removeAll()
        } else {
            pieces.append(current.bytes)
            current = UTF8Buffer(capacity: Self.pieceSize + Self.pieceSize / 8)
        }
    }

    /// The pieces not handed to a sink (all of them, without one), as UTF-8.
    consuming func finished() -> [[UInt8]] {
        if !current.isEmpty { flush() }
        return pieces
    }

    /// The text not handed to a sink, whole (for a reader of the file's text, and tests).
    consuming func finishedText() -> String {
        String(decoding: Array(finished().joined()), as: UTF8.self)
    }
}
