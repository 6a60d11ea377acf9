/// What ICU's slug transform reads each Han character and each context-free punctuation mark
/// as, alone (`HanReadingsTable.swift`, generated from ICU by `HanReadingsTests`).
///
/// ICU builds its Han-Latin transliterator by parsing tens of thousands of rules the first
/// time a process needs it: 0.14 s on the 2-core benchmark VM, a third of the real site's
/// build, spent for the few Chinese headings and topic names it slugs. The table gives the
/// same readings without ICU; `HanReadingsTests` makes it again from ICU and compares it
/// whole, so a toolchain whose ICU reads a character differently fails the tests instead of
/// changing slugs.
enum HanReadings {
    /// nil for a character the table does not cover (ICU has to be asked). A Han character
    /// missing from the table is one ICU leaves as it is.
    static func reading(_ scalar: Unicode.Scalar) -> String? {
        if let reading = table[scalar.value] { return reading }
        return scalar.isHan ? String(scalar) : nil
    }

    private static let table: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        table.reserveCapacity(43_000)
        for line in text.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            let reading = String(line[..<tab])
            for scalar in line[line.index(after: tab)...].unicodeScalars { table[scalar.value] = reading }
        }
        return table
    }()
}
