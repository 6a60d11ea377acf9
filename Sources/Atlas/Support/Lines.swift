extension StringProtocol {
    /// `split(separator: "\n", omittingEmptySubsequences: false)`, found in the bytes: a line
    /// feed not after a carriage return is always a character of its own, so these are the same
    /// lines, without breaking a 20 MB dump into characters. A text with a carriage return (where
    /// `\r\n` is one character and splits nowhere) is split by characters, as before.
    func lines() -> [SubSequence] {
        let found: [Int]?? = utf8.withContiguousStorageIfAvailable { bytes -> [Int]? in
            var feeds: [Int] = []
            for index in bytes.indices {
                if bytes[index] == 0x0A { feeds.append(index) } else if bytes[index] == 0x0D { return nil }
            }
            return feeds
        }
        guard let feeds = found ?? nil else { return split(separator: "\n", omittingEmptySubsequences: false) }
        var lines: [SubSequence] = []
        lines.reserveCapacity(feeds.count + 1)
        var start = startIndex
        for offset in feeds {
            let feed = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(self[start..<feed])
            start = utf8.index(after: feed)
        }
        lines.append(self[start...])
        return lines
    }
}
