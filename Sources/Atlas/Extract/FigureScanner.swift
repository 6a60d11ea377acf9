/// A number found in text, with what it is a number of (percent, tonnes, money) and how the
/// text hedged it. The rules that decide what it measures come later.
struct FigureMention: Hashable, Sendable {
    var range: Range<Int>
    var low: Double?
    var high: Double?
    var qualifier: Qualifier
    var unit: FigureUnit
    /// Which scanning rule read it, for review output.
    var rule: String
}

/// Reads numbers from text: percentages and their ranges (`85% to 90%`, `60%-70%`, `85%至90%`,
/// `85-90%`), fractions in words (`two-thirds`, `三分之二`, `九成`), tonnages (`2,900 tons`,
/// `15万吨`) and money (`$8.5 billion`, `2500亿美元`, `500 billion rupees`), each with the
/// qualifier the text puts around it (`over`, `近`, `以上`…).
enum FigureScanner {
    static func scan(_ text: ScanText) -> [FigureMention] {
        var result: [FigureMention] = []
        var i = 0
        // Read once: a static asked at every position costs a `swift_once` each time.
        let fractionStarts = fractionStartKeys
        while i < text.count {
            // Inside an English word neither a fraction (which starts a word) nor a number (not
            // after a letter) starts: the rest of the word is passed at once.
            if text.isInsideASCIIWord(i) { i = text.endOfASCIILetters(from: i); continue }
            // An English fraction starts a word: inside one, the letters that could begin one
            // (t, h, o…, most of a text) are passed over here, as `wordFraction` would.
            if fractionStarts.contains(text.keys[i]), text.keys[i] >= 0x80 || startsWord(text, at: i),
               let fraction = wordFraction(text, at: i) {
                result.append(fraction)
                i = fraction.range.upperBound
                continue
            }
            guard text.isDigit(i), i == 0 || !isNumberContext(text, at: i - 1) else { i += 1; continue }
            guard let first = number(text, at: i) else { i += 1; continue }
            if let figure = percent(text, start: i, first: first) ?? amount(text, start: i, first: first) {
                result.append(figure)
                i = figure.range.upperBound
            } else {
                i = first.end
            }
        }
        return result
    }

    /// Whether a number that the scanner would read as a figure starts at `i` (for phrases that
    /// run up to the next figure).
    static func startsFigure(_ text: ScanText, at i: Int) -> Bool {
        guard text.isDigit(i), i == 0 || !isNumberContext(text, at: i - 1), let first = number(text, at: i) else { return false }
        return percent(text, start: i, first: first) != nil || amount(text, start: i, first: first) != nil
    }

    /// A character that makes a following digit part of a name or code (G7, No.18, 1C902): an
    /// ASCII letter or digit, `.` or `,`. By key: every such character is one ASCII scalar.
    static func isNumberContext(_ text: ScanText, at i: Int) -> Bool {
        let key = text.keys[i]
        return key < 0x80 && (text.isLetter(i) || text.isDigit(i) || key == 0x2E || key == 0x2C)
    }

    /// `12`, `2,900`, `83.7`: value and the index after it.
    static func number(_ text: ScanText, at start: Int) -> (value: Double, end: Int)? {
        var i = start
        var digits = ""
        while i < text.count {
            // By key: `,`, `.` and the ASCII digits are lone scalars.
            let key = text.keys[i]
            if text.isDigit(i) {
                digits.unicodeScalars.append(Unicode.Scalar(UInt8(key)))
                i += 1
            } else if key == 0x2C, !digits.isEmpty, !digits.utf8.contains(0x2E),
                      (1...3).allSatisfy({ text.isDigit(i + $0) }), !text.isDigit(i + 4) {
                i += 1  // thousands separator: exactly three digits follow
            } else if key == 0x2E, text.isDigit(i + 1), !digits.utf8.contains(0x2E) {
                digits.append(".")
                i += 1
            } else {
                break
            }
        }
        guard let value = Double(digits), value.isFinite else { return nil }
        return (value, i)
    }

    static func isPercentSign(_ text: ScanText, at i: Int) -> Int? {
        guard i < text.count else { return nil }
        // By key: `%` and `％` are lone scalars, so a key compare is a character compare.
        if text.keys[i] == 0x25 || text.keys[i] == 0xFF05 { return i + 1 }
        for word in percentWords where text.matches(word, at: i) { return i + word.count }
        return nil
    }

    static func percent(_ text: ScanText, start: Int, first: (value: Double, end: Int)) -> FigureMention? {
        var end = first.end
        var firstIsPercent = false
        if let after = isPercentSign(text, at: end) { end = after; firstIsPercent = true }
        // A range: connector, second number, percent sign (required when the first had none).
        for connector in percentConnectors {
            guard text.matches(connector.word, at: end), end + connector.word.count < text.count else { continue }
            let secondStart = end + connector.word.count
            guard text.isASCII(secondStart), text.isNumber(secondStart), let second = number(text, at: secondStart) else { continue }
            if connector.spelling == " and " && !precededBy(text, start, ["between "]) { continue }
            if let after = isPercentSign(text, at: second.end) {
                let (low, high) = (min(first.value, second.value), max(first.value, second.value))
                return hedge(FigureMention(range: start..<after, low: low, high: high, qualifier: .exact, unit: .percent, rule: "percent-range"), text)
            }
            if firstIsPercent, connector.spelling != "-" { continue }
        }
        guard firstIsPercent else { return nil }
        return hedge(FigureMention(range: start..<end, low: first.value, high: first.value, qualifier: .exact, unit: .percent, rule: "percent"), text)
    }

    static let chineseScales: [(String, Double)] = [("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3)]
    static let englishScales: [(String, Double)] = [(" trillion", 1e12), (" billion", 1e9), (" million", 1e6), (" crore", 1e7), (" lakh", 1e5), (" thousand", 1e3), ("bn", 1e9)]
    static let chineseUnits: [(String, FigureUnit)] = [("吨", .tonnes), ("美元", .usd), ("日元", .jpy), ("欧元", .eur), ("卢比", .inr), ("元人民币", .cny), ("元", .cny)]
    static let englishUnits: [(String, FigureUnit)] = [
        (" metric tons", .tonnes), (" tonnes", .tonnes), (" tons", .tonnes), (" ton", .tonnes), (" t ", .tonnes),
        (" dollars", .usd), (" USD", .usd), (" rupees", .inr), (" RMB", .cny), (" yuan", .cny), (" yen", .jpy), (" euros", .eur),
    ]

    /// One number with its scale and unit words after it: `15万吨`, `8.5 billion`, `500 billion rupees`.
    static func amountPart(_ text: ScanText, number: (value: Double, end: Int)) -> (value: Double, scale: Double, unit: FigureUnit?, end: Int) {
        var value = number.value
        var end = number.end
        var scale = 1.0
        for (word, factor) in chineseScaleWords where text.matches(word, at: end) {
            scale = factor
            end += word.count
            break
        }
        if scale == 1 {
            for (word, factor, advance) in englishScaleWords where text.matches(word, at: end) {
                scale = factor
                end += advance
                break
            }
        }
        value *= scale
        var unit: FigureUnit?
        for (word, candidate, advance) in unitWords where text.matches(word, at: end) {
            unit = candidate
            end += advance
            break
        }
        return (value, scale, unit, end)
    }

    // The words tried after every number, made once and spelled as keys: written in the loops,
    // each list was built (and its strings retained) at every number, and each word's `String`
    // was walked (and its characters counted) at every place it was tried.
    static let units = chineseUnits + englishUnits
    static let chineseScaleWords = chineseScales.map { (word: ScanText.Word($0.0), factor: $0.1) }
    /// `advance`: how far a match reads, which is the word without its trailing spaces
    /// (`" t "` reads two characters: the space after the unit is not part of the figure).
    static let englishScaleWords = englishScales.map { (word: ScanText.Word($0.0), factor: $0.1, advance: advance($0.0)) }
    static let unitWords = units.map { (word: ScanText.Word($0.0), unit: $0.1, advance: advance($0.0)) }
    static let percentWords = [" percent", " per cent", "percent"].map(ScanText.Word.init)
    static let percentConnectors = [" to ", "-", "–", "—", "~", "～", "至", "到", " and ", "% to ", " - "].map { (spelling: $0, word: ScanText.Word($0)) }
    static let amountConnectors = ["至", "到", "-", "–", "—", "~", "～", " to ", " - "].map(ScanText.Word.init)
    static let perKgWords = ["/kg", " per kg", " per kilogram", " a kilogram", "/公斤"].map(ScanText.Word.init)
    static let perTonneWords = ["/吨", " per tonne", " per ton", " a tonne", " a ton", "/tonne", "/ton", "/t"].map { (spelling: $0, word: ScanText.Word($0)) }
    /// "每公斤1850元": the measure a Chinese price is per, named before it (true: per kilogram).
    static let measuresBefore = [("每公斤", true), ("每千克", true), ("每吨", false)].map { (word: ScanText.Word($0.0), perKg: $0.1) }

    static let currencyPrefixes: [(String, FigureUnit)] = [("US$", .usd), ("$", .usd), ("USD ", .usd), ("¥", .cny), ("RMB ", .cny), ("€", .eur), ("₹", .inr), ("Rs ", .inr)]
    static let currencyPrefixWords = currencyPrefixes.map { (word: ScanText.Word($0.0), unit: $0.1) }

    /// The characters a matched word reads: all of them but trailing spaces.
    private static func advance(_ word: String) -> Int {
        word.trimmingWhitespace.count + (word.quickHasPrefix(" ") ? 1 : 0)
    }

    /// Money, tonnages and prices, single or as a range (`2万至6万吨`, `55万元至65万元`, `$55-65/kg`,
    /// `10,000 to 20,000 tons`), with the measure a price is per (`/kg`, `per ton`, `每公斤`, `每吨`).
    static func amount(_ text: ScanText, start: Int, first: (value: Double, end: Int)) -> FigureMention? {
        // Currency before the number.
        var prefixUnit: FigureUnit?
        for (prefix, currency) in currencyPrefixWords where start >= prefix.count && text.matches(prefix, at: start - prefix.count) {
            prefixUnit = currency
            break
        }
        // "¥" is the yen's sign as well as the yuan's: Japan nearby makes it yen.
        if prefixUnit == .cny, start > 0, text[start - 1] == "¥" {
            let around = text.lower(max(0, start - 160)..<min(text.count, start + 60))
            if ["japan", "tokyo", " yen", "日本", "日元"].contains(where: around.includes) { prefixUnit = .jpy }
        }
        let head = amountPart(text, number: first)
        var unit = prefixUnit ?? head.unit
        var (low, high, end) = (head.value, head.value, head.end)
        // A range: the second number may carry the unit for both ("2万至6万吨"), and a bare first
        // number takes the second's scale ("55-65万元").
        do {
            for connector in amountConnectors where text.matches(connector, at: end) {
                var secondStart = end + connector.count
                if let prefix = prefixUnit, let symbol = currencyPrefixWords.first(where: { $0.unit == prefix && text.matches($0.word, at: secondStart) }) {
                    secondStart += symbol.word.count
                }
                guard secondStart < text.count, text.isDigit(secondStart), let second = number(text, at: secondStart) else { continue }
                let tail = amountPart(text, number: second)
                guard let rangeUnit = unit ?? tail.unit, tail.unit == nil || unit == nil || tail.unit == unit else { continue }
                guard tail.unit != nil || prefixUnit != nil else { continue }
                // "55万元至65万元", "2万至6万吨", "$55-65/kg"; not "from 105,000 tons in 2015 to 270,000
                // tons" read as "2015 to 270,000 tons": the ends of a range are of one magnitude.
                let first = head.scale == 1 && tail.scale != 1 ? head.value * tail.scale : head.value
                guard first > 0, tail.value / first <= 50, first / tail.value <= 50 else { continue }
                if head.unit != nil, tail.unit == nil { continue }
                low = first
                high = tail.value
                unit = rangeUnit
                end = tail.end
                break
            }
        }
        // An amount beyond any real economy is a typo or a trick, not a figure.
        guard let found = unit, low.isFinite, high.isFinite, max(low, high) < 1e16 else { return nil }
        (low, high) = (min(low, high), max(low, high))
        var finalUnit = found
        for perKg in perKgWords where text.matches(perKg, at: end) {
            if found == .usd { finalUnit = .usdPerKg } else if found == .cny { finalUnit = .cnyPerKg }
            end += perKg.count
            break
        }
        for perTonne in perTonneWords where finalUnit == found && text.matches(perTonne.word, at: end) {
            guard !(perTonne.spelling == "/t" && end + 2 < text.count && text.isLetter(end + 2)) else { continue }
            if found == .usd { finalUnit = .usdPerTonne } else if found == .cny { finalUnit = .cnyPerTonne }
            end += perTonne.word.count
            break
        }
        // "每公斤1850元", "每吨62.5万元", "每公斤约900美元": Chinese names the measure first.
        var rangeStart = prefixUnit != nil ? start - (currencyPrefixWords.first { $0.unit == prefixUnit! && text.matches($0.word, at: start - $0.word.count) }?.word.count ?? 0) : start
        for (measure, perKg) in measuresBefore {
            for gap in 0...1 where rangeStart - gap - measure.count >= 0 && text.matches(measure, at: rangeStart - gap - measure.count)
                && (gap == 0 || text.isOne(of: Self.hedgeBeforeRange, at: rangeStart - 1)) {
                if perKg { finalUnit = found == .usd ? .usdPerKg : found == .cny ? .cnyPerKg : finalUnit }
                else { finalUnit = found == .usd ? .usdPerTonne : found == .cny ? .cnyPerTonne : finalUnit }
                rangeStart -= gap + measure.count
            }
        }
        return hedge(FigureMention(range: rangeStart..<end, low: low, high: high, qualifier: .exact, unit: finalUnit, rule: "amount"), text)
    }

    static let englishFractions: [(String, Double)] = [("two-thirds", 66.7), ("two thirds", 66.7), ("three-quarters", 75), ("three quarters", 75),
                                                        ("one-third", 33.3), ("one third", 33.3), ("a third", 33.3), ("one-quarter", 25),
                                                        ("a quarter", 25), ("one quarter", 25), ("three-fifths", 60), ("three fifths", 60),
                                                        ("two-fifths", 40), ("two fifths", 40), ("one-fifth", 20), ("one fifth", 20), ("a fifth", 20),
                                                        ("one-tenth", 10), ("one tenth", 10), ("a tenth", 10), ("half", 50)]
        + ["two", "three", "four", "five", "six", "seven", "eight", "nine"].enumerated().flatMap { index, numerator -> [(String, Double)] in
            // "nine-tenths", "four fifths", "seven-eighths": numerator and a plural ordinal.
            [("fifths", 5.0), ("sixths", 6), ("sevenths", 7), ("eighths", 8), ("ninths", 9), ("tenths", 10)].flatMap { ordinal, denominator -> [(String, Double)] in
                let value = Double(index + 2) / denominator * 100
                guard value < 100 else { return [] }
                let rounded = (value * 10).rounded() / 10
                return [("\(numerator)-\(ordinal)", rounded), ("\(numerator) \(ordinal)", rounded)]
            }
        }
    static let chineseFractions: [(String, Double)] = [("三分之二", 66.7), ("四分之三", 75), ("三分之一", 33.3), ("四分之一", 25), ("五分之一", 20),
                                                        ("五分之二", 40), ("五分之三", 60), ("五分之四", 80), ("十分之一", 10), ("一半", 50)]
    static let tenths: [UInt32: Double] = Dictionary(uniqueKeysWithValues: [("一", 10.0), ("二", 20), ("两", 20), ("三", 30), ("四", 40), ("五", 50),
                                                                             ("六", 60), ("七", 70), ("八", 80), ("九", 90)].map { (ScanText.key($0.0), $0.1) })
    /// Asked at every Han character: a bit, not a hash of the key into `tenths`.
    static let tenthsKeys = KeySet(tenths.keys.filter { $0 >= 0x80 })
    /// The fractions by first character, so that a position is only tested against the words
    /// that start with its character (English ones looked up by the lower-case key).
    static let englishFractionTable = WordTable(englishFractions)
    static let chineseFractionTable = WordTable(chineseFractions)
    /// Every key `wordFraction` can start at: the English words' first letters in either case,
    /// the Chinese words' first characters and the tenths.
    static let fractionStartKeys: KeySet = {
        let english = englishFractions.compactMap { ScanText.Word($0.0).keys.first }
        let upper = english.filter { $0 >= 0x61 && $0 <= 0x7A }.map { $0 - 0x20 }
        return KeySet(english + upper + chineseFractions.compactMap { ScanText.Word($0.0).keys.first } + Array(tenths.keys))
    }()
    static let of = ScanText.Word(" of ")

    /// Whether an English word may start at `i`: no Latin letter (a Han character is fine) before it.
    static func startsWord(_ text: ScanText, at i: Int) -> Bool {
        i == 0 || !(text.isLetter(i - 1) && !text.isHan(i - 1))
    }

    /// `two-thirds of`, `half of`, `三分之二`, `九成`.
    static func wordFraction(_ text: ScanText, at i: Int) -> FigureMention? {
        let key = text.keys[i]
        let folded = key >= 0x41 && key <= 0x5A ? key + 0x20 : key
        // Asked at every position, which nearly always starts no fraction: bit tests first, and
        // an English fraction only at a word's start.
        let startsEnglish = englishFractionTable.firstKeys.contains(folded) && startsWord(text, at: i) && englishFractionTable.mayOpenIgnoringCase(text, at: i)
        let startsChinese = key >= 0x80 && (chineseFractionTable.firstKeys.contains(key) || tenthsKeys.contains(key))
        guard startsEnglish || startsChinese else { return nil }
        if startsEnglish {
            for entry in englishFractionTable.candidates(startingWith: folded) where text.matchesIgnoringCase(entry.word, at: i) {
                let (word, value) = (entry.spelling, entry.value)
                let end = i + entry.word.count
                // "half of global reserves", not "the first half of 2025"; "more than half in 2000",
                // "down from over half" name a share without "of".
                let hedged = word == "half" && ["more than ", "less than ", "over ", "nearly ", "almost ", "about ", "around ", "roughly ", "from ", " to ", "than ", "at least "]
                    .contains(where: { precededBy(text, i, [$0]) }) && !precededBy(text, i, ["first ", "second ", "the "])
                guard (text.matches(of, at: end) && !(end + 4 < text.count && text.isNumber(end + 4))) || hedged else { continue }
                return hedge(FigureMention(range: i..<end, low: value, high: value, qualifier: .exact, unit: .percent, rule: "fraction-words"), text)
            }
        }
        for entry in startsChinese ? chineseFractionTable.candidates(startingWith: key) : [] where text.matches(entry.word, at: i) {
            return hedge(FigureMention(range: i..<(i + entry.word.count), low: entry.value, high: entry.value, qualifier: .exact, unit: .percent, rule: "fraction-zh"), text)
        }
        if let value = tenths[text.keys[i]], i + 1 < text.count, text[i + 1] == "成", i == 0 || !text.isNumber(i - 1),
           !(i + 2 < text.count && text.isHan(i + 2) && text.isOne(of: Self.notTenthsAfter, at: i + 2)) {
            return hedge(FigureMention(range: i..<(i + 2), low: value, high: value, qualifier: .exact, unit: .percent, rule: "tenths-zh"), text)
        }
        return nil
    }

    // MARK: qualifiers

    static let overBefore = ["more than", "over", "above", "exceeding", "exceeds", "in excess of", "upwards of", "超过", "超", "逾", "高于", "多于", "大于"]
    static let atLeastBefore = ["at least", "no less than", "not less than", "a minimum of", "至少", "不少于", "不低于", "最少"]
    static let nearlyBefore = ["nearly", "almost", "close to", "just under", "近", "接近", "将近", "几乎"]
    static let aboutBefore = ["approximately", "approx.", "about", "around", "roughly", "some", "约", "大约", "约为", "大概", "约合", "约占", "约有", "大约有"]
    static let upToVerbs = ["最高可", "最多可", "最高将", "最高达"]
    static let upToBefore = ["up to", "as much as", "as high as", "as many as", "多达", "最高", "高达", "最多"]
    static let lessBefore = ["less than", "fewer than", "under", "below", "no more than", "不到", "不足", "低于", "少于", "小于"]

    static let hedges = aboutBefore + nearlyBefore + overBefore + lessBefore + atLeastBefore + upToBefore

    /// Words without the hedge they end in ("and about" → "and", "环比下降近" → "环比下降"): the
    /// hedge stands between a verb or a conjunction and its figure.
    static func withoutHedge(_ words: String) -> String {
        var lead = words.trimmingWhitespace
        for form in hedgeForms.candidates(endingWith: lead) where lead.quickHasSuffix(form.hedge) && (form.isHan || lead.quickHasSuffix(form.spaced) || lead == form.hedge) {
            lead = String(lead.dropLast(form.count)).trimmingWhitespace
            break
        }
        return lead
    }

    /// Each hedge list by its words' last scalars (`hedge` tries only the words that may end
    /// the words before a figure).
    private static let atLeastTable = SuffixTable(atLeastBefore), lessTable = SuffixTable(lessBefore), upToTable = SuffixTable(upToBefore)
    private static let overTable = SuffixTable(overBefore), nearlyTable = SuffixTable(nearlyBefore), aboutTable = SuffixTable(aboutBefore)

    /// Spelled out once, by last scalar: this runs for every figure in several rules.
    private static let hedgeForms = SuffixTable(hedges.map { (hedge: $0, spaced: " " + $0, isHan: $0.first!.isHan, count: $0.count) }) { $0.hedge }

    /// Reads the qualifier from the words just before the figure (`over 90%`, `超过90%`) or
    /// just after it (`90%以上`, `左右`), and turns it into bounds.
    static func hedge(_ figure: FigureMention, _ text: ScanText) -> FigureMention {
        var figure = figure
        // Chinese puts the hedge on the verb, before the words naming the whole: "约占全球产量的
        // 69%", "接近全球的一半", "不少于全球的15%"; those words are skipped to find it.
        var k = figure.range.lowerBound
        while k > 0, figure.range.lowerBound - k < 10, text.isOne(of: Self.wholeWords, at: k - 1) { k -= 1 }
        if k > 0, text[k - 1] == "占" { k -= 1 }
        let before = text.lower(max(0, k - 16)..<k)
        let trimmed = before.trimmingWhitespace
        func endsWithWord(_ word: String) -> Bool {
            guard trimmed.quickHasSuffix(word) else { return false }
            let head = trimmed.dropLast(word.count)
            return head.isEmpty || !(head.last!.isLetter && !head.last!.isHan) || word.first!.isHan
        }
        func endsWithAny(_ table: SuffixTable<String>) -> Bool { table.candidates(endingWith: trimmed).contains(where: endsWithWord) }
        let after = text.string(figure.range.upperBound..<min(text.count, figure.range.upperBound + 2))
        var qualifier = Qualifier.exact
        if after.quickHasPrefix("以上") || after.quickHasPrefix("多") { qualifier = .over } else if after.quickHasPrefix("左右") || after.quickHasPrefix("上下") { qualifier = .about } else if after.quickHasPrefix("以下") || after.quickHasPrefix("以内") { qualifier = .lessThan }
        if qualifier == .exact {
            // "不少于" ends in "少于": the longer "at least" words are tried first.
            if endsWithAny(Self.atLeastTable) { qualifier = .atLeast }
            else if endsWithAny(Self.lessTable) { qualifier = .lessThan }
            // The four verbs all start with 最: without it in the words before, none is looked for
            // (which took the words' last eight characters as a new string for every figure).
            else if endsWithAny(Self.upToTable) || before.includes("最") && Self.upToVerbs.contains(where: String(before.suffix(8)).includes)
                        && !String(before.suffix(8)).contains(where: { "，,。；;%".contains($0) }) { qualifier = .upTo }
            else if endsWithAny(Self.overTable) { qualifier = .over }
            else if endsWithAny(Self.nearlyTable) { qualifier = .nearly }
            else if endsWithAny(Self.aboutTable) { qualifier = .about }
        }
        figure.qualifier = qualifier
        let single = figure.low == figure.high
        switch qualifier {
        case .over where single, .atLeast where single: figure.high = nil
        case .lessThan where single, .upTo where single: figure.low = nil
        default: break
        }
        return figure
    }

    // MARK: helpers

    static func matches(_ text: ScanText, at i: Int, _ word: String) -> Bool {
        text.matches(word, at: i)
    }

    /// ASCII case folding only: the words compared this way are English.
    static func matchesIgnoringCase(_ text: ScanText, at i: Int, _ word: String) -> Bool {
        guard i >= 0 else { return false }
        var k = i
        for scalar in word.unicodeScalars {
            guard k < text.count else { return false }
            let key = text.keys[k]
            let folded = key >= 0x41 && key <= 0x5A ? key + 0x20 : key
            guard folded == scalar.value else { return false }
            k += 1
        }
        return true
    }

    static func precededBy(_ text: ScanText, _ i: Int, _ words: [String]) -> Bool {
        let before = text.lower(max(0, i - 12)..<i)
        return words.contains { before.quickHasSuffix($0) }
    }
}

extension FigureScanner {
    // Characters the rules stop at or skip, tested by key (`ScanText.isOne(of:at:)`).
    static let hedgeBeforeRange = ScanText.OneOf("约近逾超")
    static let notTenthsAfter = ScanText.OneOf("员为立功本熟交")
    static let wholeWords = ScanText.OneOf("全球世界总产量储的其比重份额国内矿山市场供应需求消费进口")
}
