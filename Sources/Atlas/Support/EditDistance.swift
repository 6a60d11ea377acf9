/// Suggests what an editor most likely meant ("did you mean"), for unknown keys, names and links.
/// Only close matches are offered: a suggestion that is not what the editor meant (`author` →
/// `date`) sends them looking in the wrong place, which is worse than none.
enum EditDistance {
    /// Edits (insert, delete, replace, swap of neighbours) that turn `a` into `b`: a swap counts
    /// once, since `titel` for `title` is one slip, not two.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var before = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            before = previous
            previous = current
        }
        return previous[b.count]
    }

    /// The most edits a suggestion may be away: about one in three characters of the longer
    /// word, at least one. Case is ignored (`Reserves` is `reserves`).
    static func limit(_ a: String, _ b: String) -> Int { max(1, max(a.count, b.count) / 3) }

    static func nearest(_ key: String, in candidates: [String]) -> String? {
        let scored = candidates.map { (distance(key.lowercased(), $0.lowercased()), $0) }.filter { $0.0 <= limit(key, $0.1) }
        return scored.min { ($0.0, $0.1) < ($1.0, $1.1) }?.1
    }
}
