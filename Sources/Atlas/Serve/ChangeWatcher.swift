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
            guard isDirectory.boolValue else {
                parts.append(Self.stamp(item, url))
                continue
            }
            // One directory walk that reads size and time with each entry (no second stat per file).
            let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey]
            var found: [String] = []
            let prefix = url.standardizedFileURL.path + "/"
            for case let file as URL in fm.enumerator(at: url, includingPropertiesForKeys: keys) ?? FileManager.DirectoryEnumerator() {
                let relative = file.standardizedFileURL.path.hasPrefix(prefix) ? String(file.standardizedFileURL.path.dropFirst(prefix.count)) : file.lastPathComponent
                found.append(Self.stamp("\(item)/\(relative)", file))
            }
            parts += found.sorted()
        }
        return parts.joined(separator: "\n")
    }

    /// The files whose stamp differs between two fingerprints (changed, added or removed),
    /// as paths from the site root, sorted.
    public static func changedPaths(from old: String, to new: String) -> [String] {
        let (before, after) = (Set(old.split(separator: "\n")), Set(new.split(separator: "\n")))
        let names = before.symmetricDifference(after).map { stamp in
            // `name:size:modified`: the name is what stands before the last two colons.
            stamp.split(separator: ":", omittingEmptySubsequences: false).dropLast(2).joined(separator: ":")
        }
        return Set(names).sorted()
    }

    /// `name:size:modified`, read from the values the directory walk already fetched.
    static func stamp(_ name: String, _ url: URL) -> String {
        let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey])
        return "\(name):\(values?.fileSize ?? 0):\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
    }
}
