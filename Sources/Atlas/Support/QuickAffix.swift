/// `hasPrefix` and `hasSuffix` decided from the bytes when that gives the standard library's
/// answer, which compares characters (walking a suffix backwards through both strings): the
/// rules ask it of every figure's neighbouring words, and it was a twentieth of extracting a
/// dense corpus.
///
/// The bytes decide when every scalar compared, and the one just outside the compared part, is
/// one of `LoneScalars` (ASCII but the carriage return, Latin, Han, CJK and general
/// punctuation): such scalars are characters of their own, none is canonically equivalent to
/// another, so the characters are equal exactly when the bytes are. Anything else (a combining
/// mark, a carriage return before a line feed, another script) goes to the standard library.
extension StringProtocol {
    func quickHasSuffix(_ suffix: String) -> Bool {
        let decided = utf8.withContiguousStorageIfAvailable { text in
            suffix.utf8.withContiguousStorageIfAvailable { word in QuickAffix.suffix(text, word) } ?? nil
        } ?? nil
        return decided ?? hasSuffix(suffix)
    }

    func quickHasPrefix(_ prefix: String) -> Bool {
        let decided = utf8.withContiguousStorageIfAvailable { text in
            prefix.utf8.withContiguousStorageIfAvailable { word in QuickAffix.prefix(text, word) } ?? nil
        } ?? nil
        return decided ?? hasPrefix(prefix)
    }
}

enum QuickAffix {
    /// Nil when the bytes cannot decide.
    static func suffix(_ text: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool? {
        // Most words asked about are not there, and most end in ASCII: a last character ending
        // in one ASCII scalar is not equivalent to one ending in another (no decomposition puts
        // anything after an ASCII scalar, and none is composed with what precedes it).
        if let last = text.last, let wordLast = word.last, last < 0x80, wordLast < 0x80, last != wordLast { return false }
        guard LoneScalars.only(word) else { return nil }
        // A text shorter than the word (a figure's next two characters, asked for "以上"): when
        // both are lone scalars, characters are bytes, and it cannot end with the word.
        guard word.count <= text.count else { return LoneScalars.only(text) ? false : nil }
        let start = text.count - word.count
        if start < text.count, isContinuation(text[start]) {
            // The word's bytes would start inside one of the text's scalars (an English word
            // asked of Chinese text): when the text from that scalar on is lone scalars, its
            // characters are those scalars, none of which starts where the word would.
            var lead = start
            while lead > 0, isContinuation(text[lead]) { lead -= 1 }
            return LoneScalars.only(UnsafeBufferPointer(rebasing: text[lead...])) ? false : nil
        }
        var before = start
        if before > 0 { before -= 1; while before > 0, isContinuation(text[before]) { before -= 1 } }
        guard LoneScalars.only(UnsafeBufferPointer(rebasing: text[before...])) else { return nil }
        return text[start...].elementsEqual(word)
    }

    static func prefix(_ text: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool? {
        // As in `suffix`: a first character starting with one ASCII scalar is not equivalent to
        // one starting with another (its decomposition starts with that scalar).
        if let first = text.first, let wordFirst = word.first, first < 0x80, wordFirst < 0x80, first != wordFirst { return false }
        guard LoneScalars.only(word) else { return nil }
        guard word.count <= text.count else { return LoneScalars.only(text) ? false : nil }
        let end = word.count
        if end < text.count, isContinuation(text[end]) {
            // As in `suffix`: the word's bytes would end inside one of the text's scalars.
            var next = end
            while next < text.count, isContinuation(text[next]) { next += 1 }
            return LoneScalars.only(UnsafeBufferPointer(rebasing: text[..<next])) ? false : nil
        }
        var after = end
        if after < text.count { after += 1; while after < text.count, isContinuation(text[after]) { after += 1 } }
        guard LoneScalars.only(UnsafeBufferPointer(rebasing: text[..<after])) else { return nil }
        return text[..<end].elementsEqual(word)
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
