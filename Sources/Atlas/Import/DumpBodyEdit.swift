/// The edit an editor makes most in a dump: one article's body line, nothing else.
///
/// `atlas serve` shows such an edit's page before it rebuilds the site (`BodyEditPreview`), and
/// needs to know, without parsing a dump of thousands of articles again, that the new text is the
/// old one with a single body line changed. The answer must be the one `DumpParser` would give:
/// the change lies within one line in both texts (no line added or removed), that line is the
/// body line of an entry, and it stays a line the parser reads as a body (not blank, not
/// mistakable for a source line, not over the size limit). Anything else is `nil`, and the edit
/// waits for the rebuild.
public struct DumpBodyEdit: Equatable, Sendable {
    /// The entry's index in the dump.
    public var entry: Int
    /// The new body, trimmed as `DumpParser` trims it.
    public var body: String

    public static func find(old: String, new: String, in dump: Dump) -> DumpBodyEdit? {
        var (old, new) = (old, new)
        guard let changed = old.withUTF8({ o in new.withUTF8 { n in changedLine(o, n) } }),
              let entry = dump.entries.firstIndex(where: { $0.bodyLine == changed.line }) else { return nil }
        let body = changed.new.trimmingWhitespace
        guard !body.isEmpty, body.utf8.count <= DumpParser.maxBodyBytes,
              !SourceLine.looksLikeSourceLine(Substring(changed.new)), !SourceLine.looksLikeSourceLine(Substring(changed.old)) else { return nil }
        return DumpBodyEdit(entry: entry, body: body)
    }

    /// The number, old and new text of the one line the change lies in, when it lies in one line.
    /// Lines end at `\n` as `TextFile.lines` splits them; a carriage return anywhere near the
    /// change is refused (`\r\n` is one `Character`, which that split does not cut).
    static func changedLine(_ o: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> (line: Int, old: String, new: String)? {
        let newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
        let shorter = min(o.count, n.count)
        var prefix = 0
        while prefix < shorter, o[prefix] == n[prefix] { prefix += 1 }
        guard prefix < o.count || prefix < n.count else { return nil }
        var suffix = 0
        while suffix < shorter - prefix, o[o.count - 1 - suffix] == n[n.count - 1 - suffix] { suffix += 1 }
        // The line's start is the same in both texts (the prefix is shared).
        var start = prefix
        while start > 0, o[start - 1] != newline { start -= 1 }
        var oldEnd = prefix, newEnd = prefix
        while oldEnd < o.count, o[oldEnd] != newline { oldEnd += 1 }
        while newEnd < n.count, n[newEnd] != newline { newEnd += 1 }
        // One line in both: the changed bytes end before the line does.
        guard o.count - suffix <= oldEnd, n.count - suffix <= newEnd,
              !o[start..<oldEnd].contains(carriageReturn), !n[start..<newEnd].contains(carriageReturn),
              start < 2 || o[start - 2] != carriageReturn else { return nil }
        var line = 1
        for index in 0..<start where o[index] == newline { line += 1 }
        return (line, String(decoding: UnsafeBufferPointer(rebasing: o[start..<oldEnd]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: n[start..<newEnd]), as: UTF8.self))
    }
}
