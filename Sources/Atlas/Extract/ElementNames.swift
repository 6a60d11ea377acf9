/// The seventeen rare earths by name. A site need not register every element as an entity, but
/// "Laos's lanthanum imports" is about lanthanum whatever `entities.yml` lists: without this, a
/// figure about an unregistered element would be read as one about all rare earths.
enum ElementNames {
    static let names: [(spelling: String, id: String)] = [
        ("lanthanum", "lanthanum"), ("镧", "lanthanum"), ("cerium", "cerium"), ("铈", "cerium"),
        ("praseodymium", "praseodymium"), ("镨", "praseodymium"), ("neodymium", "neodymium"), ("钕", "neodymium"),
        ("promethium", "promethium"), ("钷", "promethium"), ("samarium", "samarium"), ("钐", "samarium"),
        ("europium", "europium"), ("铕", "europium"), ("gadolinium", "gadolinium"), ("钆", "gadolinium"),
        ("terbium", "terbium"), ("铽", "terbium"), ("dysprosium", "dysprosium"), ("镝", "dysprosium"),
        ("holmium", "holmium"), ("钬", "holmium"), ("erbium", "erbium"), ("铒", "erbium"),
        ("thulium", "thulium"), ("铥", "thulium"), ("ytterbium", "ytterbium"), ("镱", "ytterbium"),
        ("lutetium", "lutetium"), ("镥", "lutetium"), ("scandium", "scandium"), ("钪", "scandium"),
        ("yttrium", "yttrium"), ("钇", "yttrium"),
    ]
    /// The names by first character: most positions start no name and are passed at one lookup.
    static let table = WordTable(names.map { ($0.spelling, $0.id) })

    static let seriesSuffix = ScanText.Word("系")

    /// The registered mentions, and a mention for each element name no registered mention
    /// covers, in text order. "镧系" is the lanthanide series, not lanthanum.
    static func mentions(in text: ScanText, registered: [EntityMatcher.Mention]) -> [EntityMatcher.Mention] {
        var found = registered
        let table = table
        var i = 0
        while i < text.count {
            if text.isInsideASCIIWord(i) { i = text.endOfASCIILetters(from: i); continue }
            let key = text.keys[i] >= 0x41 && text.keys[i] <= 0x5A ? text.keys[i] + 0x20 : text.keys[i]
            guard table.firstKeys.contains(key) else { i += 1; continue }
            // Every name with an ASCII first letter is English and must start a word: inside a
            // word none can match, and the names are not fetched.
            if text.continuesWord(i) || !table.mayOpenIgnoringCase(text, at: i) { i += 1; continue }
            var matched: WordTable<String>.Entry?
            for name in table.candidates(startingWith: key) where text.matchesIgnoringCase(name.word, at: i) {
                let end = i + name.word.count
                let isHan = name.word.count == 1
                if isHan ? text.matches(seriesSuffix, at: end) : (i > 0 && text.isLetter(i - 1)) || (end < text.count && text.isLetter(end)) { continue }
                matched = name
                break
            }
            guard let name = matched else { i += 1; continue }
            let range = i..<(i + name.word.count)
            if !registered.contains(where: { $0.range.overlaps(range) }) {
                found.append(EntityMatcher.Mention(entity: name.value, range: range, spelling: text.string(range)))
            }
            i = range.upperBound
        }
        return found.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }
}
