import Foundation

/// One file of the built site: where it goes under `public/` and its bytes.
public struct OutputFile: Hashable, Sendable {
    /// Relative to the output root, `/`-separated, never absolute and never climbing out.
    public var path: String
    /// Text is kept as the string it was rendered into and written from it: a copy as `Data`
    /// doubled every page in memory while it waited to be written (25 MB for the claim export
    /// at 10,000 articles).
    private let content: Content

    private enum Content: Hashable, Sendable {
        case bytes(Data)
        case text(String)
        /// Text in pieces, written one after another (`ChunkedText`).
        case pieces([String])
    }

    public init(path: String, data: Data) {
        self.path = path
        self.content = .bytes(data)
    }

    public init(path: String, text: String) {
        self.path = path
        self.content = .text(text)
    }

    /// A large text made in pieces: never joined to be written.
    init(path: String, pieces: [String]) {
        self.path = path
        self.content = .pieces(pieces)
    }

    /// The bytes (a copy, for a text file).
    public var data: Data {
        switch content {
        case .bytes(let data): data
        case .text(let text): Data(text.utf8)
        case .pieces(let pieces): Data(pieces.joined().utf8)
        }
    }

    /// The bytes as text: the text itself for a text file.
    public var text: String {
        switch content {
        case .bytes(let data): String(decoding: data, as: UTF8.self)
        case .text(let text): text
        case .pieces(let pieces): pieces.joined()
        }
    }

    /// Writes the bytes to `url`, a text file straight from its string.
    public func write(to url: URL, options: Data.WritingOptions = []) throws {
        switch content {
        case .bytes(let data):
            try data.write(to: url, options: options)
        case .text(var text):
            try text.withUTF8 { buffer in
                guard let base = buffer.baseAddress, !buffer.isEmpty else { return try Data().write(to: url, options: options) }
                // Borrowed, not copied: the string outlives the write.
                try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none).write(to: url, options: options)
            }
        case .pieces(let pieces):
            try Self.write(pieces, to: url, atomically: options.contains(.atomic))
        }
    }

    /// Writes the pieces in order; atomically by a sibling file renamed over the target, as
    /// `Data.write(options: .atomic)` does.
    private static func write(_ pieces: [String], to url: URL, atomically: Bool) throws {
        let target = atomically ? url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).atlas-\(getpid())") : url
        guard FileManager.default.createFile(atPath: target.path, contents: nil), let handle = FileHandle(forWritingAtPath: target.path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
        do {
            for var piece in pieces {
                try piece.withUTF8 { buffer in
                    guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
                    try handle.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none))
                }
            }
            try handle.close()
            if atomically, rename(target.path, url.path) != 0 { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        } catch {
            try? handle.close()
            if atomically { try? FileManager.default.removeItem(at: target) }
            throw error
        }
    }

    /// Whether the file holds exactly `bytes`.
    public func hasBytes(_ bytes: Data?) -> Bool {
        guard let bytes else { return false }
        switch content {
        case .bytes(let data): return data == bytes
        case .text(var text): return text.withUTF8 { buffer in bytes.count == buffer.count && bytes.elementsEqual(buffer) }
        case .pieces(let pieces):
            guard bytes.count == pieces.reduce(0, { $0 + $1.utf8.count }) else { return false }
            var offset = bytes.startIndex
            for var piece in pieces {
                let same = piece.withUTF8 { buffer in bytes[offset..<offset + buffer.count].elementsEqual(buffer) }
                guard same else { return false }
                offset += piece.utf8.count
            }
            return true
        }
    }

    public static func == (a: OutputFile, b: OutputFile) -> Bool { a.path == b.path && a.data == b.data }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(data)
    }
}
