/// Reads editor-written Markdown: articles (`content/articles/*.md`) and standalone pages
/// (`content/pages/*.md`). A bad file is reported and skipped so the rest still gets checked.
public enum MarkdownReader {
    static let articleKeys = ["title", "date", "source", "source_url", "topics", "tags", "lang", "slug", "summary", "draft", "aliases"]
    static let pageKeys = ["title", "slug", "date", "summary", "draft", "lang", "nav", "aliases"]
    static let topicKeys = ["title_zh", "title_en", "slug", "summary", "order", "aliases"]

    public static func topic(_ file: TextFile, log: inout DiagnosticLog) -> TopicDocument? {
        guard let parts = FrontMatter.split(file, log: &log),
              let fields = YAMLFields(yaml: parts.yaml, file: file.path, lineOffset: parts.yamlFirstLine - 1, allowed: topicKeys, log: &log)
        else { return nil }
        let before = log.errorCount
        let nameZh = required("title_zh", fields, log: &log)
        let nameEn = required("title_en", fields, log: &log)
        let slug = slugField(fields, log: &log) ?? Slug.fromFileName(file.path)
        var order: Int?
        if let raw = fields.string("order", log: &log) {
            order = Int(raw)
            if order == nil { log.error("`order` must be a whole number", at: fields.location(ofKey: "order"), hint: "write for example `order: 2`") }
        }
        let aliases = aliasesField(fields, log: &log)
        guard log.errorCount == before, let nameZh, let nameEn, !slug.isEmpty else { return nil }
        return TopicDocument(nameZh: nameZh, nameEn: nameEn, slug: slug, summary: fields.string("summary", log: &log), order: order,
                             markdown: parts.body, origin: SourceLocation(file: file.path, line: 1),
                             charts: chartReferences(parts, file: file), links: internalLinks(parts, file: file), bodyLine: parts.bodyFirstLine,
                             aliases: aliases)
    }

    /// The links into the site an editor writes, with their positions, for the build to check:
    /// identity links (`](@/section/key)`, also `](<@/…>)` and with spaces, and `[label]:
    /// @/section/key` definitions), site paths (`](/articles/x/)`) and anchors (`](#part)`).
    /// Code spans and fenced code are skipped, as cmark does.
    static func internalLinks(_ parts: FrontMatter, file: TextFile) -> [IdentityLink] {
        var links: [IdentityLink] = []
        var fence: Character?
        for (index, line) in parts.body.lines().enumerated() {
            let trimmed = line.trimmingWhitespace
            if let marker = trimmed.first, marker == "`" || marker == "~", trimmed.hasPrefix(String(repeating: marker, count: 3)) {
                fence = fence == nil ? marker : (fence == marker ? nil : fence)
                continue
            }
            if fence != nil { continue }
            // Every link this finds starts at `@/`, `/` or `#`: most lines have none, and are not
            // walked as Characters (a third of reading a Markdown article).
            guard line.utf8.contains(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "#") }) else { continue }
            for (target, column) in LinkTargets.inLine(line) {
                links.append(IdentityLink(target: target, location: SourceLocation(file: file.path, line: parts.bodyFirstLine + index, column: column)))
            }
        }
        return links
    }

    /// `topics`: the topics an article may name (nil: any name is taken as given, for reading a
    /// file on its own).
    public static func article(_ file: TextFile, config: SiteConfig, topics directory: TopicDirectory? = nil, log: inout DiagnosticLog) -> Article? {
        guard file.text.utf8.count <= DumpParser.maxBodyBytes else {
            log.error("the article is \(file.text.utf8.count / 1_000) kB; articles are read up to \(DumpParser.maxBodyBytes / 1_000) kB",
                      at: SourceLocation(file: file.path, line: 1), hint: "split it into several articles, or check that it is the file you meant")
            return nil
        }
        guard let parts = FrontMatter.split(file, log: &log),
              let fields = YAMLFields(yaml: parts.yaml, file: file.path, lineOffset: parts.yamlFirstLine - 1, allowed: articleKeys, log: &log)
        else { return nil }
        let errorsBefore = log.errorCount
        let title = required("title", fields, log: &log)
        let source = required("source", fields, log: &log)
        let published = date(fields, required: true, log: &log).flatMap {
            Timestamp.make($0, zone: config.timeZone, at: fields.location(ofKey: "date"), log: &log)
        }
        let slug = slugField(fields, log: &log)
        let aliases = aliasesField(fields, log: &log)
        let language = languageField(fields, log: &log)
        let sourceURL = fields.string("source_url", log: &log)
        if let sourceURL, !(sourceURL.hasPrefix("https://") || sourceURL.hasPrefix("http://")) {
            log.error("`source_url` must start with http:// or https://", at: fields.location(ofKey: "source_url"),
                      hint: "give the full address of the original article")
        }
        guard log.errorCount == errorsBefore, let title, let source, let published else { return nil }
        var topics: [String] = []
        for (topic, location) in fields.commaList("topics", log: &log) ?? [] {
            if topic.isEmpty {
                log.warning("an empty topic name is ignored", at: location)
                continue
            }
            guard let directory else {
                if !topics.contains(topic) { topics.append(topic) }
                continue
            }
            guard let name = directory.resolve(topic) else {
                let near = directory.suggestion(for: topic).map { "; did you mean `\($0)`?" } ?? ""
                log.error("unknown topic `\(topic)`\(near)", at: location, hint: directory.hint)
                continue
            }
            if !topics.contains(name) { topics.append(name) }
        }
        guard log.errorCount == errorsBefore else { return nil }
        var article = Article(
            slug: slug ?? "", title: title, source: source, sourceURL: sourceURL, published: published,
            topics: topics, tags: (fields.commaList("tags", log: &log) ?? []).map(\.value).filter { !$0.isEmpty }.orderedUnique(), summary: fields.string("summary", log: &log),
            body: .markdown(parts.body, language: language ?? Language.detect(parts.body)),
            isDraft: fields.bool("draft", log: &log) ?? false, origins: [SourceLocation(file: file.path, line: 1)],
            charts: chartReferences(parts, file: file), links: internalLinks(parts, file: file))
        article.aliases = aliases
        return article
    }

    public static func page(_ file: TextFile, log: inout DiagnosticLog) -> Page? {
        guard let parts = FrontMatter.split(file, log: &log),
              let fields = YAMLFields(yaml: parts.yaml, file: file.path, lineOffset: parts.yamlFirstLine - 1, allowed: pageKeys, log: &log)
        else { return nil }
        let title = required("title", fields, log: &log)
        let time = date(fields, required: false, log: &log)
        let slug = slugField(fields, log: &log) ?? Slug.fromFileName(file.path)
        let aliases = aliasesField(fields, log: &log)
        let language = languageField(fields, log: &log)
        // A bad date or language is logged (the build fails) but the page is still read, so its
        // links and charts are checked in the same run.
        guard let title else { return nil }
        return Page(slug: slug, title: title, summary: fields.string("summary", log: &log), date: time,
                    language: language ?? Language.detect(parts.body), markdown: parts.body,
                    isDraft: fields.bool("draft", log: &log) ?? false, navLabel: fields.string("nav", log: &log),
                    origin: SourceLocation(file: file.path, line: 1),
                    slugLocation: fields.has("slug") ? fields.location(ofKey: "slug") : SourceLocation(file: file.path, line: 1),
                    charts: chartReferences(parts, file: file), links: internalLinks(parts, file: file), bodyLine: parts.bodyFirstLine,
                    aliases: aliases)
    }

    static func chartReferences(_ parts: FrontMatter, file: TextFile) -> [ChartReference] {
        Markdown.chartReferences(in: parts.body).map {
            ChartReference(name: $0.name, extra: $0.extra, location: SourceLocation(file: file.path, line: parts.bodyFirstLine + $0.line - 1, column: $0.column))
        }
    }

    private static func required(_ key: String, _ fields: YAMLFields, log: inout DiagnosticLog) -> String? {
        let value = fields.string(key, log: &log)?.trimmingWhitespace
        guard let value, !value.isEmpty else {
            log.error("`\(key)` is missing or empty", at: fields.has(key) ? fields.location(ofKey: key) : fields.mappingLocation,
                      hint: "add `\(key): …` to the front matter")
            return nil
        }
        return value
    }

    private static func date(_ fields: YAMLFields, required: Bool, log: inout DiagnosticLog) -> LocalDateTime? {
        guard let raw = fields.string("date", log: &log) else {
            if required {
                log.error("`date` is missing", at: fields.mappingLocation, hint: "add `date: YYYY-MM-DD HH:MM` (the publication time)")
            }
            return nil
        }
        guard let time = LocalDateTime.parse(raw.trimmingWhitespace) else {
            log.error("`date` `\(raw)` is not `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`", at: fields.location(ofKey: "date"),
                      hint: "write for example `date: 2025-08-18 13:30`")
            return nil
        }
        if let problem = time.calendarProblem {
            log.error("impossible date `\(raw)`: \(problem)", at: fields.location(ofKey: "date"), hint: "use a date that exists")
            return nil
        }
        return time
    }

    private static func slugField(_ fields: YAMLFields, log: inout DiagnosticLog) -> String? {
        guard let slug = fields.string("slug", log: &log) else { return nil }
        if let problem = Slug.problem(with: slug) {
            log.error("slug `\(slug)`: \(problem)", at: fields.location(ofKey: "slug"), hint: Slug.rule)
            return nil
        }
        return slug
    }

    /// `aliases: [/old/path/]`: the page's earlier addresses, each of which gets a redirect.
    private static func aliasesField(_ fields: YAMLFields, log: inout DiagnosticLog) -> [Alias] {
        (fields.strings("aliases", log: &log) ?? []).compactMap { raw in
            switch Alias.normalise(raw) {
            case .success(let path): return Alias(path: path, location: fields.location(ofKey: "aliases"))
            case .failure(let problem):
                log.error("alias `\(raw)`: \(problem)", at: fields.location(ofKey: "aliases"),
                          hint: "list the page's old addresses as site paths, e.g. `aliases: [/articles/old-name/]`")
                return nil
            }
        }
    }

    private static func languageField(_ fields: YAMLFields, log: inout DiagnosticLog) -> Language? {
        guard let raw = fields.string("lang", log: &log) else { return nil }
        if let language = Language.parse(raw) { return language }
        log.error("`lang` `\(raw)` is not supported", at: fields.location(ofKey: "lang"), hint: "use `zh-Hans` or `en`")
        return nil
    }
}
