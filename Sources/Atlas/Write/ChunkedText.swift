/// A large text (the claim and event exports) made in pieces of about a quarter megabyte and,
/// when it is being written, handed to the file piece by piece. One growing string doubled its
/// buffer as it grew: a 20 MB export held 50 MB at the moment of its last copy, at the build's
/// peak of memory; written as it is made, an export holds one piece.
struct ChunkedText {
    static let pieceSize = 1 << 18

    private var pieces: [String] = []
    /// Takes each full piece (the file being written); without it pieces are kept.
    private let sink: ((String) -> Void)?
    /// The piece being written; callers append to it and call `wrap()` between records.
    var current = ChunkedText.emptyPiece()

    init(sink: ((String) -> Void)? = nil) { self.sink = sink }

    private static func emptyPiece() -> String {
        var piece = String()
        piece.reserveCapacity(pieceSize + pieceSize / 8)
        return piece
    }

    /// Hands on the current piece once it is full; called between records, so a record never
    /// needs to fit a piece.
    mutating func wrap() {
        guard current.utf8.count >= Self.pieceSize else { return }
        flush()
    }

    private mutating func flush() {
        if let sink {
            sink(current)
            current.removeAll(keepingCapacity: true)
        } else {
            pieces.append(current)
            current = Self.emptyPiece()
        }
    }

    /// The pieces not handed to a sink (all of them, without one).
    consuming func finished() -> [String] {
        if !current.isEmpty { flush() }
        return pieces
    }
}
