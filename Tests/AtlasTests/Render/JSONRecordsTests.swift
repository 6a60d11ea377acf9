import Foundation
import Testing
@testable import Atlas

/// The exports' JSON writer must write what `JSONEncoder` (sorted keys, pretty printed, slashes
/// unescaped) writes for the same records, escapes included.
@Suite struct JSONRecordsTests {
    struct Record: Encodable {
        var name: String
        var note: String?
        var value: Double?
        var year: Int?
        var tags: [String]
    }

    static let tricky = ["plain", "quote \" and \\ backslash", "line\nbreak\tand\r", "\u{1}\u{1F} controls", "\u{8} backspace \u{C} form feed \u{7F}", "</script> & <b>", "稀土 “引号”", "a/b", ""]

    @Test func writesWhatJSONEncoderWrites() throws {
        var records: [Record] = []
        for (index, text) in Self.tricky.enumerated() {
            records.append(Record(name: text, note: index % 2 == 0 ? nil : text, value: [nil, 90, 66.7, -0.5, 1e-5, 12_345.25][index % 6],
                                  year: index % 3 == 0 ? nil : 2025, tags: Array(Self.tricky.prefix(index % 3))))
        }
        // Given out of key order: written sorted, as JSONEncoder's `.sortedKeys` writes them.
        let keys = JSONRecords.Keys(["name", "note", "value", "year", "tags"])
        var json = JSONRecords()
        for r in records {
            json.append([.string(r.name), r.note.map { .string($0) }, r.value.map { .number($0) }, r.year.map { .integer($0) }, .strings(r.tags)], keys: keys)
        }
        let text = json.closed().finishedText()
        #expect(text == Exports.json(records))
        #expect(JSONRecords().closed().finishedText() == Exports.json([Record]()))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        #expect(parsed?.map { $0["name"] as? String } == Self.tricky)
    }

    /// An export larger than one piece: the pieces joined are still exactly `JSONEncoder`'s text.
    @Test func aLongListIsWrittenInPiecesThatJoinToTheSameText() {
        let records = (0..<3000).map { index in
            Record(name: Self.tricky[index % Self.tricky.count] + String(repeating: "稀", count: index % 97), note: nil, value: Double(index) / 8,
                   year: index, tags: index % 5 == 0 ? [] : ["a", "b"])
        }
        let keys = JSONRecords.Keys(["name", "value", "year", "tags"])
        var json = JSONRecords()
        for r in records {
            json.append([.string(r.name), r.value.map { .number($0) }, r.year.map { .integer($0) }, .strings(r.tags)], keys: keys)
        }
        let pieces = json.closed().finished()
        #expect(pieces.count > 1)
        #expect(String(decoding: Array(pieces.joined()), as: UTF8.self) == Exports.json(records))
    }
}
