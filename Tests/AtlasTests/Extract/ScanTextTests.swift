import Testing
@testable import Atlas

/// The integer keys must answer exactly as comparing characters would.
@Suite struct ScanTextTests {
    static let combiningAcute = "\u{301}"

    @Test func keysMatchWhatCharactersMatch() {
        let text = ScanText("China's 稀土 share, Café")
        #expect(text.matches("稀土", at: 8))
        #expect(text.matches("China", at: 0))
        #expect(!text.matches("china", at: 0))
        #expect(!text.matches("Café!", at: 20))
        #expect(!text.matches("x", at: -1))
    }

    @Test func aLetterWithACombiningMarkIsOneCharacterThatNoRuleWordMatches() {
        let text = ScanText("Cafe" + Self.combiningAcute + " 90%")
        #expect(text.count == 8)
        #expect(text.keys[3] == ScanText.composite)
        #expect(!text.matches("Cafe", at: 0))
        #expect(FigureScanner.scan(text).map(\.range) == [5..<8])
    }

    @Test func lowercasingKeepsOffsets() {
        let text = ScanText("İN 2025 MAY 稀土")
        let lower = text.lowercased()
        #expect(lower.count == text.count)
        #expect(lower.matches("may", at: 8))
        #expect(lower.matches("稀土", at: 12))
    }

    @Test func keysAndBytesAreThoseOfEachCharacter() {
        let string = "a\r\nÉ稀𠀀🇨🇳e" + Self.combiningAcute + "!"
        let text = ScanText(string)
        let characters = Array(string)
        #expect(text.keys == characters.map(ScanText.key))
        #expect(text.utf8 == Array(string.utf8))
        #expect((0..<text.count).map { text.string($0..<($0 + 1)) } == characters.map(String.init))
        #expect(ScanText(characters).keys == text.keys && ScanText(characters).offsets == text.offsets)
    }

    /// The fast path (every scalar a character) must give what breaking into characters gives.
    @Test func aTextOfLoneScalarsIsScannedAsItsCharacters() {
        for string in ["China's 稀土 share — “quoted” ５０％, 30–40%…", "稀土。“中国”《报告》、ａｂ", "Café ©® ‼ ¼ ǅ", "", "\n\t"] {
            let fast = ScanText.oneScalarEach(Array(string.utf8))
            #expect(fast != nil, "\(string)")
            let general = ScanText(Array(string))
            #expect(fast?.characters == general.characters && fast?.keys == general.keys)
            #expect(fast?.utf8 == general.utf8 && fast?.offsets == general.offsets)
        }
        for string in ["a\r\nb", "e" + Self.combiningAcute, "🇨🇳", "👩‍🔬", "한국", "𠀀", "か\u{3099}"] {
            #expect(ScanText.oneScalarEach(Array(string.utf8)) == nil, "\(string)")
            #expect(ScanText(string).characters == Array(string))
        }
    }

    /// Runs of ASCII (read eight bytes at a time) around CRs, Han and other scalars scan as the
    /// characters do, or are turned over to the general path when a CR is among them.
    @Test func asciiRunsScanAsTheirCharacters() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Rare earth prices ", "rose 12.5% in 2025", "a", "\r", "\n", "\r\n", "稀土", "—", "é", "e" + Self.combiningAcute, "\t", "0123456789"]
        for _ in 0..<500 {
            let string = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let general = ScanText(Array(string))
            let fast = ScanText.oneScalarEach(Array(string.utf8))
            #expect((fast == nil) == string.unicodeScalars.contains { !LoneScalars.contains($0.value) }, "\(string.unicodeScalars.map(\.value))")
            let scanned = ScanText(string)
            #expect(scanned.keys == general.keys && scanned.utf8 == general.utf8 && scanned.offsets == general.offsets, "\(string.unicodeScalars.map(\.value))")
        }
    }

    @Test func lowercasingMatchesLoweringEachCharacter() {
        let text = ScanText("İN Café 2025 MAY 稀土 ÀB")
        let lower = text.lowercased()
        let expected = ScanText(zip(text.characters, text.keys).map { character, key -> Character in
            if key < 0x80 { return Character(character.lowercased()) }
            let lower = character.lowercased()
            return lower.count == 1 ? Character(lower) : character
        })
        #expect(lower.characters == expected.characters && lower.keys == expected.keys)
        #expect(lower.utf8 == expected.utf8 && lower.offsets == expected.offsets)
    }

    /// What the lower case's fast path passes over unchanged lowercases to itself.
    @Test func caselessCharactersLowercaseToThemselves() {
        var checked = 0
        for value in UInt32(0x80)...0xFFFF where ScanText.isCaseless(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            checked += 1
            #expect(scalar.properties.lowercaseMapping == String(scalar) && Character(scalar).lowercased() == String(scalar), "U+\(String(value, radix: 16))")
        }
        #expect(checked > 20_000)
    }

    /// A text of ASCII and caseless characters (nearly every body: the fast path) lowercases as
    /// character by character, and its slices as each slice does.
    @Test func aTextOfASCIIAndCaselessCharactersLowercasesAsItsCharacters() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["CHINA ", "Rare Earths", "稀土", "，", "。", "—", "“", "”", "（", "）", "·", "\t", "\n", "70%", "¥", "\r", "MP Materials'"]
        for _ in 0..<200 {
            let string = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = ScanText(string)
            let lower = text.lowercased()
            let expected = ScanText(text.characters.map { Character($0.lowercased()) })
            #expect(lower.keys == expected.keys && lower.utf8 == expected.utf8 && lower.offsets == expected.offsets, "\(string)")
            let sliced = text.withLowerCase()
            for _ in 0..<10 {
                let a = Int.random(in: 0...text.count, using: &generator), b = Int.random(in: 0...text.count, using: &generator)
                #expect(sliced.lower(min(a, b)..<max(a, b)) == text.string(min(a, b)..<max(a, b)).lowercased(), "\(string)")
            }
        }
    }

    /// The rules' windows are sliced from one lower case of the body: every slice must be what
    /// lowercasing the slice itself gives, whatever the script (İ lowercases to two scalars, a
    /// final Σ to σ, a letter with a combining mark keeps it).
    @Test func aSliceOfTheLowerCaseIsTheSliceLowercased() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["İ", "Σ", "ΟΔΟΣ ", "ẞ", "ǅ", "ﬃ", "Cafe" + Self.combiningAcute, "CHINA ", "稀土", "，", "。", "５０％", "🇨🇳", "a\r\nB", " 90%", "Ⅻ", "Ａ", "𐐀"]
        for _ in 0..<200 {
            let string = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = ScanText(string).withLowerCase()
            #expect(text.keys == ScanText(string).keys && text.offsets == ScanText(string).offsets)
            for _ in 0..<20 {
                let a = Int.random(in: -2...(text.count + 2), using: &generator), b = Int.random(in: -2...(text.count + 2), using: &generator)
                let range = min(a, b)..<max(a, b)
                #expect(text.lower(range) == text.string(range).lowercased(), "\(string) \(range)")
                #expect(ScanText(string).lower(range) == text.lower(range))
            }
        }
    }

    /// A set of characters tested by key answers as `String.contains(Character)` does, also for
    /// what equals a set's character spelled otherwise: the Greek question mark is `;`, a
    /// compatibility ideograph is its unified twin, `;` with a combining mark is neither.
    @Test func oneOfASetAnswersAsTheCharactersDo() {
        let sets = [",，;；:：()（）", "全球世界总产量", "日号", ")）"].map(ScanText.OneOf.init)
        let pieces = [",", "，", ";", "\u{37E}", "；", ":", "(", "）", "全", "\u{F900}", "\u{F9F0}", "號", "日", "号", ";" + Self.combiningAcute, "a", " ", "🇨🇳", "\r\n", "Å", "\u{212B}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = ScanText((0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            for set in sets {
                for i in 0..<text.count {
                    #expect(text.isOne(of: set, at: i) == set.characters.contains(text[i]), "\(text[i]) in \(set.characters)")
                }
            }
        }
    }

    /// A word matched by its bytes is matched as by its scalars against the text's keys: not
    /// where a character of the text is the word's letter with a mark, or CR LF.
    @Test func aWordMatchedByBytesIsMatchedByKeys() {
        func byKeys(_ text: ScanText, _ word: String, at i: Int) -> Bool {
            guard i >= 0 else { return false }
            var k = i
            for scalar in word.unicodeScalars {
                guard k < text.count, text.keys[k] == scalar.value else { return false }
                k += 1
            }
            return true
        }
        let pieces = ["e", Self.combiningAcute, "é", "\r", "\n", "\r\n", " ", "to", "万吨", "吨", "%", "🇨🇳", "t"]
        let words = ["e", "é", " to ", "to", "万吨", "吨", "\r", "\n", "t", "", "e" + Self.combiningAcute, "🇨🇳", " "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = ScanText((0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            for word in words {
                for i in -1...(text.count + 1) {
                    #expect(text.matches(word, at: i) == byKeys(text, word, at: i), "\(word) at \(i)")
                }
            }
        }
    }

    /// On random text: the fast path gives what breaking into characters gives, or declines; a
    /// quote found by keys is found where `Character`s find it, and two texts are the same by
    /// keys exactly when their characters are, with canonical twins and marks mixed in.
    @Test func keysFindAndCompareAsCharactersDo() {
        let pieces = ["稀土", "，", "a", "b", " ", "é", "e", Self.combiningAcute, "\u{37E}", ";", "\u{F900}", "豈", "\r\n", "🇨🇳", "５", "—"]
        var generator = SystemRandomNumberGenerator()
        func random(_ most: Int) -> String { (0..<Int.random(in: 0...most, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() }
        for _ in 0..<1_000 {
            let string = random(14), quote = random(3)
            let text = ScanText(string), needle = ScanText(quote)
            if let fast = ScanText.oneScalarEach(Array(string.utf8)) {
                #expect(fast.keys == ScanText(Array(string)).keys && fast.offsets == ScanText(Array(string)).offsets, "\(string)")
            }
            #expect(text.firstIndex(of: needle) == ClaimLedger.firstIndex(of: Array(quote), in: text), "\(quote) in \(string)")
            let other = random(3)
            #expect(needle.sameCharacters(as: ScanText(other)) == (Array(quote) == Array(other)), "\(quote) vs \(other)")
        }
    }

    @Test func caseFoldedMatchingFoldsOnlyTheText() {
        let text = ScanText("Two-Thirds of 稀土")
        #expect(text.matchesIgnoringCase(ScanText.Word("two-thirds"), at: 0))
        #expect(!text.matchesIgnoringCase(ScanText.Word("Two"), at: 0))
        #expect(!text.matchesIgnoringCase(ScanText.Word("稀土x"), at: 14))
    }

    @Test func aWordTableOffersTheWordsStartingWithAKeyInListOrder() {
        let table = WordTable([("may", 5), ("march", 3), ("june", 6), ("稀土", 0), ("mar.", 3)])
        #expect(table.candidates(startingWith: ScanText.key("m")).map(\.spelling) == ["may", "march", "mar."])
        #expect(table.candidates(startingWith: ScanText.key("稀")).map(\.value) == [0])
        #expect(table.candidates(startingWith: ScanText.key("x")).isEmpty)
    }

    /// The scans pass the rest of an English word at once: only an ASCII letter after an ASCII
    /// letter is inside one (not after Han, an accented letter or a digit), and the run ends at
    /// the first character that is not an ASCII letter.
    @Test func theInsideOfAnASCIIWordIsPassedToItsEnd() {
        let text = ScanText("Rare中国rare éa G7 two-thirds Zz")
        let inside = (0..<text.count).filter(text.isInsideASCIIWord)
        #expect(inside.map { text[$0] } == Array("arearewohirdsz"))
        #expect(text.endOfASCIILetters(from: 1) == 4)
        #expect(text.endOfASCIILetters(from: 6) == 10)
        #expect(text.endOfASCIILetters(from: 17) == 20)     // "two", then "-"
        #expect(text.endOfASCIILetters(from: text.count - 1) == text.count)
        #expect(text.endOfASCIILetters(from: text.count) == text.count)
    }

    /// The three-character filter never turns away a place where a word matches, ignoring case,
    /// and turns away places where none can; a table with a word it cannot spell lets all through.
    @Test func aWordTableRulesOutPlacesByTheirFirstThreeCharacters() {
        let words = ["two-thirds", "half", "a third", "three quarters", "o'clock"]
        let table = WordTable(words.map { ($0, 0) })
        let text = ScanText("The Two-Thirds of half, A THIRD; three quarters at two O'Clock. Tw")
        for i in 0..<text.count {
            let matches = words.contains { text.matchesIgnoringCase(ScanText.Word($0), at: i) }
            if matches { #expect(table.mayOpenIgnoringCase(text, at: i), "\(i)") }
        }
        #expect(!table.mayOpenIgnoringCase(text, at: 0))   // "The"
        #expect(table.mayOpenIgnoringCase(text, at: 4))    // "Two-Thirds"
        #expect(!table.mayOpenIgnoringCase(text, at: text.count - 2))   // too short
        // A word it cannot spell lets every place with its first key through, and only those.
        let mixed = WordTable([("th%", 0), ("half", 1), ("镧", 2)])
        #expect(mixed.mayOpenIgnoringCase(text, at: 0))
        #expect(!mixed.mayOpenIgnoringCase(text, at: 15))   // "of"
        #expect(mixed.mayOpenIgnoringCase(ScanText("镧系"), at: 0))
        #expect(!mixed.mayOpenIgnoringCase(ScanText("铈"), at: 0))
    }
}

extension ScanText {
    /// The characters as an array, to compare with what breaking the string gives.
    var characters: [Character] { Array(self) }
}
