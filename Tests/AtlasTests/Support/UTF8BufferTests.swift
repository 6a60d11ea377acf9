import Testing
@testable import Atlas

@Suite struct UTF8BufferTests {
    /// Pieces appended and inserted read as the same edits of a `String` do, across growth of
    /// the storage (a small first capacity), with multi-byte characters, combining marks and
    /// empty pieces.
    @Test func readsAsTheSameEditsOfAString() {
        let pieces = ["", "a", "<p>", "稀土", "🇨🇳", "e\u{301}", "\n", String(repeating: "x", count: 40), "，"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var buffer = UTF8Buffer(capacity: 1)
            var reference = ""
            var ends = [0]
            for _ in 0..<Int.random(in: 0...30, using: &generator) {
                let piece = pieces.randomElement(using: &generator)!
                if Bool.random(using: &generator), let end = ends.randomElement(using: &generator) {
                    buffer.insert(piece, at: end)
                    let index = reference.utf8.index(reference.utf8.startIndex, offsetBy: end)
                    reference.insert(contentsOf: piece, at: index)
                    ends = ends.map { $0 >= end && $0 != end ? $0 + piece.utf8.count : $0 } + [end + piece.utf8.count]
                } else {
                    buffer.append(piece)
                    reference += piece
                    ends.append(reference.utf8.count)
                }
                #expect(buffer.count == reference.utf8.count)
                #expect(buffer.last == reference.utf8.last)
            }
            #expect(buffer.string == reference)
            #expect(buffer.bytes == Array(reference.utf8))
        }
    }

    @Test func appendsStaticTextAndBytes() {
        var buffer = UTF8Buffer()
        buffer.append("&amp;" as StaticString)
        let bytes: [UInt8] = Array("稀土".utf8)
        bytes.withUnsafeBufferPointer { buffer.append($0) }
        buffer.append(UnsafeBufferPointer(start: nil, count: 0))
        #expect(buffer.string == "&amp;稀土")
        #expect(UTF8Buffer().string == "" && UTF8Buffer().last == nil)
    }
}
