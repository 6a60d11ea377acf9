/// Splits a Chinese body into paragraphs, bullet lists and short headings.
///
/// The exports flatten the article to one line, leaving a space where a paragraph ended (after
/// 。！？ and closing brackets) and a `·` before each bullet; spaces between two Han characters are
/// line-wrap residue from the original layout and are dropped.
enum ChineseBodyStructurer {
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "…", "」", "”", "】", "）", "!", "?"]

    /// Drops the line-wrap spaces between two Han characters, as `blocks` does.
    ///
    /// It runs for every claim's quote and every timeline summary, and most have no such space:
    /// a space that is dropped is followed by a Han character, so a text with no space followed
    /// by a Han scalar comes back unchanged without being split into characters.
    static func joinWrapped(_ text: String) -> String {
        guard hasSpaceBeforeHan(text) else { return text }
        // In the bytes when every scalar is a character of its own (`LoneScalars`): the same
        // test, a scalar at a time, without breaking the text into characters.
        var copy = text
        let joined = copy.withUTF8 { bytes -> String? in
            guard LoneScalars.only(bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var previousIsHan = false
            var i = 0
            while i < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                let isHan = Unicode.Scalar(value)?.isHan ?? false
                if value == 0x20, previousIsHan, i + 1 < bytes.count, UTF8Scalars.isHan(bytes, at: i + 1) {
                    previousIsHan = false
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                previousIsHan = isHan
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
        if let joined { return joined }
        let chars = Array(text)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c == " ", i > 0, i + 1 < chars.count, chars[i - 1].isHan, chars[i + 1].isHan { continue }
            out.append(c)
        }
        return out
    }

    /// Whether a space scalar is directly followed by a Han scalar anywhere in `text`.
    static func hasSpaceBeforeHan(_ text: String) -> Bool {
        // In the bytes: a space is one byte, and only the scalar after one is decoded, when it
        // is not ASCII (every claim row asks this of its quote).
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i + 1 < bytes.count {
                if bytes[i] == 0x20, bytes[i + 1] >= 0x80, UTF8Scalars.isHan(bytes, at: i + 1) { return true }
                i += 1
            }
            return false
        }
    }

    static func blocks(_ text: String) -> [BodyBlock] {
        let segments = segmentsInScalars(text) ?? segmentsInCharacters(text)
        var blocks: [BodyBlock] = []
        var bullets: [String] = []
        for (index, segment) in segments.enumerated() {
            if segment.hasPrefix("·") || segment.hasPrefix("•") {
                bullets.append(String(segment.dropFirst()).trimmingWhitespace)
                continue
            }
            if !bullets.isEmpty { blocks.append(.list(bullets)); bullets = [] }
            let isLast = index == segments.count - 1
            if !isLast, segment.count <= 30, let last = segment.last, !sentenceEnds.contains(last), last != "," && last != "，" {
                blocks.append(.heading(segment, level: 3))
            } else {
                blocks.append(.paragraph(segment))
            }
        }
        if !bullets.isEmpty { blocks.append(.list(bullets)) }
        return blocks
    }
}

extension ChineseBodyStructurer {
    /// The body cut where a paragraph or bullet ended, without the line-wrap spaces: a space
    /// after a sentence's end or before a bullet ends a segment; a space between two Han
    /// characters is dropped.
    static func segmentsInCharacters(_ text: String) -> [String] {
        var segments: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            if c == " " {
                let before = i > 0 ? chars[i - 1] : " "
                let after = i + 1 < chars.count ? chars[i + 1] : " "
                if sentenceEnds.contains(before) || after == "·" || after == "•" {
                    if !current.trimmingWhitespace.isEmpty { segments.append(current.trimmingWhitespace) }
                    current = ""
                    continue
                }
                if before.isHan && after.isHan { continue }
            }
            current.append(c)
        }
        if !current.trimmingWhitespace.isEmpty { segments.append(current.trimmingWhitespace) }
        return segments
    }

    /// `segmentsInCharacters` on scalars, for a text whose scalars are each a character
    /// (`LoneScalars`): every body of the Chinese dumps. Making each body an array of characters
    /// and appending them one by one was 2% of a warm build. None of the marks compared with is
    /// canonically equal to another lone scalar, so comparing scalars is comparing characters.
    static func segmentsInScalars(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard LoneScalars.only(bytes) else { return nil }
            var values: [UInt32] = [], starts: [Int] = []
            values.reserveCapacity(bytes.count)
            starts.reserveCapacity(bytes.count + 1)
            var offset = 0
            while offset < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: offset)
                values.append(value)
                starts.append(offset)
                offset += length
            }
            starts.append(bytes.count)
            func isHan(_ value: UInt32) -> Bool { Unicode.Scalar(value)?.isHan ?? false }
            var segments: [String] = []
            var current: [UInt8] = []
            func flush() {
                let segment = String(decoding: current, as: UTF8.self).trimmingWhitespace
                if !segment.isEmpty { segments.append(segment) }
                current.removeAll(keepingCapacity: true)
            }
            for i in values.indices {
                if values[i] == 0x20 {
                    let before = i > 0 ? values[i - 1] : 0x20
                    let after = i + 1 < values.count ? values[i + 1] : 0x20
                    if sentenceEndScalars.contains(before) || after == 0xB7 || after == 0x2022 {
                        flush()
                        continue
                    }
                    if isHan(before) && isHan(after) { continue }
                }
                current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[starts[i]..<starts[i + 1]]))
            }
            flush()
            return segments
        }
    }

    /// `sentenceEnds`, each one scalar.
    static let sentenceEndScalars: Set<UInt32> = Set(sentenceEnds.compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first!.value : nil })
}

extension Character {
    var isHan: Bool { unicodeScalars.first?.isHan ?? false }
}
