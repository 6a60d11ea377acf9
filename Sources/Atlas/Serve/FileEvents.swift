import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Tells `atlas serve` at once that something under the watched folders may have changed
/// (Linux inotify), so a save is noticed in milliseconds without polling a fingerprint of every
/// file that often. It only wakes the watcher: what changed is still decided by comparing
/// `ChangeWatcher` fingerprints, which also runs on a slow timer in case events do not reach
/// (some container and network file systems send none). Elsewhere `make` returns nil and the
/// watcher polls as before.
public final class FileEvents: Sendable {
    private let descriptor: Int32
    private let root: URL
    private let watched: [String]

    private init(descriptor: Int32, root: URL, watched: [String]) {
        self.descriptor = descriptor
        self.root = root
        self.watched = watched
    }

    deinit {
        #if canImport(Glibc)
        close(descriptor)
        #endif
    }

    public static func make(root: URL, watched: [String]) -> FileEvents? {
        #if canImport(Glibc)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let events = FileEvents(descriptor: descriptor, root: root, watched: watched)
        events.watchFolders()
        return events
        #else
        return nil
        #endif
    }

    /// What the events since the last look say.
    public enum News: Sendable {
        case none
        /// Files changed (these, as paths from the site root; folders left out), and every file
        /// written to has been closed again.
        case changed([String])
        /// A file is being written (modified, not closed yet): read it now and it may be
        /// half-written (an editor truncates, then fills it).
        case writing
    }

    /// Files modified and not yet closed (paths from the site root), and since when.
    private let open = Mutex<[String: UInt64]>([:])
    /// Each watch's folder, from the site root ("" for the site folder itself).
    private let folders = Mutex<[Int32: String]>([:])
    /// Files changed since the last `changed` news.
    private let touched = Mutex<Set<String>>([])

    /// What arrived since the last call (never waits). A file still `writing` after a second is
    /// taken as written (a program that keeps it open, as a log is kept).
    public func drain() -> News {
        #if canImport(Glibc)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var any = false, foldersMoved = false
        let now = DispatchTime.now().uptimeNanoseconds
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            any = true
            // Events are `wd, mask, cookie, len` (four 32-bit fields), then `len` bytes of name.
            var offset = 0
            while offset + 16 <= count {
                let field = { (at: Int) in buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + at, as: UInt32.self) } }
                let mask = field(4), length = Int(field(12))
                // A file's events, keyed by its path from the site root (folders are left out).
                if mask & UInt32(IN_ISDIR) == 0, let folder = folders.withLock({ $0[Int32(bitPattern: field(0))] }) {
                    let name = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                    let path = (folder.isEmpty ? "" : folder + "/") + String(decoding: name, as: UTF8.self)
                    if mask & UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO) != 0 {
                        touched.withLock { _ = $0.insert(path) }
                    }
                    if mask & UInt32(IN_MODIFY) != 0 { open.withLock { if $0[path] == nil { $0[path] = now } } }
                    if mask & UInt32(IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM) != 0 { open.withLock { _ = $0.removeValue(forKey: path) } }
                }
                if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
                    || mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_Q_OVERFLOW) != 0 { foldersMoved = true }
                offset += 16 + length
            }
        }
        // A folder made (or made again) needs a watch of its own.
        if foldersMoved { watchFolders() }
        let writing = open.withLock { files in
            files = files.filter { now - $0.value < 1_000_000_000 }
            return !files.isEmpty
        }
        if writing { return .writing }
        let files = touched.withLock { files in
            defer { files = [] }
            return files.sorted()
        }
        return any || !files.isEmpty ? .changed(files) : .none
        #else
        return .none
        #endif
    }

    /// Watches every folder under the watched items, and the site folder itself (for `site.yml`
    /// and folders made or replaced there).
    private func watchFolders() {
        #if canImport(Glibc)
        let fm = FileManager.default
        var paths = [""]
        for item in watched {
            let url = root.appendingPathComponent(item)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            paths.append(item)
            for case let relative as String in fm.enumerator(atPath: url.path) ?? FileManager.DirectoryEnumerator() {
                if fm.fileExists(atPath: url.path + "/" + relative, isDirectory: &isDirectory), isDirectory.boolValue { paths.append(item + "/" + relative) }
            }
        }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)
        // Adding a watch a folder already has changes nothing.
        for path in paths {
            let watch = inotify_add_watch(descriptor, path.isEmpty ? root.path : root.path + "/" + path, mask)
            if watch >= 0 { folders.withLock { $0[watch] = path } }
        }
        #endif
    }
}
