import Foundation

/// Writes the built site beside the output folder and swaps it in at the end, so readers and
/// publishers only ever see the previous site or the new one, never a mix.
public enum OutputWriter {
    public enum Failure: Error, CustomStringConvertible {
        case unsafePath(String)
        case io(String)

        public var description: String {
            switch self {
            case .unsafePath(let path): return "refusing to write `\(path)`: it would land outside the output folder"
            case .io(let message): return message
            }
        }
    }

    public static func write(_ files: [OutputFile], to output: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        try recover(output)
        let staging = parent.appendingPathComponent("\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var made = Set<String>()
            for file in files {
                guard isSafe(file.path) else { throw Failure.unsafePath(file.path) }
                let target = staging.appendingPathComponent(file.path)
                let folder = target.deletingLastPathComponent().path
                if !made.contains(folder) {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    made.insert(folder)
                }
                try file.data.write(to: target)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error is Failure ? error : Failure.io("cannot write the new site into \(staging.path): \(error.localizedDescription)")
        }
        let old = parent.appendingPathComponent("\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if fm.fileExists(atPath: output.path) { try fm.moveItem(at: output, to: old) }
            try fm.moveItem(at: staging, to: output)
        } catch {
            if !fm.fileExists(atPath: output.path), fm.fileExists(atPath: old.path) { try? fm.moveItem(at: old, to: output) }
            try? fm.removeItem(at: staging)
            throw Failure.io("cannot swap the new site into \(output.path): \(error.localizedDescription)")
        }
        try? fm.removeItem(at: old)
    }

    /// Finishes or undoes what a killed build left: restores a moved-away output folder and
    /// removes stale staging folders.
    static func recover(_ output: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let leftovers = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        for entry in leftovers where entry.hasPrefix(name + ".old-") {
            let url = parent.appendingPathComponent(entry)
            if !fm.fileExists(atPath: output.path) { try fm.moveItem(at: url, to: output) } else { try? fm.removeItem(at: url) }
        }
        for entry in leftovers where entry.hasPrefix(name + ".tmp-") {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
