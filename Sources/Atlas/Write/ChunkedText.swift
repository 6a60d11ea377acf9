/// A large text (the claim and event exports) made as a list of pieces of about a quarter
/// megabyte. One growing string doubles its buffer as it grows, so a 20 MB export held 50 MB at
/// the moment of its last copy, at the build's peak of memory; pieces are never copied, and
/// are written to the file one after another.
struct ChunkedText: Sendable {
    static let pieceSize = 1 << 18

    private(set) var pieces: [String] = []
    /// The piece being written; callers append to it and call `wrap()` between records.
    var current = ChunkedText.emptyPiece()

    private static func emptyPiece() -> String {
        var piece = String()
        piece.reserveCapacity(pieceSize + pieceSize / 8)
        return piece
    }

    /// Closes the current piece once it is full; called between records, so a record never
    /// needs to fit a piece.
    mutating func wrap() {
        guard current.utf8.count >= Self.pieceSize else { return }
        pieces.append(current)
        current = Self.emptyPiece()
    }

    consuming func finished() -> [String] {
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
