/// Rewrites a built page's internal links to relative ones that name files (`../../about/index.html`),
/// so the site also works opened straight from disk, where no server maps `about/` to its
/// `index.html`. Used by `atlas build --relative`; absolute URLs (canonical, feeds) are kept.
enum RelativeLinks {
    static func rewrite(_ file: OutputFile, basePath: String) -> OutputFile {
        guard file.path.hasSuffix(".html") else { return file }
        let depth = file.path.split(separator: "/").count - 1
        let up = String(repeating: "../", count: depth)
        let html = file.text
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = html[...]
        // A redirect's target too (Redirects.swift writes exactly this).
        let attributes = ["href=\"", "src=\"", "data-bundle=\"", "http-equiv=\"refresh\" content=\"0; url="]
        while let match = attributes.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            out += rest[..<match.upperBound]
            rest = rest[match.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let value = String(rest[..<end])
            // A folder the page's script loads from keeps its trailing slash.
            out += out.hasSuffix("data-bundle=\"") ? relativeFolder(value, basePath: basePath, up: up) : relative(value, basePath: basePath, up: up)
            rest = rest[end...]
        }
        out += rest
        return OutputFile(path: file.path, text: out)
    }

    static func relativeFolder(_ value: String, basePath: String, up: String) -> String {
        guard value.hasPrefix(basePath) else { return value }
        return up + value.dropFirst(basePath.count)
    }

    static func relative(_ value: String, basePath: String, up: String) -> String {
        guard value.hasPrefix(basePath), !value.hasPrefix("//") else { return value }
        var path = String(value.dropFirst(basePath.count))
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return up + path + fragment
    }
}
