/// Of what a figure is, from its own noun phrase: which rare earths (`中重稀土储量`, `heavy rare
/// earth separation`, `dysprosium oxide`), what is measured (`refining capacity`, `refining
/// technology`, `resources`), and whether the material is rare earths at all (`100 metric tons
/// of gallium`).
///
/// The phrase after the figure is read first (`99%的重稀土金属供应`, `90% of heavy rare earth
/// refining`), then the words before it back to the previous figure (`在重稀土分离领域占99%`).
enum ScopeRule {
    /// Element-set words, longest first so `中重稀土` is not read as `重稀土`.
    static let elementWords: [(String, ElementScope)] = [
        ("medium and heavy rare", .mediumHeavy), ("medium-heavy", .mediumHeavy), ("medium and heavy", .mediumHeavy), ("mid-heavy", .mediumHeavy),
        ("中重稀土", .mediumHeavy), ("中、重稀土", .mediumHeavy), ("中重型稀土", .mediumHeavy),
        ("heavy rare", .heavy), ("heavy ree", .heavy), ("hree", .heavy), ("heavies", .heavy), ("重稀土", .heavy), ("钇族", .heavy),
        ("light rare", .light), ("light ree", .light), ("lree", .light), ("轻稀土", .light),
        ("magnet rare", .magnet), ("magnet metal", .magnet), ("magnet ree", .magnet), ("magnet element", .magnet), ("ndpr", .magnet),
        ("镨钕", .magnet), ("磁性稀土", .magnet),
    ]
    /// Words for rare earths without a narrowing: seeing one first means all of them.
    static let genericWords = ["rare earth", "rare-earth", "ree", "rees", "稀土"]

    static let capacityWords = ["capacity", "capacities", "capabilit", "designed to", "capable of", "can process", "can produce", "产能", "能力", "设计产能",
                                "可处理", "可生产"]
    /// Verbs of actual output right before a figure: "producing only 2,700 tons" is output even
    /// in a sentence about limited capabilities.
    static let outputVerbs = ["produc", "mined", "mining", "output", "supplied", "supplies", "extracted", "生产", "产量", "开采", "产出"]
    static let technologyWords = ["technolog", "patent", "know-how", "expertise", "技术", "专利"]
    static let resourceWords = ["resources", "resource", "deposits", "deposit", "contain", "资源量", "资源总量", "含有", "蕴藏", "资源"]
    static let reserveWords = ["reserve", "储量"]

    /// Materials that are not rare earths, as they are named and as the site names them.
    static let materials: [(String, String)] = [
        ("gallium", "gallium"), ("镓", "gallium"), ("germanium", "germanium"), ("锗", "germanium"), ("graphite", "graphite"), ("石墨", "graphite"),
        ("lithium", "lithium"), ("锂", "lithium"), ("cobalt", "cobalt"), ("钴", "cobalt"), ("nickel", "nickel"), ("镍", "nickel"),
        ("tungsten", "tungsten"), ("钨", "tungsten"), ("antimony", "antimony"), ("锑", "antimony"), ("copper", "copper"), ("铜", "copper"),
        ("manganese", "manganese"), ("锰", "manganese"), ("vanadium", "vanadium"), ("钒", "vanadium"), ("uranium", "uranium"), ("铀", "uranium"),
        ("titanium", "titanium"), ("钛", "titanium"), ("zircon", "zirconium"), ("锆", "zirconium"), ("indium", "indium"), ("铟", "indium"),
        ("magnesium", "magnesium"), ("镁", "magnesium"), ("platinum", "platinum"), ("铂", "platinum"), ("palladium", "palladium"), ("钯", "palladium"),
        ("silicon", "silicon"), ("硅", "silicon"), ("aluminium", "aluminium"), ("aluminum", "aluminium"), ("铝", "aluminium"),
        ("iron ore", "iron ore"), ("铁矿", "iron ore"), ("tin ", "tin"), ("锡", "tin"), ("niobium", "niobium"), ("铌", "niobium"),
        ("tantalum", "tantalum"), ("钽", "tantalum"), ("helium", "helium"), ("氦", "helium"),
    ]
    /// Words that name rare earths (or their products) for the nearest-material test.
    static let rareEarthWords = genericWords + ["ndfeb", "钕铁硼", "magnet", "磁体", "永磁", "neodymium", "dysprosium", "terbium", "praseodymium",
                                                "yttrium", "lanthanum", "cerium", "samarium", "europium", "gadolinium", "holmium", "erbium", "lutetium",
                                                "scandium", "钕", "镝", "铽", "镨", "钇", "镧", "铈", "钐", "铕", "钆", "钬", "铒", "镥", "钪"]

    struct Phrase {
        /// Lowercased, stray spaces inside Chinese words removed (`normalized`).
        var after: String
        var before: String
    }

    /// `segmentStart` is where the words that can only be this figure's begin: after the
    /// previous figure's own noun phrase ("88% of refining technology and 94% of magnets").
    static func scope(_ text: ScanText, figure: FigureMention, windows: MetricRule.Windows, segmentStart: Int, metric: Metric,
                      elements: [EntityMatcher.Mention], heavyElements: Set<String>) -> ClaimScope {
        // The noun phrase after the figure up to a comma or the next figure, "and" included:
        // "80% of rare earth separation and refining patents" is a share of patents.
        var end = windows.after.upperBound
        while end < windows.clause.upperBound, !text.isOne(of: Self.phraseStops, at: end), !FigureScanner.startsFigure(text, at: end) { end += 1 }
        let afterRange = windows.after.lowerBound..<max(windows.after.upperBound, end)
        let beforeRange = min(segmentStart, figure.range.lowerBound)..<figure.range.lowerBound
        let phrase = Phrase(after: normalized(text, afterRange), before: normalized(text, beforeRange))
        let near = normalized(text, windows.before)
        var scope = ClaimScope()
        scope.commodity = commodity(phrase)
        scope.elements = elementScope(text, phrase, elements: elements, after: afterRange, before: beforeRange, heavy: heavyElements)
        scope.measure = measure(phrase, near: near, metric: metric)
        return scope
    }

    /// `range` of the text lowercased, without the stray spaces exports put inside Chinese words
    /// (`重 稀土`): runs between such spaces sliced from the body's lower case, not the phrase
    /// lowercased and broken into characters again for every figure.
    static func normalized(_ text: ScanText, _ range: Range<Int>) -> String {
        let range = range.clamped(to: 0..<text.count)
        func isHan(_ i: Int) -> Bool { text.keys[i] == ScanText.composite ? text[i].isHan : text.isHan(i) }
        var out = ""
        var runStart = range.lowerBound
        for i in range where text.keys[i] == 0x20 && i > range.lowerBound && i + 1 < range.upperBound && isHan(i - 1) && isHan(i + 1) {
            out += text.lower(runStart..<i)
            runStart = i + 1
        }
        out += text.lower(runStart..<range.upperBound)
        return out
    }

    /// A word list as UTF-8, made once: the searches below compare bytes, as `includes` does,
    /// instead of building Character arrays for every phrase and word.
    struct Words: Sendable {
        let needles: ByteNeedles

        init(_ words: [String]) { needles = ByteNeedles(words) }

        /// Calls `body` with each word starting at byte `i` of `text` (an English word only at a
        /// word's start), in list order, until it returns false.
        @discardableResult
        func forEachWord<Bytes: RandomAccessCollection<UInt8>>(in text: Bytes, at i: Int, _ body: (Int) -> Bool) -> Bool where Bytes.Index == Int {
            let isLetter: (UInt8) -> Bool = { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
            return needles.forEachWord(in: text, at: i) { index in
                isLetter(needles.words[index][0]) && i > 0 && isLetter(text[i - 1]) ? true : body(index)
            }
        }

        /// Whether any word starts at byte `i`.
        func anyStarts(in text: [UInt8], at i: Int) -> Bool {
            !forEachWord(in: text, at: i) { _ in false }
        }
    }

    static let generic = Words(genericWords), capacity = Words(capacityWords), technology = Words(technologyWords)
    static let resource = Words(resourceWords), reserve = Words(reserveWords), output = Words(outputVerbs)
    static let rareEarth = Words(rareEarthWords), material = Words(materials.map(\.0)), element = Words(elementWords.map(\.0))
    static let materialValues = materials.map(\.1), elementValues = elementWords.map(\.1)

    /// First position of any of `words` in `text` (a byte offset: for ordering only), or nil.
    static func firstHit(_ text: String, _ words: Words) -> Int? {
        let bytes = Array(text.utf8)
        return bytes.indices.first { words.anyStarts(in: bytes, at: $0) }
    }

    /// Last position of any of `words` in `text`.
    static func lastHit(_ text: String, _ words: Words) -> Int? {
        let bytes = Array(text.utf8)
        return bytes.indices.reversed().first { words.anyStarts(in: bytes, at: $0) }
    }

    /// The hits of a word list with their spans and values, a hit inside a longer one dropped
    /// (`中重稀土` contains `重稀土`), nearest first or last (of two words read at one place, the
    /// earlier in the list).
    static func nearest<Value>(_ text: String, _ words: Words, values: [Value], first: Bool) -> (offset: Int, value: Value)? {
        // The bytes read in place, and each hit keeps its word's index, not a copy of its value:
        // this runs for the phrases on both sides of every figure.
        var text = text
        let chosen = text.withUTF8 { bytes -> (start: Int, end: Int, index: Int)? in
            var hits: [(start: Int, end: Int, index: Int)] = []
            for start in bytes.indices {
                words.forEachWord(in: bytes, at: start) { index in
                    hits.append((start, start + words.needles.words[index].count, index))
                    return true
                }
            }
            let kept = hits.filter { hit in !hits.contains { other in other.end - other.start > hit.end - hit.start && other.start <= hit.start && other.end >= hit.end } }
            return first ? kept.min { ($0.start, $0.end) < ($1.start, $1.end) } : kept.max { ($0.start, $0.end) < ($1.start, $1.end) }
        }
        return chosen.map { ($0.start, values[$0.index]) }
    }

    /// The material nearest the figure: in the phrase after it, else in the words before it.
    static func commodity(_ phrase: Phrase) -> String {
        func named(_ text: String, nearestFirst: Bool) -> String? {
            let rare = nearestFirst ? firstHit(text, rareEarth) : lastHit(text, rareEarth)
            guard let found = nearest(text, material, values: materialValues, first: nearestFirst) else { return rare == nil ? nil : ClaimScope.rareEarths }
            guard let rare else { return found.value }
            return (nearestFirst ? found.offset < rare : found.offset > rare) ? found.value : ClaimScope.rareEarths
        }
        return named(phrase.after, nearestFirst: true) ?? named(phrase.before, nearestFirst: false) ?? ClaimScope.rareEarths
    }

    static let magnetNames = ["铁硼", "-iron-boron", " iron boron", "-iron boron", " magnet", "磁", "-based magnet"]

    static func isMagnetName(_ text: ScanText, _ mention: EntityMatcher.Mention) -> Bool {
        let after = text.lower(mention.range.upperBound..<min(text.count, mention.range.upperBound + 14))
        return magnetNames.contains(where: after.quickHasPrefix)
    }

    static func elementScope(_ text: ScanText, _ phrase: Phrase, elements: [EntityMatcher.Mention], after: Range<Int>, before: Range<Int>, heavy: Set<String>) -> ElementScope {
        func fromWords(_ text: String, nearestFirst: Bool) -> ElementScope? {
            nearest(text, element, values: elementValues, first: nearestFirst)?.value
        }
        func fromElements(_ range: Range<Int>) -> ElementScope? {
            // "钕铁硼", "NdFeB", "neodymium-iron-boron magnets": a magnet, not the element.
            let named = elements.filter { range.contains($0.range.lowerBound) && !isMagnetName(text, $0) }
            let ids = named.map(\.entity).orderedUnique()
            guard !ids.isEmpty else { return nil }
            if ids.count == 1 { return .element(ids[0]) }
            let magnet: Set<String> = ["neodymium", "praseodymium", "dysprosium", "terbium"]
            if Set(ids).isSubset(of: magnet) { return Set(ids).isSubset(of: heavy) ? .heavy : .magnet }
            if Set(ids).isSubset(of: heavy) { return .heavy }
            return nil
        }
        // The phrase after the figure decides when it names rare earths at all.
        if let words = fromWords(phrase.after, nearestFirst: true) { return words }
        if let named = fromElements(after) { return named }
        if firstHit(phrase.after, generic) != nil { return .all }
        if let words = fromWords(phrase.before, nearestFirst: false) { return words }
        return fromElements(before) ?? .all
    }

    static func measure(_ phrase: Phrase, near: String, metric: Metric) -> Measure? {
        switch metric {
        case .importShare, .importDependence:
            return .imports
        case .reservesShare, .reservesTonnes:
            // The nearer word wins: the first after the figure, else the last before it.
            let resourceAfter = firstHit(phrase.after, resource), reserveAfter = firstHit(phrase.after, reserve)
            switch (resourceAfter, reserveAfter) {
            case let (r?, s?): return r < s ? .resources : .reserves
            case (_?, nil): return .resources
            case (nil, _?): return .reserves
            default: break
            }
            switch (lastHit(phrase.before, resource), lastHit(phrase.before, reserve)) {
            case let (r?, s?): return r > s ? .resources : .reserves
            case (_?, nil): return .resources
            default: return .reserves
            }
        case .productionShare, .refiningShare, .magnetShare, .productionTonnes:
            // Nearest to the figure: the first word after it, else the last before it in its own
            // phrase, where an output verb settles it, else in the clause before.
            for (text, nearestFirst) in [(phrase.after, true), (near, false), (phrase.before, false)] {
                if text == phrase.before, firstHit(near, output) != nil { return .output }
                let find = nearestFirst ? firstHit : lastHit
                switch (find(text, capacity), find(text, technology)) {
                case let (c?, t?): return (nearestFirst ? c < t : c > t) ? .capacity : .technology
                case (_?, nil): return .capacity
                case (nil, _?): return .technology
                default: continue
                }
            }
            return .output
        default:
            return nil
        }
    }
}

extension ScopeRule {
    // Characters the rules stop at or skip, tested by key (`ScanText.isOne(of:at:)`).
    static let phraseStops = ScanText.OneOf(",，;；。(（")
}
