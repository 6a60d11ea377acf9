/// An old address of a page (`aliases:` in front matter, or a slug the URL map remembers): the
/// site writes a redirect there, so a published URL keeps working after a page moves.
public struct Alias: Hashable, Sendable {
    /// Site path without the leading slash, ending in `/` (`articles/old-name/`).
    public var path: String
    public var location: SourceLocation

    /// Why an alias cannot be used, in words for the editor.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// The site path an editor's `/articles/old-name/` (or `articles/old-name`) stands for, or
    /// why it cannot be one: an alias is written as a folder, so it must stay inside the site.
    public static func normalise(_ raw: String) -> Result<String, Problem> {
        let text = raw.trimmingWhitespace
        if text.contains("://") || text.hasPrefix("//") { return .failure(Problem("it is not a path of this site; write it as /section/name/")) }
        if text.contains("?") || text.contains("#") { return .failure(Problem("a redirect page cannot have a query or an anchor")) }
        let segments = text.split(separator: "/", omittingEmptySubsequences: true)
        if segments.isEmpty { return .failure(Problem("it is the home page")) }
        for segment in segments {
            if segment == "." || segment == ".." { return .failure(Problem("it would leave the site's folder")) }
            let allowed = segment.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
            }
            if !allowed { return .failure(Problem("`\(segment)` has characters other than letters, digits, `-`, `_` and `.`")) }
        }
        if segments.last!.hasSuffix(".html") { return .failure(Problem("write the folder (/articles/old-name/), not a file")) }
        return .success(segments.joined(separator: "/") + "/")
    }
}
