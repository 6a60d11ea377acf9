/// The year a figure refers to, when its clause states one (`in 2024`, `2024年`, `as of 2024`,
/// `from 2020 to 2023` → 2023): the stated year nearest to the figure.
enum YearRule {
    static func year(_ text: ScanText, _ figure: FigureMention, clause: Range<Int>) -> Int? {
        var best: (distance: Int, year: Int)?
        var i = clause.lowerBound
        while i + 4 <= clause.upperBound {
            guard (i == clause.lowerBound || !text.isNumber(i - 1)), text[i..<(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber }),
                  i + 4 == text.count || !(text.isNumber(i + 4) || text[i + 4] == "s" || text[i + 4] == "%" || text[i + 4] == "万" || text[i + 4] == "亿" || text[i + 4] == "吨" || text[i + 4] == ","),
                  let value = Int(text.string(i..<(i + 4))), (1990...2050).contains(value) else { i += 1; continue }
            // Skip the figure itself and numbers followed by units ("2025 tons").
            if figure.range.contains(i) { i += 4; continue }
            let rest = text.string((i + 4)..<min(text.count, i + 10)).lowercased()
            if rest.hasPrefix(" ton") || rest.hasPrefix(" billion") || rest.hasPrefix(" million") { i += 4; continue }
            let distance = i < figure.range.lowerBound ? figure.range.lowerBound - (i + 4) : i - figure.range.upperBound
            if best == nil || distance < best!.distance || (distance == best!.distance && value > best!.year) {
                best = (distance, value)
            }
            // A range "2020 to 2023": the later year wins.
            if let current = best, current.year == value, FigureScanner.matches(text, at: i + 4, " to ") || FigureScanner.matches(text, at: i + 4, "-") {
                let next = i + 4 + (FigureScanner.matches(text, at: i + 4, " to ") ? 4 : 1)
                if next + 4 <= clause.upperBound, let end = Int(text.string(next..<(next + 4))), (value...2050).contains(end) {
                    best = (current.distance, end)
                    i = next + 4
                    continue
                }
            }
            i += 4
        }
        return best?.year
    }
}
