import Foundation

/// The project's own internal-link check for a built site: every `href`/`src` (and a redirect's
/// `<meta http-equiv="refresh">` target) that points inside the site must name an existing file
/// (folders mean their `index.html`), every `#fragment` an `id` on the target page, and every
/// page must be linked from another one (a redirect left at an old address is not a page).
struct LinkWalker {
    struct Problem: CustomStringConvertible {
        var page: String
        var message: String
        var description: String { "\(page): \(message)" }
    }

    let root: URL
    /// The base path the site was built for (`/` or `/sub/`).
    let basePath: String

    func check() -> (problems: [Problem], checked: Int) {
        let files = snapshot(root)
        var ids: [String: Set<String>] = [:]
        var problems: [Problem] = []
        var inbound: [String: Set<String>] = [:]
        var checked = 0
        var redirects = Set<String>()
        let attribute = /(?:href|src)="([^"]*)"|http-equiv="refresh" content="\d+; url=([^"]*)"/
        let idPattern = /\sid="([^"]*)"/
        for (path, data) in files where path.hasSuffix(".html") {
            ids[path] = Set(String(decoding: data, as: UTF8.self).matches(of: idPattern).map { String($0.1) })
        }
        for (page, data) in files.sorted(by: { $0.key < $1.key }) where page.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in html.matches(of: attribute) {
                if match.2 != nil { redirects.insert(page) }
                let raw = decodeEntities(String(match.1 ?? match.2 ?? ""))
                if raw.hasPrefix("http://") || raw.hasPrefix("https://") || raw.hasPrefix("mailto:") || raw.hasPrefix("data:") { continue }
                checked += 1
                var (target, fragment) = split(raw)
                if target.isEmpty {
                    target = page
                } else if target.hasPrefix("/") {
                    guard target.hasPrefix(basePath) else {
                        problems.append(Problem(page: page, message: "\(raw) does not start with the base path \(basePath)"))
                        continue
                    }
                    target = String(target.dropFirst(basePath.count))
                } else {
                    target = normalise((page as NSString).deletingLastPathComponent + "/" + target)
                }
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                guard files[target] != nil else {
                    problems.append(Problem(page: page, message: "\(raw): no file \(target)"))
                    continue
                }
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), ids[target]?.contains(fragment) != true {
                    problems.append(Problem(page: page, message: "\(raw): no id \(fragment) in \(target)"))
                }
                if target != page { inbound[target, default: []].insert(page) }
            }
        }
        for page in files.keys.sorted() where page.hasSuffix(".html") && page != "index.html" && page != "404.html" && inbound[page] == nil && !redirects.contains(page) {
            problems.append(Problem(page: page, message: "orphan: no other page links to it"))
        }
        return (problems, checked)
    }

    private func split(_ link: String) -> (String, String?) {
        var link = link
        if let q = link.firstIndex(of: "?") { link = String(link[..<q]) + (link[q...].firstIndex(of: "#").map { String(link[$0...]) } ?? "") }
        guard let hash = link.firstIndex(of: "#") else { return (link.removingPercentEncoding ?? link, nil) }
        return (String(link[..<hash]).removingPercentEncoding ?? "", String(link[link.index(after: hash)...]))
    }

    private func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") ? "/" : "")
    }

    private func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
    }
}
