import Foundation
import Testing
@testable import Atlas

/// Every kind of page as a reader's browser shows it — Chromium at 360 px and 1280 px, light and
/// dark — must fit the screen (no page, table or chart wider than it, no box scrolling sideways),
/// keep its chart labels apart, and pass axe-core without a serious or critical violation.
/// Search is checked with its results shown. scripts/install-deps puts Chromium, Selenium and
/// axe-core (from PyPI) in place.
@Suite struct BrowserAuditTests {
    @Test func everyPageKindReadsAtPhoneAndDesktopWidthInBothModes() throws {
        let python = try LocalServer.seleniumPython()
        let axe = TestPaths.repository.appendingPathComponent(".tools/axe.min.js").path
        try #require(FileManager.default.fileExists(atPath: axe), "run scripts/install-deps")
        let site = TemporaryFolder.siteCopy()
        let report = Builder(options: .init(root: site.url)).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let root = site.url.appendingPathComponent("public")
        let pages = Self.onePagePerKind(in: root) + ["search/?q=格陵兰", "search/?q=dysprosium"]
        #expect(pages.count >= 20, "\(pages)")
        let server = try LocalServer(serving: root)
        defer { server.stop() }
        let script = TestPaths.fixtures.appendingPathComponent("scripts/browser_audit.py").path
        let result = try run(python, [script, server.url, axe] + pages)
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        var checked = 0
        for line in result.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            checked += 1
            let problems = object["problems"] as? [String] ?? []
            #expect(problems.isEmpty, "/\(object["page"] ?? "") at \(object["width"] ?? "") px, \(object["scheme"] ?? ""): \(problems)")
        }
        #expect(checked == pages.count * 4)
    }

    /// The largest page of each kind (a kind is a path with its slugs and page numbers wildcarded:
    /// `entities/*/figures/`), since the longest tables and charts are the likeliest to overflow,
    /// and the smallest article too.
    static func onePagePerKind(in root: URL) -> [String] {
        let fixed: Set<String> = ["articles", "topics", "entities", "timeline", "data", "figures", "page", "search", "conflicts"]
        var largest: [String: (path: String, size: Int)] = [:]
        var smallestArticle: (path: String, size: Int)?
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey])
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "html" else { continue }
            var path = String(url.path.dropFirst(root.path.count + 1))
            path = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            guard !path.hasPrefix("pagefind/") else { continue }
            let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
            let kind = path.split(separator: "/").map { fixed.contains(String($0)) ? String($0) : "*" }.joined(separator: "/")
                + (path.hasSuffix(".html") ? ".html" : "")
            if largest[kind].map({ size > $0.size || (size == $0.size && path < $0.path) }) ?? true { largest[kind] = (path, size) }
            if kind == "articles/*", smallestArticle.map({ size < $0.size }) ?? true { smallestArticle = (path, size) }
        }
        return (largest.values.map(\.path) + [smallestArticle?.path].compactMap { $0 }).orderedUnique().sorted()
    }
}
