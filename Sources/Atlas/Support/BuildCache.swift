import Foundation

/// The folder where a build keeps work for the next one (`.atlas-cache/` in the site folder):
/// the findings extracted from each article (`FindingsStore`), each article's rendered body
/// (`BodyStore`) and the charts' PNGs: a third, an eighth and a twentieth of a large build's work.
///
/// Every file is stamped with the program that wrote it (the executable's size, modification
/// time and inode, as ccache checks a compiler), so a rebuilt `atlas` with changed rules never
/// reads what an older one made, and with what else its entries were made under (the entity
/// registry, say). A file that is missing, foreign, truncated or stamped otherwise is not read;
/// the build does the work and writes a new one. Output never depends on the cache: a build
/// that reads it writes the same bytes as one that does not.
public struct BuildCache: Sendable {
    /// Bumped whenever the layout of any kept file changes.
    static let formatVersion: UInt64 = 2
    static let magic = Array("ATLAS-CACHE\n".utf8)
    /// From the site root; ignored by git (.gitignore) and never published.
    public static let folderName = ".atlas-cache"

    public let folder: URL
    /// What must be equal for kept work to be reused besides the inputs: the program that made it.
    public let program: String
    /// False for a reader only: `atlas serve` reads what a build kept but writes nothing into the
    /// site folder.
    public var writes = true

    public init(folder: URL, program: String) {
        self.folder = folder
        self.program = program
    }

    /// This cache, read but never written.
    public func readingOnly() -> BuildCache {
        var cache = self
        cache.writes = false
        return cache
    }

    /// The cache of a site folder, for the running executable; nil when the executable cannot be
    /// identified (then nothing is kept, rather than work an older program did).
    public static func forSite(root: URL) -> BuildCache? {
        guard let program = runningProgram() else { return nil }
        return BuildCache(folder: root.appendingPathComponent(folderName), program: program)
    }

    /// The running executable's `fileStamp` (`/proc/self/exe`, Linux); nil elsewhere.
    static func runningProgram() -> String? { fileStamp("/proc/self/exe") }

    /// `size-mtime-inode` of a file (its target, for a link): what changes when it is rebuilt or
    /// replaced by an upgrade.
    static func fileStamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)"
    }

    /// The stamp a file starts with: magic, version, file name, program, and `context`.
    private func header(_ name: String, context: Digest) -> BinaryWriter {
        var writer = BinaryWriter()
        writer.write(bytes: Self.magic)
        writer.write(Self.formatVersion)
        writer.write(name)
        writer.write(program)
        context.write(into: &writer)
        return writer
    }

    /// One kept piece of work: its bytes, by the digest of everything it was made from.
    struct Entry: Sendable {
        var key: Digest
        var bytes: [UInt8]
        /// FNV-1a of the bytes, made with the entry on the core that made it: damage inside a
        /// quote would still decode, so a damaged entry must not be read at all.
        var check: UInt64

        init(key: Digest, bytes: [UInt8]) {
            (self.key, self.bytes) = (key, bytes)
            check = bytes.withUnsafeBufferPointer { Slug.fnv1a($0) }
        }

        /// An entry read back, whose checksum is known (`Entries.place(for:)` verified it).
        init(key: Digest, bytes: [UInt8], check: UInt64) {
            (self.key, self.bytes, self.check) = (key, bytes, check)
        }
    }

    /// A read file of entries.
    struct Entries: Sendable {
        let bytes: [UInt8]
        let places: [Digest: (range: Range<Int>, check: UInt64)]

        var count: Int { places.count }

        /// Where the bytes kept for `key` are, and their checksum, when they are there and as
        /// written. Read in place (`BinaryReader(bytes, range:)`): a copy of each body was 30 MB
        /// more at 10,000 articles.
        func place(for key: Digest) -> (range: Range<Int>, check: UInt64)? {
            guard let place = places[key], bytes.withUnsafeBufferPointer({ Slug.fnv1a($0[place.range]) }) == place.check else { return nil }
            return place
        }

        /// The entry kept for `key`, copied out for the next file (its checksum not made again).
        func entry(for key: Digest, at place: (range: Range<Int>, check: UInt64)) -> Entry {
            Entry(key: key, bytes: Array(bytes[place.range]), check: place.check)
        }
    }

    /// The entries of the file `name`, when it is there and stamped for this program and
    /// `context` (what every entry was also made under: an entity registry, say).
    func entries(_ name: String, context: Digest) -> Entries? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
        let bytes = [UInt8](data)
        let expected = header(name, context: context).bytes
        guard bytes.count >= expected.count, bytes[0..<expected.count].elementsEqual(expected) else { return nil }
        var reader = BinaryReader(bytes, range: expected.count..<bytes.count)
        do {
            var places: [Digest: (range: Range<Int>, check: UInt64)] = [:]
            for _ in 0..<(try reader.readCount()) {
                let key = try Digest(reading: &reader)
                let check = try reader.readUInt()
                places[key] = (try reader.readByteRange(), check)
            }
            return reader.isAtEnd ? Entries(bytes: bytes, places: places) : nil
        } catch {
            return nil
        }
    }

    /// Writes the file `name` from `count` entries made one at a time by `entry` (beside the
    /// file, then renamed over it, so a reader never sees half of one), a megabyte at a time: a
    /// whole file in memory, and its copy as `Data`, raised a cold 10,000-article build's peak
    /// by a quarter. Returns why it could not, for a warning: the build itself has not failed.
    func write(_ name: String, context: Digest, count: Int, entry: (Int) -> Entry) -> String? {
        guard writes else { return nil }
        let target = folder.appendingPathComponent(name)
        let staging = folder.appendingPathComponent(name + ".tmp-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // Ignored by git and by backup tools in any site, whatever its own .gitignore says
            // (as pytest's and Cargo's caches mark themselves).
            for (marker, text) in [(".gitignore", "# made by atlas build: work kept for the next build, safe to delete\n*\n"),
                                   ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is atlas build's cache (https://bford.info/cachedir/).\n")]
            where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(marker).path) {
                try Data(text.utf8).write(to: folder.appendingPathComponent(marker))
            }
            guard FileManager.default.createFile(atPath: staging.path, contents: nil) else { return "cannot create \(staging.path)" }
            let handle = try FileHandle(forWritingTo: staging)
            defer { try? handle.close() }
            var writer = header(name, context: context)
            writer.write(UInt64(count))
            for index in 0..<count {
                let entry = entry(index)
                entry.key.write(into: &writer)
                writer.write(entry.check)
                writer.write(bytes: entry.bytes)
                if writer.bytes.count >= 1 << 20 { try writer.flush(to: handle) }
            }
            try writer.flush(to: handle)
            guard rename(staging.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: staging)
                return reason
            }
            return nil
        } catch {
            try? FileManager.default.removeItem(at: staging)
            return error.localizedDescription
        }
    }

    func write(_ name: String, context: Digest, entries: [Entry]) -> String? {
        write(name, context: context, count: entries.count) { entries[$0] }
    }

    /// Whether this build's entries say anything the file does not: an entry added, changed or gone.
    static func isNews(count: Int, reused: Int, kept: Entries?) -> Bool {
        reused != count || kept?.count != count
    }

    /// A length and two independent 64-bit hashes of some bytes: what a kept entry was made
    /// from (a body, a registry), compared instead of the bytes themselves.
    ///
    /// Each hash reads the bytes eight at a time (a multiply and a shift per word, each with its
    /// own constants and one with the word's halves swapped): two FNV-1a passes, a byte at a time,
    /// were a percent and a half of a build that reused everything, spent on digesting 30 MB of
    /// bodies.
    struct Digest: Hashable, Sendable {
        var length: Int
        var first: UInt64
        var second: UInt64

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            length = bytes.count
            var first: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: bytes.count)
            var second: UInt64 = 0x9E37_79B9_7F4A_7C15 &* (UInt64(truncatingIfNeeded: bytes.count) | 1)
            UnsafeRawBufferPointer(bytes).forEachWord { word in
                first = (first ^ word) &* 0xFF51_AFD7_ED55_8CCD
                first ^= first >> 33
                second = (second ^ (word << 32 | word >> 32)) &* 0xC4CE_B9FE_1A85_EC53
                second ^= second >> 29
            }
            self.first = first
            self.second = second
        }

        init(_ text: String) {
            var text = text
            self = text.withUTF8 { Digest($0) }
        }

        init(_ writer: BinaryWriter) {
            self = writer.bytes.withUnsafeBufferPointer { Digest($0) }
        }

        init(reading reader: inout BinaryReader) throws {
            length = try reader.readInt()
            first = try reader.readUInt()
            second = try reader.readUInt()
        }

        func write(into writer: inout BinaryWriter) {
            writer.write(length)
            writer.write(first)
            writer.write(second)
        }
    }
}
