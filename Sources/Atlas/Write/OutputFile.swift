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
    }

    public init(path: String, data: Data) {
        self.path = path
        self.content = .bytes(data)
    }

    public init(path: String, text: String) {
        self.path = path
        self.content = .text(text)
    }

    /// The bytes (a copy, for a text file).
    public var data: Data {
        switch content {
        case .bytes(let data): data
        case .text(let text): Data(text.utf8)
        }
    }

    /// The bytes as text: the text itself for a text file.
    public var text: String {
        switch content {
        case .bytes(let data): String(decoding: data, as: UTF8.self)
        case .text(let text): text
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
        }
    }

    /// Whether the file holds exactly `bytes`.
    public func hasBytes(_ bytes: Data?) -> Bool {
        guard let bytes else { return false }
        switch content {
        case .bytes(let data): return data == bytes
        case .text(var text): return text.withUTF8 { buffer in bytes.count == buffer.count && bytes.elementsEqual(buffer) }
        }
    }

    public static func == (a: OutputFile, b: OutputFile) -> Bool { a.path == b.path && a.data == b.data }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(data)
    }
}
