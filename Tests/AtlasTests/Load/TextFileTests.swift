import Testing
@testable import Atlas

@Suite struct TextFileTests {
    @Test func stripsByteOrderMarkAndNormalisesLineEndings() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8)
        let file = try TextFile.decode(bytes, path: "x.txt").get()
        #expect(file.text == "a\nb\nc\n")
        #expect(file.lines.prefix(3) == ["a", "b", "c"])
    }

    @Test func reportsFirstInvalidByteWithLineAndColumn() {
        let bytes: [UInt8] = Array("稀土\nab".utf8) + [0xFF] + Array("c".utf8)
        guard case .failure(let diagnostic) = TextFile.decode(bytes, path: "content/sources/bad.txt") else {
            Issue.record("invalid UTF-8 was accepted"); return
        }
        #expect(diagnostic.location == SourceLocation(file: "content/sources/bad.txt", line: 2, column: 3))
        #expect(diagnostic.message.contains("not valid UTF-8"))
        #expect(diagnostic.hint != nil)
    }

    @Test func rejectsTruncatedAndOverlongSequences() {
        #expect((try? TextFile.decode([0xE7, 0xA8], path: "x").get()) == nil)
        #expect((try? TextFile.decode([0xC0, 0xAF], path: "x").get()) == nil)
        #expect((try? TextFile.decode([0xED, 0xA0, 0x80], path: "x").get()) == nil)  // a UTF-16 surrogate
    }

    @Test func rejectsNulBytes() {
        guard case .failure(let diagnostic) = TextFile.decode(Array("ab\n".utf8) + [0] + Array("x".utf8), path: "x") else {
            Issue.record("NUL byte accepted"); return
        }
        #expect(diagnostic.location?.line == 2)
    }

    /// The control check reads eight bytes at a time: every control byte at every place in and
    /// around a word is found where it is, and no text byte (tab, line ends, DEL's neighbours,
    /// Chinese) is taken for one.
    @Test func findsEveryControlCharacterWhereverItStands() {
        let text = Array("稀土 rare\tearths\r\n~\u{80}é中".utf8)
        #expect(TextFile.firstControl(text[...]) == nil)
        for control: UInt8 in [0x00, 0x01, 0x08, 0x0B, 0x0C, 0x1F, 0x7F] {
            for place in 0...text.count {
                var bytes = text
                bytes.insert(control, at: place)
                #expect(TextFile.firstControl(bytes[...]) == place, "0x\(String(control, radix: 16)) at \(place)")
                #expect(TextFile.firstControl(bytes[1...]) == (place == 0 ? nil : place), "a slice")
            }
        }
    }
}
