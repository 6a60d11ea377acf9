import Foundation

/// Runs the pipeline: load → import → link → render → write. Every stage reports into one log;
/// nothing is written unless the whole build is clean, so a failed build leaves `public/` as it was.
public struct Builder: Sendable {
    public struct Options: Sendable {
        public var root: URL
        public var output: URL
        public var baseURL: String?
        public var includeDrafts: Bool
        /// Page-relative links that name files, for opening the site from disk.
        public var relativeLinks: Bool
        /// The `rsvg-convert` that draws the charts' PNGs; nil: `ATLAS_RSVG_CONVERT` or PATH;
        /// empty: none (the build warns and makes no PNGs).
        public var rsvgConvert: String? = nil
        /// Where work is kept for the next build (`BuildCache.forSite`, as `atlas build` and
        /// `atlas check` use it); nil: every article is extracted and every body rendered.
        public var cache: BuildCache? = nil

        public init(root: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, relativeLinks: Bool = false) {
            self.root = root
            self.output = output ?? root.appendingPathComponent("public")
            self.baseURL = baseURL
            self.includeDrafts = includeDrafts
            self.relativeLinks = relativeLinks
        }
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var pagesWritten: Int
        public var filesWritten: Int
        public var articles: [Article]
        /// Seconds per stage, for `--verbose`.
        public var timings: [Timing] = []
        /// Files rendered (all of them in a full build; what changed in `BuildSession`).
        public var filesRendered = 0
        /// Whether any page's bytes changed (an incremental rebuild's search index is then stale).
        public var pagesChanged = false
        /// Warnings left out because the previous rebuild reported them (`BuildSession`).
        public var warningsAsBefore = 0
        /// The plan the site was written from, when `build(keepingPlan:)` was asked to keep it:
        /// a command that exits right after need not free it (a tenth of a second of small frees
        /// at 10,000 articles).
        public var plan: Plan?
        public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
    }

    public struct Timing: Sendable {
        public var stage: String
        public var seconds: Double
        /// Processor time of all threads during the stage: against `seconds`, how well the
        /// stage uses the cores.
        public var cpuSeconds: Double? = nil
        /// The process's resident memory when the stage ended (Linux), to see which stage
        /// holds what.
        public var resident: Int? = Timing.residentBytes()
        /// What the stage did that explains its time (`10028 of 10028 from .atlas-cache`).
        public var note: String? = nil

        /// `  extract             2850.3 ms    5680.3 ms CPU     131 MB resident`, as `--verbose` prints it.
        public var line: String {
            "  " + stage.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%8.1f ms", seconds * 1000)
                + (cpuSeconds.map { String(format: "  %8.1f ms CPU", $0 * 1000) } ?? "")
                + (resident.map { String(format: "  %6d MB resident", $0 >> 20) } ?? "")
                + (note.map { "  (\($0))" } ?? "")
        }

        /// Resident bytes from `/proc/self/statm` (its second field, in pages); nil elsewhere.
        static func residentBytes() -> Int? {
            guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
            let fields = text.split(separator: " ")
            guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        }

        /// User and system time of the whole process so far.
        static func processorSeconds() -> Double {
            var usage = rusage()
            getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
            func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
            return seconds(usage.ru_utime) + seconds(usage.ru_stime)
        }
    }

    /// Measures the stages of one build (monotonic clock).
    struct StageClock {
        var last = DispatchTime.now().uptimeNanoseconds
        var lastProcessor = Timing.processorSeconds()
        var timings: [Timing] = []
        mutating func mark(_ stage: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            let processor = Timing.processorSeconds()
            timings.append(Timing(stage: stage, seconds: Double(now - last) / 1e9, cpuSeconds: processor - lastProcessor))
            last = now
            lastProcessor = processor
        }
    }

    /// A linked site and the files to render from it.
    public struct Plan: Sendable {
        public var site: Site
        public var jobs: [RenderJob]
        public var timings: [Timing]
        /// What `atlas serve` needs to show an edited article's page before the rest of the site
        /// (made only when the memo remembers, as the preview's does).
        var preview: BodyEditPreview?
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// Everything up to rendered files, without touching the output folder.
    /// `checking`: render even when the inputs have errors, so `atlas check` can also report
    /// what only shows in the output (broken links, unknown template keys).
    public func prepare(log: inout DiagnosticLog, keys: KeyCollector? = nil, checking: Bool = false) -> (site: Site, files: [OutputFile], timings: [Timing])? {
        guard let planned = plan(log: &log, keys: keys, checking: checking) else { return nil }
        return (planned.site, Parallel.map(planned.jobs) { $0.render() }, planned.timings)
    }

    /// Everything up to the list of files to render (each rendered on demand).
    public func plan(log: inout DiagnosticLog, keys: KeyCollector? = nil, checking: Bool = false) -> Plan? {
        var cache = FindingsCache(remembering: false, store: options.cache)
        return plan(log: &log, keys: keys, checking: checking, cache: &cache)
    }

    /// `cache`: the previous build's findings, reused for unchanged articles; `memo`: its read
    /// files and rendered Markdown (`atlas serve`).
    public func plan(log: inout DiagnosticLog, keys: KeyCollector? = nil, checking: Bool = false,
                     cache: inout FindingsCache, memo: RenderMemo = RenderMemo(remembering: false)) -> Plan? {
        var clock = StageClock()
        var content = ContentLoader.load(root: options.root, log: &log)
        clock.mark("load")
        let config = content.config.flatMap { SiteConfig.load($0, baseURLOverride: options.baseURL, log: &log) } ?? .fallback
        let side = SideFiles(content, builder: self)
        let dumps = Self.parallel(content.dumps, log: &log, memo: memo, kind: "dump", input: "") { DumpParser.parse($0, log: &$1) }
        let topicDocuments = content.topics.compactMap { MarkdownReader.topic($0, log: &log) }
        let topicDirectory = TopicDirectory(dumpTopics: dumps.map(\.topic), documents: topicDocuments)
        let markdownArticles = Self.parallel(content.articles, log: &log, memo: memo, kind: "article",
                                             input: ArticleInputs(config: config, topics: topicDirectory)) {
            MarkdownReader.article($0, config: config, topics: topicDirectory, log: &$1)
        }
        // Only a preview, which remembers between builds, keeps the dumps' text for the next
        // edit; a build lets the texts of dumps and articles go once they are read (22 MB at
        // 10,000 articles, held to the end of the build before).
        let dumpTexts = memo.remembering ? Dictionary(content.dumps.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a }) : [:]
        content.dumps = []
        content.articles = []
        let pages = content.pages.compactMap { MarkdownReader.page($0, log: &log) }
        var urlMap = side.urls.joined(into: &log)
        let articles = ArticleCatalog.merge(dumps: dumps, markdown: markdownArticles, config: config, urls: &urlMap, log: &log) { body in
            memo.value("structure\u{0}" + body) { BodyStructurer.structure(body) }
        }
        let registry = side.registry.joined(into: &log)
        // The file is there but is no registry (a YAML slip): see below.
        let registryUnreadable = registry.map { $0 == nil } ?? false
        let entities = (registry ?? []) ?? []
        let edits = side.edits.joined(into: &log)
        let datasets = side.datasets.joined(into: &log)
        clock.mark("import")
        let curated = registryUnreadable ? [] : content.timeline.map { TimelineReader.read($0, entities: Set(entities.map(\.id)), log: &log) } ?? []
        checkPageSlugs(pages, log: &log)
        var topicSlugs: [String: SourceLocation] = [:]
        for document in topicDocuments {
            if let other = topicSlugs[document.slug] {
                log.error("the topic slug `\(document.slug)` is already used by \(other.file)", at: document.origin, hint: "give one of the topics another `slug`")
            }
            topicSlugs[document.slug] = document.origin
        }
        for reference in pages.flatMap(\.charts) + markdownArticles.flatMap(\.charts) + topicDocuments.flatMap(\.charts) {
            if !ChartCatalog.names.contains(reference.name) {
                let near = EditDistance.nearest(reference.name, in: ChartCatalog.names).map { "; did you mean `\($0)`?" } ?? ""
                log.error(reference.name.isEmpty ? "the chart fence names no chart" : "unknown chart `\(reference.name)`\(near)",
                          at: reference.location, hint: "write ```chart NAME; charts: \(ChartCatalog.names.joined(separator: ", "))")
            } else if !reference.extra.isEmpty {
                log.error("the chart fence `chart \(reference.name)` takes nothing after the chart name, but has `\(reference.extra)`", at: reference.location,
                          hint: "write `chart \(reference.name)` alone after the fence; charts: \(ChartCatalog.names.joined(separator: ", "))")
            }
        }
        // An unreadable registry is one error; the timeline, claim corrections, links and
        // figures that name entities would each add their own, so linking waits for the fix.
        if registryUnreadable { return nil }
        let templates = side.templates.joined(into: &log)
        let assets = side.assets.joined(into: &log)
        let topicOrder = dumps.map(\.topic) + markdownArticles.flatMap(\.topics)
        var site = Site(config: config, articles: articles, pages: pages, topicOrder: topicOrder, documents: topicDocuments,
                        includeDrafts: options.includeDrafts)
        site.entities = entities
        site.urlMap = urlMap
        clock.mark("templates")
        let findings = ArticleExtractor(entities: entities).findings(for: site.articles, cache: &cache)
        clock.mark("extract")
        if cache.store != nil {
            clock.timings[clock.timings.count - 1].note = "\(cache.reusedFromStore) of \(findings.count) articles from \(BuildCache.folderName)"
        }
        if let problem = cache.storeProblem { cacheProblem(problem, log: &log) }
        let matcher = EntityMatcher(entities: entities)
        let registryVersion = memo.version("mention-registry", of: entities)
        site.mentions = MentionIndex(articles: site.articles, counts: Parallel.map(Array(zip(site.articles, findings))) { article, found in
            memo.value("mentions\u{0}\(registryVersion)\u{0}\(article.title)\u{0}" + article.sourceText) {
                MentionIndex.counts(in: article, matcher: matcher, extracted: found.bodyMentions)
            }
        })
        site.datasets = datasets
        // Two chains of mostly one-core steps that read different parts of the site, side by
        // side (a fifth of a second at 10,000 articles); each keeps its own diagnostics, joined
        // in a fixed order.
        let identityLinks = pages.flatMap(\.links) + markdownArticles.flatMap(\.links) + topicDocuments.flatMap(\.links)
            + entities.compactMap(\.about?.source)
        let documents = topicDocuments.map { CuratedFigures.Document(file: $0.origin.file, bodyLine: $0.bodyLine, markdown: $0.markdown) }
            + pages.map { CuratedFigures.Document(file: $0.origin.file, bodyLine: $0.bodyLine, markdown: $0.markdown) }
        let mentioned = site
        let (neighbours, figures) = Parallel.both({
            var log = DiagnosticLog()
            let related = RelatedArticles.compute(mentioned.articles, mentions: mentioned.mentions)
            IdentityLinks(site: mentioned).check(identityLinks, log: &log)
            EntityDescriptions.check(mentioned, log: &log)
            let events = Timeline.assemble(extracted: findings.flatMap(\.events), articles: mentioned.articles, curated: curated)
            return (related: related, events: events, log: log)
        }, {
            var log = DiagnosticLog()
            var site = mentioned
            site.claims = ClaimLedger.apply(edits, to: findings.flatMap(\.claims), articles: site.articles, entities: entities, log: &log)
            site.references = ReferenceFigures.compute(datasets, entities: entities)
            site.conflicts = Conflicts.find(site.claims, references: site.references,
                                            published: ByteKeyedDictionary(site.articles.map { ($0.id, $0.published.local.year) }))
            // Numbers editors write must be ones their sources state.
            CuratedFigures.check(documents, timeline: curated, site: site, markdown: Markdown(allowsRawHTML: config.allowsRawHTML), log: &log)
            return (claims: site.claims, references: site.references, conflicts: site.conflicts, log: log)
        })
        site.related = neighbours.related
        site.events = neighbours.events
        site.claims = figures.claims
        site.references = figures.references
        site.conflicts = figures.conflicts
        log.append(neighbours.log)
        log.append(figures.log)
        clock.mark("link")
        guard !log.hasErrors || checking, let templates else { return nil }
        let rasterizer = options.rsvgConvert.map { ChartRasterizer.locate(environment: ["ATLAS_RSVG_CONVERT": $0]) } ?? ChartRasterizer.locate()
        if rasterizer == nil {
            log.warning("charts are published without PNG images: rsvg-convert was not found", at: nil,
                        hint: "run scripts/install-deps (Debian librsvg2-bin), or set ATLAS_RSVG_CONVERT to the rsvg-convert binary")
        }
        // Charts' PNGs are taken from the output folder, or from the site's public/ when building
        // elsewhere (a benchmark's fresh folder drew the five again: 0.6 s of the real site's 1 s).
        let published = options.root.appendingPathComponent("public")
        let renderer = SiteRenderer(site: site, templates: templates, keys: keys, memo: memo, rasterizer: rasterizer,
                                    previousOutputs: published.standardizedFileURL == options.output.standardizedFileURL
                                        ? [options.output] : [options.output, published], cache: cache.store)
        for chart in renderer.charts where rasterizer != nil && renderer.chartImages[chart.name] == nil {
            log.warning("the chart `\(chart.name)` has no PNG image: rsvg-convert could not draw it", at: nil,
                        hint: "run `rsvg-convert public/data/\(chart.name)/\(chart.name).svg > /dev/null` to see why")
        }
        clock.mark("prepare render")
        if let kept = renderer.keptBodies {
            clock.timings[clock.timings.count - 1].note = "\(kept.reused) of \(kept.of) bodies from \(BuildCache.folderName)"
            if let problem = kept.problem, cache.storeProblem == nil { cacheProblem(problem, log: &log) }
        }
        let jobs = renderer.jobs() + assets.map(RenderJob.init)
        MarkdownLinks.check(site, jobs: jobs, log: &log)
        checkAliases(renderer.aliasRedirects().map(\.alias), jobs: jobs, log: &log)
        clock.mark("plan pages")
        guard !log.hasErrors || checking else { return nil }
        let preview = memo.remembering ? BodyEditPreview(renderer: renderer, sources: BodyEditPreview.Sources(
            dumps: dumps, texts: dumpTexts,
            config: config, topics: topicDirectory, edits: edits)) : nil
        return Plan(site: site, jobs: jobs, timings: clock.timings, preview: preview)
    }

    /// The topics as the site has them now (names and URLs), read without extracting or
    /// rendering anything: for `atlas new topic`, which must not move a published topic.
    public func currentTopics(log: inout DiagnosticLog) -> [TopicSummary] {
        let content = ContentLoader.load(root: options.root, log: &log)
        let config = content.config.flatMap { SiteConfig.load($0, log: &log) } ?? .fallback
        let dumps = content.dumps.compactMap { DumpParser.parse($0, log: &log) }
        let markdown = content.articles.compactMap { MarkdownReader.article($0, config: config, log: &log) }
        let articles = ArticleCatalog.merge(dumps: dumps, markdown: markdown, config: config, log: &log)
        return Site(config: config, articles: articles, pages: [], topicOrder: dumps.map(\.topic) + markdown.flatMap(\.topics),
                    documents: content.topics.compactMap { MarkdownReader.topic($0, log: &log) }).topics
    }

    public func build(keepingPlan: Bool = false) -> Report {
        var log = DiagnosticLog()
        guard let prepared = plan(log: &log) else {
            return Report(diagnostics: log.sorted, pagesWritten: 0, filesWritten: 0, articles: [])
        }
        var report = write(prepared, log: &log)
        if report.succeeded {
            recordURLs(prepared.site.urlMap, log: &log)
            report.diagnostics = log.sorted
        }
        if keepingPlan { report.plan = prepared }
        return report
    }

    /// Writes content/urls.yml when this build gave an article a URL the file does not hold yet,
    /// moved one, or dropped one whose article is gone, so the next build keeps them.
    func recordURLs(_ map: URLMap, log: inout DiagnosticLog) {
        let url = options.root.appendingPathComponent(URLMap.path)
        let text = map.text
        let current = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
        guard current != text, !(current == nil && map.entries.isEmpty) else { return }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            log.warning("cannot write \(URLMap.path): \(error.localizedDescription)", at: nil,
                        hint: "the site was built; until the file is written, a corrected title or date moves an article's URL")
        }
    }

    /// A kept file that could not be written: the build goes on, and the next one does the work again.
    func cacheProblem(_ problem: String, log: inout DiagnosticLog) {
        log.warning("cannot keep work for the next build in \(BuildCache.folderName)/: \(problem)", at: nil,
                    hint: "nothing else is affected; the next build extracts and renders every article again (make the site folder writable, or pass --no-cache)")
    }

    /// An alias names an old address: one the site still makes a page at cannot redirect.
    func checkAliases(_ aliases: [Alias], jobs: [RenderJob], log: inout DiagnosticLog) {
        var count: [String: Int] = [:]
        for job in jobs { count[job.path, default: 0] += 1 }
        for alias in aliases where (count[alias.path + "index.html"] ?? 0) > 1 {
            log.error("the alias `/\(alias.path)` is the address of a page the site still makes", at: alias.location,
                      hint: "an alias lists an old address that no page uses any more; remove it")
        }
    }

    /// Renders and writes a planned site (staged beside the output, swapped in at the end) and
    /// indexes it for search (`indexingSearch`; the preview indexes later, in the background).
    func write(_ prepared: Plan, log: inout DiagnosticLog, indexingSearch: Bool = true) -> Report {
        var timings = prepared.timings
        let writeStarted = DispatchTime.now().uptimeNanoseconds
        let processorStarted = Timing.processorSeconds()
        do {
            let indexer = SearchIndexer.locate(root: options.root)
            if let setting = SearchIndexer.unusableSetting() {
                log.warning("ATLAS_PAGEFIND is `\(setting)`, which is not an executable file: "
                            + (indexer.map { "the search index was built with \($0.binary.path) instead" } ?? "search is not indexed"), at: nil,
                            hint: "point ATLAS_PAGEFIND at the pagefind_extended binary, or unset it")
            } else if indexer == nil {
                log.warning("search is not indexed: Pagefind was not found", at: nil,
                            hint: "run scripts/install-deps, or set ATLAS_PAGEFIND to the pagefind_extended binary")
            }
            let basePath = prepared.site.config.basePath
            let transform: (@Sendable (OutputFile) -> OutputFile)? = options.relativeLinks ? { @Sendable in RelativeLinks.rewrite($0, basePath: basePath) } : nil
            var indexSeconds = 0.0
            let indexing = indexingSearch ? indexer : nil
            try OutputWriter.write(jobs: prepared.jobs, to: options.output, siteRoot: options.root, transform: transform, finish: indexing.map { indexer in
                { folder in
                    let started = DispatchTime.now().uptimeNanoseconds
                    try indexer.index(folder)
                    indexSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                }
            })
            timings.append(Timing(stage: "render and write", seconds: Double(DispatchTime.now().uptimeNanoseconds - writeStarted) / 1e9 - indexSeconds,
                                  cpuSeconds: Timing.processorSeconds() - processorStarted))
            if indexing != nil { timings.append(Timing(stage: "search index", seconds: indexSeconds)) }
        } catch OutputWriter.Failure.unsafeOutput(let message) {
            log.error(message, at: nil, hint: "choose another --output folder, or remove that folder first")
        } catch {
            log.error("\(error)", at: nil, hint: "check that the folder is writable and the disk has space; the output folder was left as it was")
        }
        let pages = prepared.jobs.filter { $0.path.hasSuffix(".html") }.count
        return Report(diagnostics: log.sorted, pagesWritten: log.hasErrors ? 0 : pages,
                      filesWritten: log.hasErrors ? 0 : prepared.jobs.count, articles: prepared.site.articles, timings: timings)
    }

    /// What reading a Markdown article depends on besides its text, to key the memo.
    struct ArticleInputs: Equatable, Sendable {
        var config: SiteConfig
        var topics: TopicDirectory
    }

    /// Reads files on all cores, reusing what `memo` read from the same text (and `input`, such as
    /// the site config) in the previous build; each file's diagnostics join the log in file order.

    static func parallel<Output: Sendable, Input: Equatable & Sendable>(
        _ files: [TextFile], log: inout DiagnosticLog, memo: RenderMemo, kind: String, input: Input,
        _ read: @escaping @Sendable (TextFile, inout DiagnosticLog) -> Output?
    ) -> [Output] {
        let results = Parallel.map(files) { file in
            memo.value("\(kind)\u{0}\(file.path)\u{0}" + file.text, input: input) { () -> (Output?, DiagnosticLog) in
                var own = DiagnosticLog()
                return (read(file, &own), own)
            }
        }
        for result in results { log.append(result.1) }
        return results.compactMap(\.0)
    }

    /// Standalone pages live at the site root, so they must not take a section's name.
    func checkPageSlugs(_ pages: [Page], log: inout DiagnosticLog) {
        let reserved: Set<String> = ["articles", "topics", "entities", "timeline", "data", "search", "assets", "pagefind"]
        var seen: [String: SourceLocation] = [:]
        for page in pages {
            if reserved.contains(page.slug) {
                log.error("the page slug `\(page.slug)` is reserved for a section of the site", at: page.slugLocation,
                          hint: "choose another `slug` in the front matter")
            } else if let other = seen[page.slug] {
                log.error("the page slug `\(page.slug)` is already used by \(other.file)", at: page.slugLocation,
                          hint: "give one of the pages a different `slug`")
            }
            seen[page.slug] = page.origin
        }
    }

    /// `templates/assets/` is copied as it is to `public/assets/`.
    func loadAssets(log: inout DiagnosticLog) -> [OutputFile] {
        let folder = options.root.appendingPathComponent("templates/assets")
        let paths = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        return paths.compactMap { relative in
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                log.error("cannot read the asset", at: SourceLocation(file: "templates/assets/" + relative, line: 1), hint: "check its permissions")
                return nil
            }
            return OutputFile(path: "assets/" + relative, data: data)
        }
    }
}
