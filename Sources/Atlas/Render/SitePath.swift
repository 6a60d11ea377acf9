/// Site paths (`articles/x/`, `data/claims.json`) read on their bytes: every page's layout asks
/// how deep it is, and splitting the path into an array of parts for that was most of the cost.
enum SitePath {
    /// How many non-empty `/`-separated parts `path` has; without `countingFiles`, parts ending
    /// in `.html` (a page's file, not a folder) are not counted.
    static func depth(_ path: String, countingFiles: Bool = true) -> Int {
        var path = path
        return path.withUTF8 { bytes in
            var count = 0
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                defer { start = end + 1 }
                guard end > start else { continue }
                if !countingFiles, end - start >= 5, UnsafeBufferPointer(rebasing: bytes[(end - 5)..<end]).elementsEqual(".html".utf8) { continue }
                count += 1
            }
            return count
        }
    }
}
