import Foundation

/// Maps a request path to a file inside the served folder, or nil. Nothing outside the folder
/// is ever returned: `..` in any encoding, backslashes, NUL bytes, and symbolic links that lead
/// out are all refused (the server answers 404).
public struct SafePath: Sendable {
    public let root: URL
    /// The site's base path (`/` or `/atlas/`): requests outside it are not the site's.
    public let basePath: String

    public init(root: URL, basePath: String = "/") {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
        self.basePath = basePath
    }

    public func file(for requestPath: String) -> URL? {
        var path = requestPath
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        // Decode repeatedly so that double-encoded `%252e%252e` cannot slip through either.
        for _ in 0..<3 {
            guard let decoded = path.removingPercentEncoding else { return nil }
            if decoded == path { break }
            path = decoded
        }
        guard path.hasPrefix(basePath) || path + "/" == basePath, !path.contains("\\"), !path.contains("\0") else { return nil }
        let relative = path.count >= basePath.count ? String(path.dropFirst(basePath.count)) : ""
        let segments = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        var url = segments.reduce(root) { $0.appendingPathComponent(String($1)) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url = url.appendingPathComponent("index.html")
        }
        let resolved = url.resolvingSymlinksInPath()
        guard resolved.path.hasPrefix(root.path + "/"), FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory),
              !isDirectory.boolValue else { return nil }
        return resolved
    }

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "xml": "application/xml; charset=utf-8", "json": "application/json; charset=utf-8",
        "csv": "text/csv; charset=utf-8", "txt": "text/plain; charset=utf-8", "png": "image/png", "jpg": "image/jpeg",
        "woff2": "font/woff2", "wasm": "application/wasm", "pf_meta": "application/octet-stream",
    ]

    public static func contentType(for url: URL) -> String {
        types[url.pathExtension.lowercased()] ?? "application/octet-stream"
    }
}
