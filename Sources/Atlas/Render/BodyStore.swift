/// Each article's rendered body, kept in the build cache (`bodies.bin`): rendering the bodies
/// (quotes found and marked, entities matched and linked) is an eighth of a large build's work,
/// and a body whose text, quotes and links did not change renders to the same HTML.
///
/// `BodyRenderer.render` reads only the body's blocks, language and excerpt flag, the quotes it
/// marks (with their ids) and the entity linker: the entry's key digests the first two, the
/// file is stamped with the linker (the registry it matches with and the pages it links to).
enum BodyStore {
    static let file = "bodies.bin"

    static func key(_ body: ImportedBody, anchors: [(quote: String, id: String)]) -> BuildCache.Digest {
        var writer = BinaryWriter()
        writer.write(body.language.rawValue)
        writer.write(body.isExcerpt)
        writer.write(UInt64(body.blocks.count))
        for block in body.blocks {
            switch block {
            case .heading(let text, let level):
                writer.write(0)
                writer.write(level)
                writer.write(text)
            case .paragraph(let text):
                writer.write(1)
                writer.write(text)
            case .list(let items):
                writer.write(2)
                writer.write(UInt64(items.count))
                for item in items { writer.write(item) }
            }
        }
        writer.write(UInt64(anchors.count))
        for anchor in anchors {
            writer.write(anchor.quote)
            writer.write(anchor.id)
        }
        return BuildCache.Digest(writer)
    }

    static func linker(_ entities: [Entity], urls: [String: String]) -> BuildCache.Digest {
        var writer = BinaryWriter()
        let registry = FindingsStore.registry(entities)
        registry.write(into: &writer)
        for (id, url) in urls.sorted(by: { $0.key < $1.key }) {
            writer.write(id)
            writer.write(url)
        }
        return BuildCache.Digest(writer)
    }

    static func body(_ kept: BuildCache.Entries?, key: BuildCache.Digest) -> (html: TrustedHTML, anchored: Set<String>)? {
        guard let kept, let place = kept.place(for: key) else { return nil }
        var reader = BinaryReader(kept.bytes, range: place.range)
        guard let html = try? reader.readString(), let count = try? reader.readCount(),
              let anchored = try? (0..<count).map({ _ in try reader.readString() }), reader.isAtEnd else { return nil }
        return (TrustedHTML(html), Set(anchored))
    }

    /// Made when the file is written, not with the body: the bodies are held anyway, and a second
    /// copy of them as bytes was 30 MB more at 10,000 articles.
    static func entry(html: TrustedHTML, anchored: Set<String>, key: BuildCache.Digest) -> BuildCache.Entry {
        var writer = BinaryWriter()
        writer.write(html.html)
        writer.write(UInt64(anchored.count))
        for id in anchored.sorted() { writer.write(id) }
        return BuildCache.Entry(key: key, bytes: writer.bytes)
    }
}
