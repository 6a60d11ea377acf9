import Foundation

/// Checks the internal links of rendered pages in memory: every `href`/`src` inside the site must
/// name a file that exists (a folder means its `index.html`) and every `#fragment` an `id` on
/// that page. Problems are reported at the content file the link came from when it can be
/// found there, else at the rendered page.
public enum LinkChecker {
    public struct Problem: Sendable {
        public var page: String
        public var href: String
        public var reason: String
    }

    public static func problems(in files: [OutputFile], basePath: String) -> [Problem] {
        var pages: [String: String] = [:]
        var paths = Set<String>()
        for file in files {
            paths.insert(file.path)
            if file.path.hasSuffix(".html") { pages[file.path] = file.text }
        }
        var ids: [String: Set<String>] = [:]
        func idsOf(_ path: String) -> Set<String> {
            if let known = ids[path] { return known }
            let found = anchors(in: pages[path] ?? "")
            ids[path] = found
            return found
        }
        var problems: [Problem] = []
        for (page, html) in pages.sorted(by: { $0.key < $1.key }) {
            for match in html.matches(of: /(?:href|src)="([^"]*)"/) {
                let raw = String(match.1).replacingOccurrences(of: "&amp;", with: "&")
                // An identity link still in the page was not resolved at build time.
                if raw.hasPrefix("@/") {
                    problems.append(Problem(page: page, href: raw, reason: "is an identity link that names no page"))
                    continue
                }
                if let reason = problem(href: raw, on: page, basePath: basePath, paths: paths, ids: idsOf) {
                    problems.append(Problem(page: page, href: raw, reason: reason))
                }
            }
        }
        return problems
    }

    /// The `id`s of a rendered page: what a `#fragment` may name.
    static func anchors(in html: String) -> Set<String> {
        Set(html.matches(of: /\sid="([^"]*)"/).map { String($0.1) })
    }

    /// Why the link `href` on `page` leads nowhere, or nil when it is fine (or external).
    /// `ids`: the `id`s of a page, asked only for links with a `#fragment`. Shared by `atlas
    /// check` over rendered pages and the build's check of the links editors write
    /// (`MarkdownLinks`).
    static func problem(href raw: String, on page: String, basePath: String, paths: Set<String>, ids: (String) -> Set<String>) -> String? {
        // External, mailto:, data:.
        if raw.isEmpty || raw.contains(":") && !raw.hasPrefix("/") { return nil }
        var target = raw
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        target = target.removingPercentEncoding ?? target
        if target.isEmpty {
            target = page
        } else if target.hasPrefix("/") {
            guard target.hasPrefix(basePath) else { return "is outside the site's base path \(basePath)" }
            target = String(target.dropFirst(basePath.count))
            // The search bundle is written by Pagefind after rendering, beside the pages.
            if target.hasPrefix("pagefind/") { return nil }
        } else {
            target = normalise((page as NSString).deletingLastPathComponent + "/" + target)
        }
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        guard paths.contains(target) else { return "names no page (\(target))" }
        let anchor = (fragment?.removingPercentEncoding ?? fragment) ?? ""
        if !anchor.isEmpty, target.hasSuffix(".html"), !ids(target).contains(anchor) {
            return "names no anchor #\(anchor) on \(target)"
        }
        return nil
    }

    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") ? "/" : "")
    }
}
