import Foundation

/// One file of the built site: where it goes under `public/` and its bytes.
public struct OutputFile: Hashable, Sendable {
    /// Relative to the output root, `/`-separated, never absolute and never climbing out.
    public var path: String
    /// Text is kept as the string it was rendered into and written from it: a copy as `Data`
    /// doubled every page in memory while it waited to be written (25 MB for the claim export
    /// at 10,000 articles).
    private let content: Content

    private enum Content: Sendable {
        case bytes(Data)
        case text(String)
        /// Text kept as the UTF-8 bytes it was rendered into (a page): made a `String` only when
        /// asked for as text. Making every page a `String` validated its bytes one by one, a
        /// twentieth of a build's instructions, for text written straight to a file.
        case utf8([UInt8])
        /// A large export, made again each time its bytes are asked for, and written to its
        /// file as it is made (`ChunkedText`): it is never whole in memory.
        case streamed(@Sendable (ChunkedText) -> ChunkedText)
    }

    public init(path: String, data: Data) {
        self.path = path
        self.content = .bytes(data)
    }

    public init(path: String, text: String) {
        self.path = path
        self.content = .text(text)
    }

    /// `utf8` must be valid UTF-8: bytes appended from strings (`UTF8Buffer`).
    init(path: String, utf8: [UInt8]) {
        self.path = path
        self.content = .utf8(utf8)
    }

    /// `make` writes the text into the `ChunkedText` it is given and returns it; it must make
    /// the same text every time.
    init(path: String, streamed make: @escaping @Sendable (ChunkedText) -> ChunkedText) {
        self.path = path
        self.content = .streamed(make)
    }

    /// The bytes (a copy, for a text file).
    public var data: Data {
        switch content {
        case .bytes(let data): data
        case .text(let text): Data(text.utf8)
        case .utf8(let bytes): Data(bytes)
        case .streamed(let make): Data(Array(make(ChunkedText()).finished().joined()))
        }
    }

    /// The bytes as text: the text itself for a text file.
    public var text: String {
        switch content {
        case .bytes(let data): String(decoding: data, as: UTF8.self)
        case .text(let text): text
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .streamed(let make): make(ChunkedText()).finishedText()
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
        case .utf8(let bytes):
            try Data(bytes).write(to: url, options: options)
        case .streamed(let make):
            try Self.write(make, to: url, atomically: options.contains(.atomic))
        }
    }

    /// `write(to:)` for a new file in the staging folder, by path: the build writes thousands,
    /// and Foundation's URL and `Data.write` bookkeeping around each `open` and `write` was a
    /// tenth of writing a page. Same mode (0666 less the umask), same bytes.
    func write(atPath path: String) throws {
        func failure() -> Error {
            CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(.init(rawValue: errno) ?? .EIO)])
        }
        func writeAll(_ buffer: UnsafeRawBufferPointer) throws {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw failure() }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    let error = failure()
                    close(descriptor)
                    throw error
                }
                offset += written
            }
            // A file system may report a failed write only when the file is closed.
            guard close(descriptor) == 0 else { throw failure() }
        }
        switch content {
        case .bytes(let data): try data.withUnsafeBytes(writeAll)
        case .text(var text): try text.withUTF8 { try writeAll(UnsafeRawBufferPointer($0)) }
        case .utf8(let bytes): try bytes.withUnsafeBytes(writeAll)
        case .streamed: try write(to: URL(fileURLWithPath: path))
        }
    }

    /// Writes each piece as it is made; atomically by a sibling file renamed over the target, as
    /// `Data.write(options: .atomic)` does.
    private static func write(_ make: (ChunkedText) -> ChunkedText, to url: URL, atomically: Bool) throws {
        let target = atomically ? url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).atlas-\(getpid())") : url
        guard FileManager.default.createFile(atPath: target.path, contents: nil), let handle = FileHandle(forWritingAtPath: target.path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
        var failure: Error?
        let rest = make(ChunkedText { piece in
            guard failure == nil, let base = piece.baseAddress, !piece.isEmpty else { return }
            do {
                try handle.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: piece.count, deallocator: .none))
            } catch {
                failure = error
            }
        }).finished()
        assert(rest.isEmpty, "a text with a sink keeps no pieces")
        do {
            if let failure { throw failure }
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
        case .utf8(let own): return bytes.count == own.count && bytes.elementsEqual(own)
        case .streamed(let make):
            // Compared piece by piece as it is made.
            var offset = bytes.startIndex
            var same = true
            _ = make(ChunkedText { piece in
                guard same else { return }
                let count = piece.count
                same = bytes.endIndex - offset >= count && bytes[offset..<offset + count].elementsEqual(piece)
                offset += count
            }).finished()
            return same && offset == bytes.endIndex
        }
    }

    public static func == (a: OutputFile, b: OutputFile) -> Bool { a.path == b.path && a.data == b.data }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(data)
    }
}
