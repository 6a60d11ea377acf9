import Foundation
import Yams

/// `content/urls.yml`: the slug each published article has, and the slugs it had before.
///
/// A dump article has no file name and no front matter, so its slug is made from its title
/// once, when it is first built, and then remembered here. Later builds read the slug back,
/// so correcting the title or the date in a dump keeps the URL. An article is recognised when
/// its title, source and date all agree with an entry, or, failing that, when two of the three
/// do and no other article or entry could be meant (a corrected title keeps source and date; a
/// corrected date keeps title and source). A Markdown article's slug comes from its file name
/// or `slug:`; when that changes, the map still knows the old one and keeps it as an alias, so
/// the old URL redirects. `atlas build` rewrites the file when an article is added, moved or
/// removed; `serve` and `check` only read it. The file is committed with the content, like
/// `public/`, so every machine builds the same URLs.
public struct URLMap: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var slug: String
        public var title: String
        public var source: String
        /// `YYYY-MM-DD HH:MM` in the site's time zone, as the dumps print it.
        public var date: String
        /// Earlier slugs of the article (after an editor chose a new one): each gets a redirect.
        public var aliases: [String] = []
        public var location: SourceLocation?

        public init(slug: String, title: String, source: String, date: String, aliases: [String] = [], location: SourceLocation? = nil) {
            self.slug = slug
            self.title = title
            self.source = source
            self.date = date
            self.aliases = aliases
            self.location = location
        }

        /// How many of title, source and date agree with `article`.
        func agreement(with article: Article) -> Int {
            (title == article.title ? 1 : 0) + (source == article.source ? 1 : 0) + (date == article.published.local.description ? 1 : 0)
        }
    }

    public static let path = "content/urls.yml"
    static let keys = ["slug", "title", "source", "date", "aliases"]

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    public static func read(_ file: TextFile, log: inout DiagnosticLog) -> URLMap {
        // The file as `text` wrote it is read without a YAML parser (a quarter of a second, on
        // one core, at 10,000 articles); anything else an editor made of it goes to the parser.
        if let items = WrittenURLMap.items(file.text, file: file.path) { return check(items, file: file.path, log: &log) }
        return readYAML(file, log: &log)
    }

    /// One entry as read, before its values are checked.
    struct Item {
        /// slug, title, source, date, in that order.
        var values: [String]
        var aliases: [String]
        var mappingLocation: SourceLocation
        var slugLocation: SourceLocation
        var aliasesLocation: SourceLocation
    }

    static func readYAML(_ file: TextFile, log: inout DiagnosticLog) -> URLMap {
        guard case .parsed(let node) = YAMLFields.compose(file.text, file: file.path, log: &log) else { return URLMap() }
        guard let node else { return URLMap() }
        guard case .sequence(let nodes) = node else {
            log.error("the URL map must be a list of articles", at: SourceLocation(file: file.path, line: 1),
                      hint: "restore it from git; `atlas build` writes it")
            return URLMap()
        }
        var items: [Item] = []
        for node in nodes {
            guard let fields = YAMLFields(node: node, file: file.path, allowed: keys, unknownKeysAreErrors: true, log: &log) else { continue }
            let values = ["slug", "title", "source", "date"].map { fields.string($0, log: &log) ?? "" }
            // An entry missing a value is reported for that alone: its aliases are not read.
            let aliases = values.contains(where: \.isEmpty) ? [] : fields.strings("aliases", log: &log) ?? []
            items.append(Item(values: values, aliases: aliases, mappingLocation: fields.mappingLocation,
                              slugLocation: fields.location(ofKey: "slug"), aliasesLocation: fields.location(ofKey: "aliases")))
        }
        return check(items, file: file.path, log: &log)
    }

    private static func check(_ items: [Item], file: String, log: inout DiagnosticLog) -> URLMap {
        var entries: [Entry] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            let values = item.values
            if let missing = zip(["slug", "title", "source", "date"], values).first(where: { $0.1.isEmpty }) {
                log.error("the entry has no `\(missing.0)`", at: item.mappingLocation, hint: "every entry has slug, title, source and date")
                continue
            }
            for slug in [values[0]] + item.aliases {
                if let problem = Slug.problem(with: slug) {
                    log.error("slug `\(slug)`: \(problem)", at: slug == values[0] ? item.slugLocation : item.aliasesLocation, hint: Slug.rule)
                } else if let other = seen[slug] {
                    log.error("the slug `\(slug)` is also given on line \(other.line)", at: item.slugLocation,
                              hint: "one URL can belong to one article only; remove one of the two")
                }
                seen[slug] = item.slugLocation
            }
            entries.append(Entry(slug: values[0], title: values[1], source: values[2], date: values[3], aliases: item.aliases,
                                 location: item.slugLocation))
        }
        return URLMap(entries: entries)
    }

    /// The file as `atlas build` writes it: entries by slug, every value quoted as JSON (which
    /// YAML reads as it is), so the same map always gives the same bytes.
    public var text: String {
        var lines = [
            "# The URL of every published article, kept by `atlas build` so that correcting an article's",
            "# title or date in a dump does not move its page, and a Markdown article whose file or",
            "# `slug:` changes leaves a redirect at its old URL (see README, \"Stable URLs\"). Commit it",
            "# with the content. To move an imported article, change its `slug` here and add the old",
            "# one to `aliases`.",
        ]
        for entry in entries.sorted(by: { $0.slug < $1.slug }) {
            lines.append("- slug: \(entry.slug)")
            lines.append("  title: \(Self.quoted(entry.title))")
            lines.append("  source: \(Self.quoted(entry.source))")
            lines.append("  date: \(Self.quoted(entry.date))")
            if !entry.aliases.isEmpty { lines.append("  aliases: [\(entry.aliases.sorted().joined(separator: ", "))]") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// As `JSONEncoder` writes a string (`JSONRecordsTests`), without making an encoder per
    /// value (a tenth of a second on one core at 10,000 articles).
    static func quoted(_ text: String) -> String {
        var quoted = ""
        JSONRecords.quote(text, into: &quoted)
        return quoted
    }

    /// Pairs articles with entries: exact matches first, then the unambiguous two-of-three ones.
    /// Returns entry index by article index.
    func match(_ articles: [Article], candidates: [Int]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var used = Set<Int>()
        // By bytes: the keys hold titles, mostly Chinese, which a `String` key normalises to hash.
        var exact = ByteKeyedDictionary<Int>()
        for (index, entry) in entries.enumerated() { exact["\(entry.title)\u{1F}\(entry.source)\u{1F}\(entry.date)"] = index }
        for index in candidates {
            let article = articles[index]
            if let entry = exact["\(article.title)\u{1F}\(article.source)\u{1F}\(article.published.local)"], !used.contains(entry) {
                result[index] = entry
                used.insert(entry)
            }
        }
        let open = candidates.filter { result[$0] == nil }
        let openEntries = entries.indices.filter { !used.contains($0) }
        let pairs = open.flatMap { article in
            openEntries.filter { entries[$0].agreement(with: articles[article]) == 2 }.map { (article: article, entry: $0) }
        }
        for pair in pairs {
            let rivals = pairs.filter { $0.article == pair.article || $0.entry == pair.entry }
            if rivals.count == 1 { result[pair.article] = pair.entry }
        }
        return result
    }
}
