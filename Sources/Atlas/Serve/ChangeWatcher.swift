import Foundation

/// Notices edits to the site's inputs by polling a fingerprint (every file's path, size and
/// modification time). Polling works on every file system and in containers where inotify
/// does not reach; checking a few hundred files takes well under a millisecond.
public struct ChangeWatcher: Sendable {
    public let root: URL
    public let watched: [String]

    public init(root: URL, watched: [String] = ["site.yml", "content", "templates"]) {
        self.root = root
        self.watched = watched
    }

    public func fingerprint() -> String {
        var parts: [String] = []
        let fm = FileManager.default
        for item in watched {
            let url = root.appendingPathComponent(item)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { parts.append("\(item):missing"); continue }
            let files = isDirectory.boolValue ? ((fm.enumerator(atPath: url.path)?.allObjects as? [String]) ?? []).map { "\(item)/\($0)" } : [item]
            for file in files.sorted() {
                guard let attributes = try? fm.attributesOfItem(atPath: root.appendingPathComponent(file).path) else { continue }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                parts.append("\(file):\(size):\(modified)")
            }
        }
        return parts.joined(separator: "\n")
    }
}
