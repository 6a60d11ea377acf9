/// How a figure's value is written for a reader: "85–90%", "$8.5 billion", "44 million t",
/// "2,700 t", "1,850 yuan/kg". Raw numbers stay in the exports; pages never show "8500000000 USD".
enum FigureText {
    /// 2700 → "2,700"; 8.5 → "8.5"; at most two decimals, no locale.
    static func grouped(_ value: Double) -> String {
        let plain = SVG.number(value)
        let parts = plain.split(separator: ".", maxSplits: 1)
        let digits = Array(parts[0].drop { $0 == "-" })
        var out = ""
        for (index, c) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (plain.hasPrefix("-") ? "-" : "") + out + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// 8_500_000_000 → "8.5 billion"; 44_000_000 → "44 million"; 270_000 → "270,000".
    static func scaled(_ value: Double) -> String {
        for (factor, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] where abs(value) >= factor {
            return "\(SVG.number((value / factor * 100).rounded() / 100)) \(word)"
        }
        return grouped(value)
    }

    /// The amount with its unit, as a phrase: "$8.5 billion", "44 million t", "1,850 yuan/kg".
    static func amount(_ value: Double, unit: FigureUnit) -> String {
        switch unit {
        case .percent: return "\(SVG.number(value))%"
        case .tonnes: return "\(scaled(value)) t"
        case .usd: return "$\(scaled(value))"
        case .eur: return "€\(scaled(value))"
        case .jpy: return "¥\(scaled(value))"
        case .inr: return "₹\(scaled(value))"
        case .cny: return "\(scaled(value)) yuan"
        case .usdPerKg: return "$\(grouped(value))/kg"
        case .usdPerTonne: return "$\(grouped(value))/t"
        case .cnyPerKg: return "\(grouped(value)) yuan/kg"
        case .cnyPerTonne: return "\(grouped(value)) yuan/t"
        }
    }

    /// A range of amounts, the unit said once: "20,000–60,000 t", "55–65 yuan/kg", "85–90%".
    static func range(_ low: Double, _ high: Double, unit: FigureUnit) -> String {
        let lowText = amount(low, unit: unit), highText = amount(high, unit: unit)
        // Drop the unit from the first end when both ends carry the same one.
        for suffix in ["%", " t", " yuan", " yuan/kg", " yuan/t", "/kg", "/t", " trillion", " billion", " million"].sorted(by: { $0.count > $1.count })
        where lowText.hasSuffix(suffix) && highText.hasSuffix(suffix) {
            var head = String(lowText.dropLast(suffix.count))
            for symbol in ["$", "€", "¥", "₹"] where head.hasPrefix(symbol) && highText.hasPrefix(symbol) { head.removeFirst() ; return "\(symbol)\(head)–\(highText.dropFirst())" }
            return "\(head)–\(highText)"
        }
        return "\(lowText)–\(highText)"
    }
}
