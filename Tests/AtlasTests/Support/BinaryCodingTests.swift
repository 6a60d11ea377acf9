import Foundation
import Testing
@testable import Atlas

@Suite struct BinaryCodingTests {
    @Test func valuesComeBackAsWritten() throws {
        let integers = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int.max, Int.min, 1 << 40, -(1 << 40)]
        let doubles = [0, -0.0, 1.5, -2.25, 1e300, .infinity, -.infinity, .leastNonzeroMagnitude, 0.1]
        let strings = ["", "a", "中国稀土", "e\u{301}", String(repeating: "长", count: 500)]
        var writer = BinaryWriter()
        for value in integers { writer.write(value) }
        for value in doubles { writer.write(value) }
        for value in strings { writer.write(value) }
        writer.write(UInt64.max)
        writer.write(true)
        writer.write(Optional<String>.none) { $0.write($1) }
        writer.write(Optional("x")) { $0.write($1) }
        writer.write(Double.nan)
        var reader = BinaryReader(writer.bytes)
        #expect(try integers.map { _ in try reader.readInt() } == integers)
        #expect(try doubles.map { _ in try reader.readDouble().bitPattern } == doubles.map(\.bitPattern))
        #expect(try strings.map { _ in try reader.readString() }.map { Array($0.utf8) } == strings.map { Array($0.utf8) })
        #expect(try reader.readUInt() == UInt64.max)
        #expect(try reader.readBool())
        #expect(try reader.readOptional { try $0.readString() } == nil)
        #expect(try reader.readOptional { try $0.readString() } == "x")
        #expect(try reader.readDouble().isNaN)
        #expect(reader.isAtEnd)
    }

    @Test func smallNumbersTakeOneByte() {
        var writer = BinaryWriter()
        writer.write(63)
        writer.write(-64)
        writer.write(UInt64(127))
        #expect(writer.bytes.count == 3)
    }

    @Test func damagedBytesThrowInsteadOfReadingPastTheEnd() {
        var writer = BinaryWriter()
        writer.write("稀土 rare earths")
        let bytes = writer.bytes
        for cut in 0..<bytes.count {
            var reader = BinaryReader(Array(bytes.prefix(cut)))
            #expect(throws: BinaryReader.Malformed.self) { try reader.readString() }
        }
        // A length far beyond the bytes, a varint that never ends, a flag that is neither 0 nor 1.
        for damaged: [UInt8] in [[0xFF, 0xFF, 0xFF, 0x0F, 0x41], Array(repeating: 0x80, count: 12), [2]] {
            var reader = BinaryReader(damaged)
            #expect(throws: BinaryReader.Malformed.self) {
                if damaged == [2] { _ = try reader.readBool() } else { _ = try reader.readString() }
            }
        }
        var raw = BinaryWriter()
        raw.write("not a metric")
        var reader = BinaryReader(raw.bytes)
        #expect(throws: BinaryReader.Malformed.self) { try reader.readRaw(Metric.self) }
    }
}
