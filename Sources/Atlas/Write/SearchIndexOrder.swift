import Foundation

/// Puts Pagefind's filter index in a fixed order, so two builds of the same site stay
/// byte-identical. Pagefind (1.5) writes a filter's values in hash-map order, which changes from
/// run to run (its issue #638: fragments are stable, "filter/metadata indexes" are not); the
/// filter file is named by its content's hash, the metadata file names it and is named by its own
/// hash, and `pagefind-entry.json` names that. This sorts each filter's values by name, writes
/// the filter and metadata files again under names taken from their new content (same length,
/// same form), and points the entry file at them. Pagefind's client reads a file that starts with
/// its `pagefind_dcd` signature as already decompressed, so the files are written uncompressed.
enum SearchIndexOrder {
    enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        var description: String {
            switch self { case .unreadable(let what): return "cannot put the search index in order: \(what)" }
        }
    }

    static let signature = Array("pagefind_dcd".utf8)

    static func apply(to bundle: URL) throws {
        let files = FileManager.default
        let entryURL = bundle.appendingPathComponent("pagefind-entry.json")
        guard var entry = files.contents(atPath: entryURL.path).map({ String(decoding: $0, as: UTF8.self) }) else { throw Failure.unreadable("no pagefind-entry.json") }
        let filterFolder = bundle.appendingPathComponent("filter")
        let filters = ((try? files.contentsOfDirectory(atPath: filterFolder.path)) ?? []).filter { $0.hasSuffix(".pf_filter") }.sorted()
        guard !filters.isEmpty else { return }
        var renamed: [(old: String, new: String)] = []
        for name in filters {
            let url = filterFolder.appendingPathComponent(name)
            let content = try sortedFilter(try decompressed(url))
            let old = String(name.dropLast(".pf_filter".count))
            let new = contentName(like: old, content)
            try files.removeItem(at: url)
            try Data(signature + content).write(to: filterFolder.appendingPathComponent(new + ".pf_filter"))
            renamed.append((old, new))
        }
        // Each language's metadata names its filter files; rename it after its new content.
        let metas = try files.contentsOfDirectory(atPath: bundle.path).filter { $0.hasPrefix("pagefind.") && $0.hasSuffix(".pf_meta") }.sorted()
        for name in metas {
            let url = bundle.appendingPathComponent(name)
            var content = try decompressed(url)
            for item in renamed { content = replacing(Array(item.old.utf8), with: Array(item.new.utf8), in: content) }
            let old = String(name.dropFirst("pagefind.".count).dropLast(".pf_meta".count))
            let new = contentName(like: old, content)
            try files.removeItem(at: url)
            try Data(signature + content).write(to: bundle.appendingPathComponent("pagefind.\(new).pf_meta"))
            entry = entry.replacingOccurrences(of: "\"\(old)\"", with: "\"\(new)\"")
        }
        try Data(entry.utf8).write(to: entryURL)
    }

    /// A file's CBOR content without its gzip layer and signature.
    static func decompressed(_ url: URL) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Failure.unreadable(url.lastPathComponent) }
        var bytes = [UInt8](data)
        if !bytes.starts(with: signature) {
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            gzip.arguments = ["gzip", "-dc", url.path]
            let output = Pipe()
            gzip.standardOutput = output
            gzip.standardError = FileHandle.nullDevice
            try gzip.run()
            bytes = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
            gzip.waitUntilExit()
        }
        guard bytes.starts(with: signature) else { throw Failure.unreadable(url.lastPathComponent) }
        return Array(bytes.dropFirst(signature.count))
    }

    /// A filter file is `[name, [[value, [page…]]…]]`: the pairs, sorted by value.
    static func sortedFilter(_ content: [UInt8]) throws -> [UInt8] {
        var reader = CBORReader(bytes: content)
        guard reader.arrayHeader() == 2 else { throw Failure.unreadable("a filter is not [name, values]") }
        try reader.skip()
        guard let count = reader.arrayHeader() else { throw Failure.unreadable("a filter's values are not a list") }
        let pairsStart = reader.offset
        var pairs: [(value: [UInt8], bytes: ArraySlice<UInt8>)] = []
        for _ in 0..<count {
            let start = reader.offset
            guard reader.arrayHeader() == 2, let value = reader.text() else { throw Failure.unreadable("a filter value is not [name, pages]") }
            try reader.skip()
            pairs.append((value, content[start..<reader.offset]))
        }
        guard reader.offset == content.count else { throw Failure.unreadable("a filter file has trailing bytes") }
        let sorted = pairs.sorted { $0.value.lexicographicallyPrecedes($1.value) }.flatMap(\.bytes)
        return Array(content[..<pairsStart]) + sorted
    }

    /// "zh_8be1bea" → "zh_" and as many hex digits of the content's hash as the old name had.
    static func contentName(like old: String, _ content: [UInt8]) -> String {
        let prefix = String(old.prefix { $0 != "_" }) + "_"
        let digits = old.count - prefix.count
        var hex = ""
        var seed: UInt64 = 0
        while hex.count < digits {
            let digits16 = String(Slug.fnv1a(content, seed: seed), radix: 16)
            hex += String(repeating: "0", count: 16 - digits16.count) + digits16
            seed += 1
        }
        return prefix + String(hex.prefix(digits))
    }

    static func replacing(_ old: [UInt8], with new: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard !old.isEmpty else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if i + old.count <= bytes.count, bytes[i..<(i + old.count)].elementsEqual(old) {
                out += new
                i += old.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }
}

/// Reads just enough CBOR (RFC 8949) to find where items start and end.
struct CBORReader {
    let bytes: [UInt8]
    var offset = 0

    /// The argument of the item at `offset` and its major type, moving past the head.
    mutating func head() -> (major: UInt8, argument: UInt64)? {
        guard offset < bytes.count else { return nil }
        let initial = bytes[offset]
        let major = initial >> 5, info = initial & 0x1f
        offset += 1
        switch info {
        case 0..<24: return (major, UInt64(info))
        case 24...27:
            let length = 1 << Int(info - 24)
            guard offset + length <= bytes.count else { return nil }
            let value = bytes[offset..<(offset + length)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            offset += length
            return (major, value)
        default: return nil
        }
    }

    mutating func arrayHeader() -> Int? {
        let saved = offset
        guard let head = head(), head.major == 4 else { offset = saved; return nil }
        return Int(head.argument)
    }

    mutating func text() -> [UInt8]? {
        guard let head = head(), head.major == 3, offset + Int(head.argument) <= bytes.count else { return nil }
        defer { offset += Int(head.argument) }
        return Array(bytes[offset..<(offset + Int(head.argument))])
    }

    /// Moves past one whole item.
    mutating func skip() throws {
        guard let head = head() else { throw SearchIndexOrder.Failure.unreadable("unexpected CBOR") }
        switch head.major {
        case 0, 1, 7: return
        case 2, 3:
            guard offset + Int(head.argument) <= bytes.count else { throw SearchIndexOrder.Failure.unreadable("truncated CBOR") }
            offset += Int(head.argument)
        case 4: for _ in 0..<head.argument { try skip() }
        case 5: for _ in 0..<(head.argument * 2) { try skip() }
        case 6: try skip()
        default: throw SearchIndexOrder.Failure.unreadable("unexpected CBOR")
        }
    }
}
