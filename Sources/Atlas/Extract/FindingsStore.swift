import Foundation

/// The findings of the last build, kept on disk (`.atlas-cache/findings.bin` in the site folder)
/// so that the next build reads each unchanged article's claims and events instead of
/// extracting them again: a third of a build's work, and what an editor's second build of a
/// large site would otherwise repeat for every article but the one they changed.
///
/// Each entry's findings carry a checksum, so a damaged byte costs that article's extraction
/// rather than a wrong quote. An entry counts only when everything extraction reads is what it was: the article's id
/// (its bytes), a 128-bit digest and the length of its body, its publication time, the entity
/// registry (the names and types the matcher uses, in order), and the program itself (the
/// executable's size, modification time and inode, as ccache checks a compiler: a rebuilt
/// `atlas` with changed rules never reads the old findings). Anything else (a missing, foreign,
/// truncated or damaged file, another format version) leaves the store unused for this build,
/// which then writes a new one. Output never depends on the store: a build that reads it writes
/// the same bytes as one that does not (`FindingsStoreTests`).
public struct FindingsStore: Sendable {
    /// Bumped whenever the layout of the file or of `ArticleFindings.encode` changes.
    static let formatVersion: UInt64 = 1
    static let magic = Array("ATLAS-FINDINGS\n".utf8)
    /// The folder, from the site root; publishers ignore it like `.build/` (it is in .gitignore).
    public static let folder = ".atlas-cache"

    public let url: URL
    /// What must be equal for findings to be reused besides the inputs: the program that made them.
    public let program: String

    public init(url: URL, program: String) {
        self.url = url
        self.program = program
    }

    /// The store of a site folder, for the running executable; nil when the executable cannot be
    /// identified (then nothing is kept, rather than findings an older program made).
    public static func forSite(root: URL) -> FindingsStore? {
        guard let program = runningProgram() else { return nil }
        return FindingsStore(url: root.appendingPathComponent(folder).appendingPathComponent("findings.bin"), program: program)
    }

    /// `size-mtime-inode` of `/proc/self/exe` (Linux); nil elsewhere.
    static func runningProgram() -> String? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)"
    }

    /// One article's entry: what must match, and where its findings' bytes are.
    struct Entry: Sendable {
        var digest: BodyDigest
        var published: LocalDateTime
        var findings: Range<Int>
        /// FNV-1a of the findings' bytes: damage inside a quote would still decode.
        var check: UInt64
    }

    /// The body's length in bytes and two independent FNV-1a hashes of them.
    struct BodyDigest: Hashable, Sendable {
        var length: Int
        var first: UInt64
        var second: UInt64

        init(_ body: String) {
            var body = body
            (length, first, second) = body.withUTF8 { ($0.count, Slug.fnv1a($0), Slug.fnv1a($0, seed: 0x9E3779B97F4A7C15)) }
        }

        init(length: Int, first: UInt64, second: UInt64) {
            (self.length, self.first, self.second) = (length, first, second)
        }
    }

    /// A read store: the file's bytes and its entries by article id.
    struct Archive: Sendable {
        let bytes: [UInt8]
        let entries: ByteKeyedDictionary<Entry>

        /// The stored findings of `article` when its entry matches, and their bytes (to be
        /// written again unchanged).
        func findings(for article: Article, digest: BodyDigest) -> (findings: ArticleFindings, bytes: ArraySlice<UInt8>)? {
            guard let entry = entries[article.id], entry.digest == digest, entry.published == article.published.local,
                  bytes.withUnsafeBufferPointer({ Slug.fnv1a($0[entry.findings]) }) == entry.check else { return nil }
            var reader = BinaryReader(bytes, range: entry.findings)
            guard let findings = try? ArticleFindings(decoding: &reader), reader.isAtEnd else { return nil }
            return (findings, bytes[entry.findings])
        }
    }

    /// What the next build needs of one article.
    struct Record: Sendable {
        var id: String
        var digest: BodyDigest
        var published: LocalDateTime
        var findings: [UInt8]
        /// Made with the record, on the core that made it (`Entry.check`).
        var check: UInt64

        init(id: String, digest: BodyDigest, published: LocalDateTime, findings: [UInt8]) {
            (self.id, self.digest, self.published, self.findings) = (id, digest, published, findings)
            check = findings.withUnsafeBufferPointer { Slug.fnv1a($0) }
        }
    }

    /// The registry as extraction sees it (ids, types and spellings, in order), digested.
    static func registryDigest(_ entities: [Entity]) -> BodyDigest {
        var writer = BinaryWriter()
        for entity in entities {
            writer.write(entity.id)
            writer.write(entity.type)
            writer.write(UInt64(entity.spellings.count))
            for spelling in entity.spellings { writer.write(spelling) }
        }
        return writer.bytes.withUnsafeBufferPointer { bytes in
            BodyDigest(length: bytes.count, first: Slug.fnv1a(bytes), second: Slug.fnv1a(bytes, seed: 0x9E3779B97F4A7C15))
        }
    }

    private func header(registry: BodyDigest) -> BinaryWriter {
        var writer = BinaryWriter()
        writer.write(bytes: Self.magic)
        writer.write(Self.formatVersion)
        writer.write(program)
        writer.write(registry.length)
        writer.write(registry.first)
        writer.write(registry.second)
        return writer
    }

    /// The stored entries made under this registry by this program; nil when there are none
    /// usable (no file, or one that is damaged or was made by something else).
    func load(registry: BodyDigest) -> Archive? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let bytes = [UInt8](data)
        let expected = header(registry: registry).bytes
        guard bytes.count >= expected.count, bytes[0..<expected.count].elementsEqual(expected) else { return nil }
        var reader = BinaryReader(bytes, range: expected.count..<bytes.count)
        do {
            var entries: [(String, Entry)] = []
            for _ in 0..<(try reader.readCount()) {
                let id = try reader.readString()
                let digest = BodyDigest(length: try reader.readInt(), first: try reader.readUInt(), second: try reader.readUInt())
                let published = LocalDateTime(year: try reader.readInt(), month: try reader.readInt(), day: try reader.readInt(),
                                              hour: try reader.readInt(), minute: try reader.readInt(), hasTime: try reader.readBool())
                let check = try reader.readUInt()
                entries.append((id, Entry(digest: digest, published: published, findings: try reader.readByteRange(), check: check)))
            }
            guard reader.isAtEnd else { return nil }
            return Archive(bytes: bytes, entries: ByteKeyedDictionary(entries))
        } catch {
            return nil
        }
    }

    /// Writes the records (beside the file, then renamed over it, so a reader never sees half a
    /// store). Returns why it could not, for a warning: the build itself has not failed.
    func save(_ records: [Record], registry: BodyDigest) -> String? {
        var writer = header(registry: registry)
        writer.write(UInt64(records.count))
        for record in records {
            writer.write(record.id)
            writer.write(record.digest.length)
            writer.write(record.digest.first)
            writer.write(record.digest.second)
            let published = record.published
            for field in [published.year, published.month, published.day, published.hour, published.minute] { writer.write(field) }
            writer.write(published.hasTime)
            writer.write(record.check)
            writer.write(bytes: record.findings)
        }
        let folder = url.deletingLastPathComponent()
        let staging = folder.appendingPathComponent(url.lastPathComponent + ".tmp-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(writer.bytes).write(to: staging)
            guard rename(staging.path, url.path) == 0 else {
                try? FileManager.default.removeItem(at: staging)
                return String(cString: strerror(errno))
            }
            return nil
        } catch {
            try? FileManager.default.removeItem(at: staging)
            return error.localizedDescription
        }
    }
}
