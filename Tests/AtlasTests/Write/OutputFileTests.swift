import Foundation
import Testing
@testable import Atlas

/// A file made as it is written (the large exports) must be written, compared and read exactly
/// as the same text in one string would be.
@Suite struct OutputFileTests {
    /// Longer than a piece, so the file is written in more than one.
    static let pieces = ["稀土 first piece\n", "", "second, with \"quotes\"\n"] + Array(repeating: String(repeating: "x", count: 70_000) + "\n", count: 9)

    @Test func piecesAreWrittenAsTheirJoinedText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let joined = Self.pieces.joined()
        let file = OutputFile(path: "data/x.json") { text in
            var text = text
            for piece in Self.pieces {
                text.wrap()
                text.current.append(piece)
            }
            return text
        }
        #expect(file.text == joined)
        #expect(file.data == Data(joined.utf8))
        #expect(file == OutputFile(path: "data/x.json", text: joined))

        let plain = folder.appendingPathComponent("plain.json")
        try file.write(to: plain)
        #expect(try Data(contentsOf: plain) == Data(joined.utf8))
        // Atomic: over an existing longer file, with nothing left beside it.
        let atomic = folder.appendingPathComponent("atomic.json")
        try Data(repeating: 65, count: 200_000).write(to: atomic)
        try file.write(to: atomic, options: .atomic)
        #expect(try Data(contentsOf: atomic) == Data(joined.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["atomic.json", "plain.json"])

        #expect(file.hasBytes(Data(joined.utf8)))
        #expect(!file.hasBytes(Data((joined + " ").utf8)))
        for position in [3, 300_000, joined.utf8.count - 2] {
            var changed = Array(joined.utf8)
            changed[position] = UInt8(ascii: "y")
            #expect(!file.hasBytes(Data(changed)))
        }
        #expect(!file.hasBytes(Data(joined.utf8.dropLast())))
        #expect(!file.hasBytes(nil))
    }

    @Test func textIsCutBetweenRecordsOnceAPieceIsFull() {
        var text = ChunkedText()
        let record = String(repeating: "r", count: 1000) + "\n"
        for _ in 0..<600 {
            text.wrap()
            text.current.append(record)
        }
        let pieces = text.finished()
        #expect(pieces.count == 3)
        #expect(pieces.allSatisfy { $0.count % record.utf8.count == 0 })
        #expect(Array(pieces.joined()) == Array(String(repeating: record, count: 600).utf8))
    }
}
