import Foundation

/// Every input file of a site, read and decoded, grouped by what it is.
public struct ContentFiles: Sendable {
    public var config: TextFile?
    public var dumps: [TextFile] = []
    public var articles: [TextFile] = []
    public var pages: [TextFile] = []
    public var topics: [TextFile] = []
    public var entities: TextFile?
    /// Each dataset's CSV with its `.meta.yml` sidecar (nil when missing).
    public var datasets: [(csv: TextFile, meta: TextFile?)] = []
    public var claimEdits: TextFile?
    public var timeline: TextFile?
    /// content/urls.yml, the imported articles' published slugs.
    public var urls: TextFile?
}

/// Reads the site folder following the content layout of DESIGN.md. Paths are sorted so the
/// build never depends on the order the file system lists them in.
public enum ContentLoader {
    public static func load(root: URL, log: inout DiagnosticLog) -> ContentFiles {
        var files = ContentFiles()
        files.config = read(root, SiteConfig.fileName, log: &log, missingHint: "create site.yml with at least `title:`")
        files.dumps = folder(root, "content/sources", ext: "txt", log: &log)
        files.articles = markdown(root, "content/articles", log: &log)
        files.pages = markdown(root, "content/pages", log: &log)
        files.topics = markdown(root, "content/topics", log: &log)
        files.entities = optional(root, EntityRegistryReader.path, log: &log)
        files.claimEdits = optional(root, ClaimEditsReader.path, log: &log)
        files.timeline = optional(root, TimelineReader.path, log: &log)
        files.urls = optional(root, URLMap.path, log: &log)
        files.datasets = folder(root, "content/data", ext: "csv", log: &log).map { csv in
            (csv, optional(root, String(csv.path.dropLast(4)) + ".meta.yml", log: &log))
        }
        return files
    }

    /// `site.yml`, when there is one.
    public static func optionalConfig(root: URL, log: inout DiagnosticLog) -> TextFile? {
        optional(root, SiteConfig.fileName, log: &log)
    }

    static func optional(_ root: URL, _ relative: String, log: inout DiagnosticLog) -> TextFile? {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path) else { return nil }
        return read(root, relative, log: &log, missingHint: nil)
    }

    /// The Markdown extensions editors use, in any case (`.md`, `.MD`, `.markdown`).
    static let markdownExtensions: Set<String> = ["md", "markdown"]

    /// Hidden files and folders (`.DS_Store`, an editor's `.x.md.swp`) are never content.
    static func isHidden(_ relative: some StringProtocol) -> Bool {
        relative.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// Markdown files in a folder and its subfolders (`content/articles/2025/x.md`): an editor
    /// who files articles by year must not find them silently left out.
    static func markdown(_ root: URL, _ relative: String, log: inout DiagnosticLog) -> [TextFile] {
        let url = root.appendingPathComponent(relative)
        let found = (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String]) ?? []
        let names = found.filter { name in
            markdownExtensions.contains((name as NSString).pathExtension.lowercased())
                && !isHidden(name)
        }
        return read(root, relative, names: names.sorted(), log: &log)
    }

    static func folder(_ root: URL, _ relative: String, ext: String, log: inout DiagnosticLog) -> [TextFile] {
        let url = root.appendingPathComponent(relative)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
        return read(root, relative, names: names.filter { $0.hasSuffix("." + ext) && !isHidden($0) }.sorted(), log: &log)
    }

    /// The files of a folder, read and decoded on all cores (10,000 Markdown articles took 0.7 s
    /// on one), their problems reported in the names' order.
    private static func read(_ root: URL, _ relative: String, names: [String], log: inout DiagnosticLog) -> [TextFile] {
        let results = Parallel.map(names) { name -> (file: TextFile?, log: DiagnosticLog) in
            var own = DiagnosticLog()
            let file = Self.read(root, relative + "/" + name, log: &own, missingHint: nil)
            return (file, own)
        }
        for result in results { log.append(result.log) }
        return results.compactMap(\.file)
    }

    static func read(_ root: URL, _ relative: String, log: inout DiagnosticLog, missingHint: String?) -> TextFile? {
        let url = root.appendingPathComponent(relative)
        // A symbolic link may point anywhere: the site reads only what lies inside its folder.
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        let base = root.resolvingSymlinksInPath().standardizedFileURL.path
        guard real == base || real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            log.error("the file is a link to \(real), outside the site folder", at: SourceLocation(file: relative, line: 1),
                      hint: "copy the file into the site folder instead of linking to it")
            return nil
        }
        // Only regular files: a folder, pipe or device named like a content file would fail the
        // read at best and block it at worst (a FIFO waits for a writer).
        let type = (try? FileManager.default.attributesOfItem(atPath: real))?[.type] as? FileAttributeType
        if let type, type != .typeRegular {
            log.error("`\(relative)` is not a regular file but a \(describe(type))", at: SourceLocation(file: relative, line: 1),
                      hint: "replace it with a text file, or move it out of the site folder")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = type != nil
            log.error(exists ? "cannot read the file" : "the file is missing", at: SourceLocation(file: relative, line: 1),
                      hint: exists ? "check its permissions (chmod a+r)" : (missingHint ?? "restore the file"))
            return nil
        }
        switch TextFile.decode(Array(data), path: relative) {
        case .success(let file): return file
        case .failure(let diagnostic):
            log.error(diagnostic.message, at: diagnostic.location, hint: diagnostic.hint ?? "")
            return nil
        }
    }

    private static func describe(_ type: FileAttributeType) -> String {
        switch type {
        case .typeDirectory: "folder"
        case .typeCharacterSpecial, .typeBlockSpecial: "device"
        case .typeSocket: "socket"
        default: "named pipe or other special file"
        }
    }
}
