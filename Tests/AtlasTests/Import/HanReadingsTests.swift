import Foundation
import Testing
@testable import Atlas

@Suite struct HanReadingsTests {
    /// The table is what ICU reads each character as today: made again from ICU and compared
    /// whole, so a reading that changed, a character added or one missing all fail here instead
    /// of moving URLs. After a toolchain update that changes one, write the table again with
    /// `ATLAS_WRITE_HAN_READINGS=1 swift test --filter HanReadingsTests` and commit it.
    @Test func theTableIsICUsReadingOfEveryCharacterAlone() throws {
        let table = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Sources/Atlas/Import/HanReadingsTable.swift").standardizedFileURL
        let made = Self.tableSource()
        if ProcessInfo.processInfo.environment["ATLAS_WRITE_HAN_READINGS"] == "1" { try made.write(to: table, atomically: true, encoding: .utf8) }
        let committed = try String(contentsOf: table, encoding: .utf8)
        #expect(committed == made, "HanReadingsTable.swift is not what ICU reads now; see this test's doc comment")
    }

    @Test func charactersOutsideTheTableAreLeftToICU() {
        #expect(HanReadings.reading("a") == nil)
        #expect(HanReadings.reading("レ") == nil)
        #expect(HanReadings.reading("稀") == "xi")
        #expect(HanReadings.reading("，") == ",")
    }

    /// Every character `SlugMaker` reads alone: Han characters ICU changes (grouped by reading),
    /// then the context-free marks of the punctuation blocks.
    static func tableSource() -> String {
        var byReading: [String: String] = [:]
        for value in UInt32(0x3400)...0x2A6DF {
            guard let scalar = Unicode.Scalar(value), scalar.isHan, let reading = String(scalar).applyingTransform(Slug.transform, reverse: false),
                  reading != String(scalar) else { continue }
            byReading[reading, default: ""].unicodeScalars.append(scalar)
        }
        var lines = byReading.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)" }
        for value in Array(0x00A0...0x00BF) + Array(0x2000...0x206F) + Array(0x3000...0x303F) + Array(0xFF01...0xFF5E) {
            guard let scalar = Unicode.Scalar(UInt32(value)), SlugMaker.isContextFree(scalar),
                  let reading = String(scalar).applyingTransform(Slug.transform, reverse: false) else { continue }
            lines.append("\(reading)\t\(scalar)")
        }
        return """
        // Generated from ICU's "\(Slug.transform.rawValue)", as the Swift toolchain's Foundation reads
        // each character alone, by HanReadingsTests (which says how to write it again). Do not edit.
        // A line is a reading, a tab, and the characters that read so; Han lines first.
        extension HanReadings {
            static let text = #\"\"\"
        \(lines.joined(separator: "\n"))
        \"\"\"#
        }

        """
    }
}
