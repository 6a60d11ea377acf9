/// The findings of the last build, kept in the build cache (`findings.bin`) so that the next
/// build reads each unchanged article's claims and events instead of extracting them again: a
/// third of a build's work, and what an editor's second build of a large site would otherwise
/// repeat for every article but the one they changed.
///
/// An article's findings depend on its id, body and publication time and on the entity registry
/// (`ArticleExtractor`): the entry's key digests the first three, the file is stamped with the
/// registry as extraction sees it (ids, types and spellings, in order).
enum FindingsStore {
    static let file = "findings.bin"

    /// What an article's findings are made from, besides the registry.
    static func key(_ article: Article) -> BuildCache.Digest {
        var writer = BinaryWriter()
        writer.write(article.id)
        writer.write(article.sourceText)
        let published = article.published.local
        for field in [published.year, published.month, published.day, published.hour, published.minute] { writer.write(field) }
        writer.write(published.hasTime)
        return BuildCache.Digest(writer)
    }

    static func registry(_ entities: [Entity]) -> BuildCache.Digest {
        var writer = BinaryWriter()
        for entity in entities {
            writer.write(entity.id)
            writer.write(entity.type)
            writer.write(UInt64(entity.spellings.count))
            for spelling in entity.spellings { writer.write(spelling) }
        }
        return BuildCache.Digest(writer)
    }

    /// The kept findings for `key`, decoded; nil when there are none, or they do not decode. With
    /// `keeping`, also their entry for the next file.
    static func findings(_ kept: BuildCache.Entries?, key: BuildCache.Digest, keeping: Bool) -> (findings: ArticleFindings, entry: BuildCache.Entry?)? {
        guard let kept, let place = kept.place(for: key) else { return nil }
        var reader = BinaryReader(kept.bytes, range: place.range)
        guard let findings = try? ArticleFindings(decoding: &reader), reader.isAtEnd else { return nil }
        return (findings, keeping ? kept.entry(for: key, at: place) : nil)
    }

    static func entry(_ findings: ArticleFindings, key: BuildCache.Digest) -> BuildCache.Entry {
        var writer = BinaryWriter()
        findings.encode(into: &writer)
        return BuildCache.Entry(key: key, bytes: writer.bytes)
    }
}
