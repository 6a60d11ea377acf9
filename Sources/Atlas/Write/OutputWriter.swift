import CRenameExchange
import Foundation
import Synchronization

/// Writes the built site beside the output folder and swaps it in at the end, so readers and
/// publishers only ever see the previous site or the new one, never a mix.
public enum OutputWriter {
    public enum Failure: Error, CustomStringConvertible {
        case unsafePath(String)
        case unsafeOutput(String)
        case io(String)

        public var description: String {
            switch self {
            case .unsafePath(let path): return "refusing to write `\(path)`: it would land outside the output folder"
            case .unsafeOutput(let message): return message
            case .io(let message): return message
            }
        }
    }

    /// Written into every output folder: only a folder carrying it is ever replaced, so a wrong
    /// `--output` cannot delete someone's files.
    public static let marker = ".atlas-output"

    /// `siteRoot`: the folder holding site.yml, content/ and templates/, which the output must
    /// never replace, contain, or sit inside (except as its own sub-folder of the root).
    /// `finish` runs on the complete staging folder before the swap (the search indexer), so
    /// what it adds is published atomically with the pages, or not at all.
    public static func write(_ files: [OutputFile], to output: URL, siteRoot: URL? = nil, finish: ((URL) throws -> Void)? = nil) throws {
        try write(jobs: files.map(RenderJob.init), to: output, siteRoot: siteRoot, finish: finish)
    }

    /// Files rendered per batch by `BuildSession`.
    static let batchSize = 256

    /// Renders the jobs on all cores, each worker writing its file as soon as it is made, so
    /// memory holds one page per core, never the whole site. Every path is checked before
    /// anything is rendered. `transform` rewrites each file after rendering (relative links).
    public static func write(jobs: [RenderJob], to output: URL, siteRoot: URL? = nil,
                             transform: (@Sendable (OutputFile) -> OutputFile)? = nil, finish: ((URL) throws -> Void)? = nil) throws {
        let fm = FileManager.default
        try checkOutput(output, siteRoot: siteRoot)
        _ = try checkPaths(jobs.map(\.path) + [marker])
        try recover(output)
        let staging = sibling(of: output, kind: "tmp")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            // Large files first: started last, one of them was the build's last second on one core.
            let all = jobs.filter(\.isLarge) + jobs.filter { !$0.isLarge }
                + [RenderJob(OutputFile(path: marker, text: "Written by `atlas build`; this folder is replaced on every build.\n"))]
            try makeFolders(for: all.map(\.path), in: staging)
            let failure = Mutex<Error?>(nil)
            let stagingPath = staging.path
            Parallel.forEach(all.count) { index in
                guard failure.withLock({ $0 == nil }) else { return }
                let rendered = all[index].render()
                let file = transform?(rendered) ?? rendered
                do {
                    try file.write(atPath: stagingPath + "/" + file.path)
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
        } catch {
            try? fm.removeItem(at: staging)
            throw error is Failure ? error : Failure.io("cannot write the new site into \(staging.path): \(error.localizedDescription)")
        }
        do {
            try finish?(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        try swap(staging, into: output)
    }

    /// Makes every folder the files need, up front, each exactly once with one `mkdir`: a level
    /// at a time (parents before children), each level in sorted order on one thread. The
    /// order is part of the output: tmpfs lists a folder newest first and Pagefind's index
    /// follows the listing, so folders made on all cores gave a different search index from
    /// build to build. `createDirectory` with its intermediate folders was 0.4 s of CPU for the
    /// 13,000 folders of a 10,000-article site; plain `mkdir`s are a tenth of that.
    static func makeFolders(for paths: [String], in root: URL) throws {
        var levels: [[String]] = []
        var seen = Set<String>()
        // Paths are checked (`checkPaths`: no empty, `.` or `..` part), so a folder is the bytes
        // before one of the path's slashes (13,000 paths split by `Character` were a tenth of a
        // second on one core; and a slash is a separator even where it is inside a `Character`).
        for path in paths {
            let utf8 = path.utf8
            var slashes = utf8.indices.filter { utf8[$0] == UInt8(ascii: "/") }
            while let slash = slashes.last {
                let folder = String(decoding: utf8[..<slash], as: UTF8.self)
                guard seen.insert(folder).inserted else { break }
                let depth = slashes.count - 1
                while levels.count <= depth { levels.append([]) }
                levels[depth].append(folder)
                slashes.removeLast()
            }
        }
        for level in levels {
            for folder in level.sorted() {
                let path = root.path + "/" + folder
                guard mkdir(path, 0o777) != 0 else { continue }
                let code = errno
                if code != EEXIST { throw Failure.io("cannot make the folder \(path): \(String(cString: strerror(code)))") }
            }
        }
    }

    /// Every path stays inside the output folder and names one file: two pages for one URL
    /// means one would silently replace the other. Returns the paths as a set.
    static func checkPaths(_ paths: [String]) throws -> Set<String> {
        var seen = Set<String>()
        for path in paths {
            guard isSafe(path) else { throw Failure.unsafePath(path) }
            guard seen.insert(path).inserted else { throw Failure.io("two pages would be written to \(path); check for duplicate slugs") }
        }
        return seen
    }

    /// Exchanges the two folders in one step where the kernel can (Linux renameat2); elsewhere
    /// moves the old one aside first, which `recover` undoes if the build dies in between.
    static func swap(_ staging: URL, into output: URL) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path), atlas_rename_exchange(staging.path, output.path) == 0 {
            removeTree(staging)  // now holds the previous site
            return
        }
        let old = sibling(of: output, kind: "old")
        do {
            if fm.fileExists(atPath: output.path) { try fm.moveItem(at: output, to: old) }
            try fm.moveItem(at: staging, to: output)
        } catch {
            if !fm.fileExists(atPath: output.path), fm.fileExists(atPath: old.path) { try? fm.moveItem(at: old, to: output) }
            try? fm.removeItem(at: staging)
            throw Failure.io("cannot swap the new site into \(output.path): \(error.localizedDescription)")
        }
        removeTree(old)
    }

    /// Removes a previous site on all cores: on one thread its 13,000 files at 10,000 articles
    /// took 0.4 s at the end of every build. Folders are split one level down (articles/ holds a
    /// folder per article); links are removed, never followed.
    static func removeTree(_ url: URL) {
        func isFolder(_ path: String) -> Bool {
            var info = stat()
            return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }
        let fm = FileManager.default
        var items: [String] = []
        for entry in (try? fm.contentsOfDirectory(atPath: url.path)) ?? [] {
            let path = url.path + "/" + entry
            if isFolder(path), let children = try? fm.contentsOfDirectory(atPath: path) {
                items += children.map { path + "/" + $0 }
            } else {
                items.append(path)
            }
        }
        let all = items
        Parallel.forEach(all.count) { try? FileManager.default.removeItem(atPath: all[$0]) }
        try? fm.removeItem(at: url)
    }

    /// Refuses an output folder that would swallow the inputs, or that atlas did not write.
    static func checkOutput(_ output: URL, siteRoot: URL?) throws {
        func canonical(_ url: URL) -> String { url.standardizedFileURL.resolvingSymlinksInPath().path }
        let target = canonical(output)
        if let siteRoot {
            let root = canonical(siteRoot)
            if root == target || root.hasPrefix(target + "/") {
                throw Failure.unsafeOutput("refusing to write the site to \(output.path): it would replace the site folder \(siteRoot.path)")
            }
            for input in ["site.yml", "content", "templates", ".git"] {
                let path = root + "/" + input
                if path == target || target.hasPrefix(path + "/") {
                    throw Failure.unsafeOutput("refusing to write the site to \(output.path): it is the site's input \(input)")
                }
            }
        }
        let fm = FileManager.default
        if (try? fm.destinationOfSymbolicLink(atPath: output.path)) != nil {
            // Swapping would replace the link with a folder and leave its target stale.
            throw Failure.unsafeOutput("refusing to write the site to \(output.path): it is a symbolic link; pass the folder it points to")
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        let entries = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
        guard isDirectory.boolValue, entries.isEmpty || entries.contains(marker) else {
            throw Failure.unsafeOutput("refusing to replace \(output.path): it was not written by atlas (it has no \(marker) file)")
        }
    }

    /// The staging or moved-aside folder of this process: `<name>.tmp-<pid>` / `<name>.old-<pid>`.
    static func sibling(of output: URL, kind: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent("\(output.lastPathComponent).\(kind)-\(getpid())")
    }

    /// Finishes or undoes what a killed build left: restores a moved-aside output folder and
    /// removes stale staging folders. Only folders named exactly like ours, of processes that
    /// no longer run, are touched; a concurrent build's folders are left alone.
    static func recover(_ output: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        for entry in ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted() {
            guard let (kind, pid) = parseSibling(entry, of: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let url = parent.appendingPathComponent(entry)
            if kind == "old", !fm.fileExists(atPath: output.path) { try fm.moveItem(at: url, to: output) } else { try? fm.removeItem(at: url) }
        }
    }

    static func parseSibling(_ entry: String, of name: String) -> (kind: String, pid: pid_t)? {
        for kind in ["old", "tmp"] {
            let prefix = "\(name).\(kind)-"
            guard entry.hasPrefix(prefix) else { continue }
            let digits = entry.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let pid = pid_t(digits) else { return nil }
            return (kind, pid)
        }
        return nil
    }

    static func isSafe(_ path: String) -> Bool {
        // Bytes, not `String.contains`, which is Foundation's locale-aware search per path.
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0 }) else { return false }
        // Parts split on the bytes: a slash is a separator to the file system even where a
        // combining mark after it would join it into one `Character`.
        return path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && !part.elementsEqual(".".utf8) && !part.elementsEqual("..".utf8)
        }
    }
}
