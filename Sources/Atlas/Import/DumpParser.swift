/// One article triplet as it stands in a dump, before merging and structuring.
public struct DumpEntry: Hashable, Sendable {
    public var title: String
    public var source: String
    public var time: LocalDateTime
    public var body: String
    /// Where the title line is, for diagnostics and for tests that count against the files.
    public var location: SourceLocation
    /// Where the date and time stand on the source line, for problems found later (a time the
    /// configured zone skips).
    public var timeLocation: SourceLocation
    /// The body line's number (blank lines may stand between the three lines of a triplet).
    public var bodyLine: Int = 0
}

/// A parsed "search documents" export: its topic and its article triplets.
public struct Dump: Hashable, Sendable {
    public var path: String
    public var topic: String
    public var entries: [DumpEntry]
}

/// Reads the "search documents" export format.
///
/// Works on non-blank lines only (the exports put blank lines anywhere) and recovers after a
/// broken triplet by skipping to the next source line, so one bad article does not hide the
/// problems in the rest of the file.
public enum DumpParser {
    /// Header lines some exports put before the topic; they carry no meaning for the site.
    static let decorationLines: Set<String> = ["workflow", "icon"]

    /// The longest body line read, in UTF-8 bytes. Real digests are a few kilobytes; a line of
    /// megabytes is several exports run together, or not text, and would only stall the build.
    public static let maxBodyBytes = 1_000_000

    public static func parse(_ file: TextFile, log: inout DiagnosticLog) -> Dump? {
        let errorsBefore = log.errorCount
        var lines: [(number: Int, text: Substring)] = []
        var marker: Int?
        var header: [(number: Int, text: String)] = []
        for (offset, raw) in file.lines.enumerated() {
            let trimmed = raw.trimmingWhitespace
            guard !trimmed.isEmpty else { continue }
            if marker == nil {
                if trimmed.lowercased() == "search documents" { marker = offset + 1 } else { header.append((offset + 1, trimmed)) }
            } else {
                lines.append((offset + 1, raw))
            }
        }
        func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
            SourceLocation(file: file.path, line: line, column: column)
        }
        guard marker != nil else {
            log.error("not a search-documents dump: no `Search documents` line", at: at(1),
                      hint: "a dump starts with its topic name, then a line `Search documents`, then title / source / body triplets")
            return nil
        }
        let topics = header.filter { !decorationLines.contains($0.text.lowercased()) }
        guard let topic = topics.first else {
            log.error("the dump names no topic before `Search documents`", at: at(marker!),
                      hint: "put the topic name (for example 稀土供应链) on the first line")
            return nil
        }
        for extra in topics.dropFirst() {
            log.warning("extra header line `\(extra.text)` ignored; the topic is `\(topic.text)`", at: at(extra.number))
        }

        var entries: [DumpEntry] = []
        var i = 0
        func isSource(_ k: Int) -> Bool { k < lines.count && SourceLine.looksLikeSourceLine(lines[k].text) }
        while i < lines.count {
            let title = lines[i]
            guard i + 1 < lines.count else {
                log.error("the title `\(title.text.trimmingWhitespace.prefix(60))` has no source line and no body", at: at(title.number),
                          hint: "follow every title with a line `SOURCE· YYYY-MM-DD HH:MM` and a body line, or delete it")
                break
            }
            let sourceLine = lines[i + 1]
            var parsed: SourceLine?
            switch SourceLine.parse(sourceLine.text) {
            case .success(let value):
                parsed = value
            case .failure(.notASourceLine):
                log.error("expected a source line `SOURCE· YYYY-MM-DD HH:MM` after the title on line \(title.number)", at: at(sourceLine.number),
                          hint: "add the source and publication time under the title, for example `Sou Hu Cai Jing· 2025-08-18 13:30`")
                // Resynchronise on the next source line: the line before it is the next title.
                var next = i + 2
                while next < lines.count, !isSource(next) { next += 1 }
                guard next < lines.count else { i = lines.count; continue }
                i = max(next - 1, i + 1)
                continue
            case .failure(.malformed(let message, let column)), .failure(.impossibleDate(let message, let column)):
                log.error(message, at: at(sourceLine.number, column),
                          hint: "write the source line as `SOURCE· YYYY-MM-DD HH:MM` with a real date and a 24-hour time 00:00–23:59")
            }
            // A missing body shows as the next title sitting where the body should be, followed by
            // its source line and then a line that is not one (a title may itself end in a date).
            guard i + 2 < lines.count, !(isSource(i + 3) && !isSource(i + 4)) else {
                log.error("the article `\(title.text.trimmingWhitespace.prefix(60))` has no body line, or the article after it has no title",
                          at: at(sourceLine.number),
                          hint: "every article is three lines: title, `SOURCE· YYYY-MM-DD HH:MM`, body; add the missing line")
                i += 2
                continue
            }
            let body = lines[i + 2]
            if body.text.utf8.count > maxBodyBytes {
                log.error("the body of `\(title.text.trimmingWhitespace.prefix(60))` is \(body.text.utf8.count / 1_000) kB; articles are read up to \(maxBodyBytes / 1_000) kB",
                          at: at(body.number), hint: "check the export: a line this long is usually several articles run together; split it into title / source / body triplets")
                i += 3
                continue
            }
            if let parsed {
                entries.append(DumpEntry(
                    title: title.text.trimmingWhitespace, source: parsed.source, time: parsed.time,
                    body: body.text.trimmingWhitespace, location: at(title.number), timeLocation: at(sourceLine.number, parsed.column),
                    bodyLine: at(body.number).line))
            }
            i += 3
        }
        if entries.isEmpty && log.errorCount == errorsBefore {
            log.warning("the dump contains no articles", at: at(marker!))
        }
        return Dump(path: file.path, topic: topic.text, entries: entries)
    }
}
