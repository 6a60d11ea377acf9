import Foundation

/// Builds the search index with Pagefind (its extended build segments Chinese) over the staged
/// site, as one index for both languages so a Chinese query and an English one search the same
/// pages. Pagefind's output is deterministic but for its filter index, which `SearchIndexOrder`
/// puts in order, so rebuilds stay byte-identical.
public struct SearchIndexer: Sendable {
    public let binary: URL

    public enum Failure: Error, CustomStringConvertible {
        case failed(String)
        public var description: String {
            switch self { case .failed(let output): return "Pagefind failed: \(output)" }
        }
    }

    /// `ATLAS_PAGEFIND`, then `.tools/pagefind` in the site folder (scripts/install-deps puts it
    /// there), then `pagefind_extended` or `pagefind` on PATH.
    public static func locate(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> SearchIndexer? {
        var candidates: [String] = []
        if let explicit = environment["ATLAS_PAGEFIND"] { candidates.append(explicit) }
        candidates.append(root.appendingPathComponent(".tools/pagefind").path)
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            candidates += ["\(folder)/pagefind_extended", "\(folder)/pagefind"]
        }
        return candidates.first(where: isRunnable).map { SearchIndexer(binary: URL(fileURLWithPath: $0)) }
    }

    /// An executable file, not a folder (whose search bit `isExecutableFile` also reports).
    static func isRunnable(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// `ATLAS_PAGEFIND` when it is set but names no executable file. `locate` then goes on to the
    /// next candidate, so an editor's mistyped setting would pass unnoticed without a warning.
    public static func unusableSetting(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let explicit = environment["ATLAS_PAGEFIND"], !isRunnable(explicit) else { return nil }
        return explicit
    }

    /// Page furniture that names or quotes other pages rather than saying anything itself: links
    /// to entities (chips), lists of article cards, claim tables (each quote is indexed on its
    /// article's page), table headers, pagers and breadcrumbs. Indexed, they made every page that
    /// lists an entity a hit for its name, and search excerpts read like chip lists. Templates
    /// mark their own page-specific parts `data-pagefind-ignore`.
    static let furniture = ["a.chip", ".chips", ".cards", "table.claims", "thead", ".pager", ".breadcrumbs"]

    public func index(_ site: URL) throws {
        try run(["--site", site.path, "--force-language", "zh", "--exclude-selectors", Self.furniture.joined(separator: ", "), "--output-subdir", "pagefind", "--silent"])
        try SearchIndexOrder.apply(to: site.appendingPathComponent("pagefind"))
    }

    /// Indexes `site` into `bundle` (outside it), for swapping into place while the site is served.
    public func index(_ site: URL, into bundle: URL) throws {
        try run(["--site", site.path, "--force-language", "zh", "--exclude-selectors", Self.furniture.joined(separator: ", "), "--output-path", bundle.path, "--silent"])
        try SearchIndexOrder.apply(to: bundle)
    }

    func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.failed(String(decoding: data, as: UTF8.self)) }
    }
}
