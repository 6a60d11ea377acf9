/// How a figure's value is written for a reader: "85–90%", "$8.5 billion", "44 million t",
/// "2,700 t", "1,850 yuan/kg", and in Chinese "85亿美元", "4,400万吨". Raw numbers stay in the
/// exports and data attributes; pages never show "8500000000 USD".
enum FigureText {
    /// What a table shows where a figure or its holder is not in the sentence, instead of "?".
    static let notStated = "未说明 · not stated"

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

    /// The Chinese counting units: 万 (10⁴), 亿 (10⁸), 万亿 (10¹²), largest first.
    static let chineseScales: [(factor: Double, word: String)] = [(1e12, "万亿"), (1e8, "亿"), (1e4, "万")]

    /// The Chinese scale of a value: 亿 and 万亿 from 10⁸ up (rounded to two decimals, as the
    /// English scale is); 万 only where it loses nothing ("2万", "1.5万", "4,400万"), else the
    /// plain grouped number, until the number would reach seven digits.
    static func chineseScale(_ value: Double) -> (coefficient: Double, word: String) {
        let magnitude = abs(value)
        for (factor, word) in chineseScales where magnitude >= factor {
            let coefficient = (value / factor * 100).rounded() / 100
            if factor > 1e4 || coefficient * factor == value || magnitude >= 1e6 { return (coefficient, word) }
        }
        return (value, "")
    }

    /// 8_500_000_000 → "85亿"; 44_000_000 → "4,400万"; 14_800_000_000_000 → "14.8万亿"; 2_700 → "2,700".
    static func scaledChinese(_ value: Double) -> String {
        let scale = chineseScale(value)
        return grouped(scale.coefficient) + scale.word
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

    /// The unit as Chinese writes it after the number: 吨, 美元, 元/公斤.
    static func chineseUnit(_ unit: FigureUnit) -> String {
        switch unit {
        case .percent: return "%"
        case .tonnes: return "吨"
        case .usd: return "美元"
        case .eur: return "欧元"
        case .jpy: return "日元"
        case .inr: return "卢比"
        case .cny: return "元"
        case .usdPerKg: return "美元/公斤"
        case .usdPerTonne: return "美元/吨"
        case .cnyPerKg: return "元/公斤"
        case .cnyPerTonne: return "元/吨"
        }
    }

    /// The amount as Chinese writes it: "85亿美元", "4,400万吨", "1,850元/公斤", "60%". Prices per
    /// unit are not scaled (a price reads "18,000元/吨", never "1.8万元/吨" in a table).
    static func amountChinese(_ value: Double, unit: FigureUnit) -> String {
        if unit == .percent { return amount(value, unit: unit) }
        return (unit.isPerUnitPrice ? grouped(value) : scaledChinese(value)) + chineseUnit(unit)
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

    /// A range in Chinese, the unit said once and a scale both ends share too: "2–6万吨",
    /// "8–10亿美元", "55–65元/公斤", "85–90%".
    static func rangeChinese(_ low: Double, _ high: Double, unit: FigureUnit) -> String {
        let lowText = amountChinese(low, unit: unit), highText = amountChinese(high, unit: unit)
        let scale = unit.isPerUnitPrice || unit == .percent ? "" : chineseScale(low).word
        let shared = chineseUnit(unit).count + (scale == chineseScale(high).word ? scale.count : 0)
        guard highText.hasSuffix(lowText.suffix(shared)) else { return "\(lowText)–\(highText)" }
        return "\(lowText.dropLast(shared))–\(highText)"
    }

    /// A figure as its sentence bounds it, in one language: `85–90%`, `> 90%`, `≥ $250 billion`,
    /// `< 1.5%`, `≈ 60%`; nil when the sentence gives no number. Never a midpoint.
    static func bounded(low: Double?, high: Double?, qualifier: Qualifier, point: (Double) -> String, range: (Double, Double) -> String) -> String? {
        switch (low, high, qualifier) {
        case let (l?, h?, .about) where l != h: return "≈ " + range(l, h)
        case let (l?, h?, _) where l != h: return range(l, h)
        case let (l?, _, .over): return "> \(point(l))"
        case let (l?, _, .atLeast): return "≥ \(point(l))"
        case let (_, h?, .lessThan): return "< \(point(h))"
        case let (_, h?, .upTo): return "≤ \(point(h))"
        case let (l?, _, .about): return "≈ \(point(l))"
        case let (l?, _, .nearly): return "≈ \(point(l))"
        case let (l?, _, _): return point(l)
        default: return nil
        }
    }

    /// A figure as each language writes it; `chinese` is nil when it reads the same (85–90%).
    struct Bilingual: Hashable, Sendable {
        var english: String
        var chinese: String?

        /// "$8.5 billion · 85亿美元", or "85–90%" alone.
        var text: String { chinese.map { "\(english) · \($0)" } ?? english }
    }

    /// The figure in both languages, for tables read by either: "$8.5 billion · 85亿美元",
    /// "44 million t · 4,400万吨"; a percentage reads the same in both and is written once.
    static func bilingual(low: Double?, high: Double?, qualifier: Qualifier, unit: FigureUnit) -> Bilingual {
        guard let english = bounded(low: low, high: high, qualifier: qualifier, point: { amount($0, unit: unit) }, range: { range($0, $1, unit: unit) }),
              let chinese = bounded(low: low, high: high, qualifier: qualifier, point: { amountChinese($0, unit: unit) }, range: { rangeChinese($0, $1, unit: unit) })
        else { return Bilingual(english: notStated, chinese: nil) }
        return Bilingual(english: english, chinese: chinese == english ? nil : chinese)
    }
}

extension FigureUnit {
    /// Prices per kilogram or tonne: written out in full, never scaled.
    var isPerUnitPrice: Bool { [.usdPerKg, .usdPerTonne, .cnyPerKg, .cnyPerTonne].contains(self) }
}
