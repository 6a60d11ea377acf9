/// RFC 4180 CSV with positions: every field knows its line and column, so a bad value is
/// reported where the editor can find it.
struct CSVParser {
    struct Field: Hashable {
        var text: String
        var line: Int
        var column: Int
    }

    enum Problem: Error {
        case unterminatedQuote(line: Int, column: Int)
        case textAfterQuote(line: Int, column: Int)
    }

    /// Rows of fields; blank lines are skipped.
    static func parse(_ text: String) -> Result<[[Field]], Problem> {
        var rows: [[Field]] = []
        var row: [Field] = []
        var field = ""
        var line = 1, column = 1
        var fieldLine = 1, fieldColumn = 1
        var inQuotes = false, wasQuoted = false
        var scalars = Array(text.unicodeScalars)[...]
        func endField() {
            row.append(Field(text: field, line: fieldLine, column: fieldColumn))
            field = ""
            wasQuoted = false
        }
        func endRow() {
            endField()
            if !(row.count == 1 && row[0].text.isEmpty && !wasQuoted) { rows.append(row) }
            row = []
        }
        var quoteLine = 1, quoteColumn = 1
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if inQuotes {
                if c == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        scalars = scalars.dropFirst()
                        column += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
                quoteLine = line
                quoteColumn = column
                column += 1
            case "\"":
                return .failure(.textAfterQuote(line: line, column: column))
            case ",":
                endField()
                column += 1
                fieldLine = line
                fieldColumn = column
            case "\n":
                endRow()
                line += 1
                column = 1
                fieldLine = line
                fieldColumn = 1
            case "\r":
                continue
            default:
                if wasQuoted { return .failure(.textAfterQuote(line: line, column: column)) }
                field.unicodeScalars.append(c)
                column += 1
            }
        }
        if inQuotes { return .failure(.unterminatedQuote(line: quoteLine, column: quoteColumn)) }
        if !field.isEmpty || !row.isEmpty || wasQuoted { endRow() }
        return .success(rows)
    }
}
