import Foundation

/// Builds that remember the previous one, for `atlas serve`: after an edit, only what depends on
/// the change is redone, and the output is the same bytes a full build would write.
///
/// - Extraction is reused for every article whose body and date did not change
///   (`FindingsCache`).
/// - Linking runs in full (it is near-linear and cheap next to rendering), so every index,
///   list, timeline and chart sees the edit.
/// - A page is rendered again only when its view model differs from the one its file on disk
///   was rendered from. A page's view model holds everything the page shows, so this catches
///   exactly the pages the edit reaches: the article's own page, its neighbours' cards, the
///   lists, topics, entities, timelines and charts its claims and events appear in.
/// - A re-rendered file is written only if its bytes changed, each by an atomic replace, so a
///   reader never gets half a file; files the site no longer has are removed.
/// - The search index is rebuilt when a page's text changed (`indexSearch`, after the reload,
///   since it takes longest), beside the site, and swapped in.
///
/// The first build, a change of templates, or an output folder changed behind its back makes a
/// full build (staged and swapped like `atlas build`), without the search index: that is left
/// stale for `indexSearch`, so a preview's reload never waits for Pagefind.
public struct BuildSession: Sendable {
    public let options: Builder.Options
    private var findings = FindingsCache()
    private var memo = RenderMemo()
    /// For each file on disk, the inputs it was rendered from (nil: not known, always redone).
    private var published: [String: RenderInputs?] = [:]
    /// The articles as they were published, by id: an edited one's page is rendered first.
    private var articles: [String: Article] = [:]
    private var templates: String?
    /// The published site, to show an edited article's page before the rebuild (`previewBodyEdits`).
    private var preview: BodyEditPreview?
    /// Pages changed since the search index was built.
    public private(set) var searchIndexIsStale = false
    /// The warnings the previous rebuild had, all of them reported by now.
    private var warned: Set<Diagnostic> = []

    /// With `options.cache`, the first build reads (and, unless the cache is read-only as
    /// `atlas serve`'s is, keeps) work in the build cache as `atlas build` does; later rebuilds
    /// hold everything in memory and leave the cache alone (rewriting 50 MB per edit would slow
    /// the preview down).
    public init(options: Builder.Options) {
        self.options = options
        findings = FindingsCache(store: options.cache)
    }

    public mutating func rebuild() -> Builder.Report {
        let builder = Builder(options: options)
        // The published renderer is a whole site's worth of memory: let it go before the next
        // one is built (a failed build then leaves no preview; the next good one makes it again).
        preview = nil
        var log = DiagnosticLog()
        let started = DispatchTime.now().uptimeNanoseconds
        let templates = Self.templateSources(options.root)
        // Rows and Markdown embed partials: after a template change nothing old is reusable.
        let memo = RenderMemo(previous: templates == self.templates ? self.memo : nil)
        let planned = builder.plan(log: &log, cache: &findings, memo: memo)
        if planned != nil { findings.store = nil }
        guard let plan = planned else {
            return reportingOnce(Builder.Report(diagnostics: log.sorted, pagesWritten: 0, filesWritten: 0, articles: []))
        }
        let marker = options.output.appendingPathComponent(OutputWriter.marker)
        let incremental = !published.isEmpty && templates == self.templates && !options.relativeLinks
            && FileManager.default.fileExists(atPath: marker.path)
        var report: Builder.Report
        let inputs: [RenderInputs?]
        if incremental {
            let edited = plan.site.articles.filter { articles[$0.id] != $0 }.map { "articles/\($0.slug)/index.html" }
            (report, inputs) = update(plan, first: Set(edited), log: &log)
            if report.pagesChanged { searchIndexIsStale = true }
        } else {
            inputs = Parallel.map(plan.jobs) { $0.inputs?() }
            report = builder.write(plan, log: &log, indexingSearch: false)
            report.filesRendered = plan.jobs.count
            if report.succeeded { searchIndexIsStale = true }
        }
        if report.succeeded {
            published = Dictionary(zip(plan.jobs.map(\.path), inputs).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
            articles = Dictionary(plan.site.articles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            self.templates = templates
            preview = options.relativeLinks ? nil : plan.preview
            self.memo = memo
        } else {
            published = [:]
            articles = [:]
        }
        report = reportingOnce(report)
        report.timings = plan.timings + [Builder.Timing(stage: incremental ? "update" : "render and write",
                                                          seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 - plan.timings.map(\.seconds).reduce(0, +))]
        return report
    }

    /// Writes the pages of the articles whose bodies the `changed` files (paths from the site
    /// root) edit, made from the published site (`BodyEditPreview`), before `rebuild` makes the
    /// rest: at any size of site the editor sees the edit in milliseconds. Returns the paths
    /// written; none when a change is anything but a body edit, or the preview has no good build.
    /// The rebuild looks at each of these files again, whatever its inputs, so a page the rest of
    /// the site changes too, or an edit undone before the rebuild read it, is made right.
    public mutating func previewBodyEdits(_ changed: [String]) -> [String] {
        guard let preview, !changed.isEmpty, let pages = preview.pages(changed: changed, root: options.root) else { return [] }
        var written: [String] = []
        for page in pages {
            let target = options.output.appendingPathComponent(page.path)
            guard !page.hasBytes(FileManager.default.contents(atPath: target.path)) else { continue }
            published[page.path] = .some(nil)
            guard (try? page.write(to: target, options: .atomic)) != nil else { continue }
            written.append(page.path)
            // The rebuild may find nothing more to write: the index must still take the page in.
            searchIndexIsStale = true
        }
        return written
    }

    /// The report without the warnings the previous rebuild already reported: an editor saving
    /// every few seconds should see a warning when it appears, not a screenful of the same ones
    /// after every save. A warning that goes and comes back is reported again; errors always.
    private mutating func reportingOnce(_ report: Builder.Report) -> Builder.Report {
        var report = report
        let warnings = report.diagnostics.filter { $0.severity == .warning }
        report.diagnostics.removeAll { $0.severity == .warning && warned.contains($0) }
        report.warningsAsBefore = warnings.count - report.diagnostics.filter { $0.severity == .warning }.count
        warned = Set(warnings)
        return report
    }

    /// Rebuilds the search index after pages changed: beside the site, swapped in whole, so a
    /// search during the rebuild uses the previous index.
    public mutating func indexSearch() throws {
        guard takeStaleSearchIndex() else { return }
        try Self.indexSearch(root: options.root, output: options.output)
    }

    /// Whether the search index needs a run, marking it as taken care of: `atlas serve` then
    /// indexes with `indexSearch(root:output:)` in the background, outside the session, so the
    /// next rebuild does not wait for it.
    public mutating func takeStaleSearchIndex() -> Bool {
        defer { searchIndexIsStale = false }
        return searchIndexIsStale
    }

    /// Indexes the site in `output` beside it and swaps the index in (no-op without Pagefind).
    /// Safe beside a rebuild: pages are replaced atomically, and a full rebuild that swaps the
    /// whole folder marks the index stale again, so a run that indexed the old folder is
    /// followed by one that indexes the new.
    public static func indexSearch(root: URL, output: URL) throws {
        guard let indexer = SearchIndexer.locate(root: root) else { return }
        let bundle = OutputWriter.sibling(of: output, kind: "search")
        try? FileManager.default.removeItem(at: bundle)
        try indexer.index(output, into: bundle)
        try OutputWriter.swap(bundle, into: output.appendingPathComponent("pagefind"))
    }

    /// Renders what changed and replaces those files in place, the files in `first` (the pages
    /// of edited articles) before all others: an editor looks at the article they saved, and the
    /// preview serves each file as soon as it is written, before the lists and indexes the edit
    /// also changed are done. Open pages reload once everything is written. Returns the inputs of
    /// every job, for the next rebuild to compare with.
    private func update(_ plan: Builder.Plan, first: Set<String>,
                        log: inout DiagnosticLog) -> (Builder.Report, [RenderInputs?]) {
        var inputs = [RenderInputs?](repeating: nil, count: plan.jobs.count)
        let output = options.output
        let fm = FileManager.default
        let seen: Set<String>
        do {
            seen = try OutputWriter.checkPaths(plan.jobs.map(\.path))
        } catch {
            log.error("\(error)", at: nil, hint: "check for duplicate slugs")
            return (Builder.Report(diagnostics: log.sorted, pagesWritten: 0, filesWritten: 0, articles: []), inputs)
        }
        var written: [String] = []
        var pagesChanged = false
        var rendered = 0
        do {
            let early = plan.jobs.indices.filter { first.contains(plan.jobs[$0].path) }
            let late = plan.jobs.indices.filter { !first.contains(plan.jobs[$0].path) }
            for phase in [early, late] {
                for (index, value) in zip(phase, Parallel.map(phase) { plan.jobs[$0].inputs?() }) { inputs[index] = value }
                let dirty = phase.filter { index in
                    guard let now = inputs[index], case let before?? = published[plan.jobs[index].path] else { return true }
                    return now != before
                }
                rendered += dirty.count
                for start in stride(from: 0, to: dirty.count, by: OutputWriter.batchSize) {
                    let batch = Parallel.map(Array(dirty[start..<min(dirty.count, start + OutputWriter.batchSize)])) { plan.jobs[$0].render() }
                    for file in batch {
                        let target = output.appendingPathComponent(file.path)
                        if file.hasBytes(fm.contents(atPath: target.path)) { continue }
                        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try file.write(to: target, options: .atomic)
                        written.append(file.path)
                    }
                }
            }
            let removed = Set(published.keys).subtracting(seen).sorted()
            for path in removed {
                try? fm.removeItem(at: output.appendingPathComponent(path))
                Self.removeEmptyFolders(above: path, in: output)
            }
            pagesChanged = (written + removed).contains { $0.hasSuffix(".html") }
        } catch {
            log.error("\(error)", at: nil, hint: "check that the output folder is writable; the next change rebuilds it in full")
        }
        let pages = plan.jobs.filter { $0.path.hasSuffix(".html") }.count
        var report = Builder.Report(diagnostics: log.sorted, pagesWritten: log.hasErrors ? 0 : pages,
                                    filesWritten: log.hasErrors ? 0 : written.count, articles: plan.site.articles)
        report.filesRendered = rendered
        report.pagesChanged = pagesChanged
        return (report, inputs)
    }

    /// Removes the search bundles (`<output>.search-<pid>`) of previews that were stopped while
    /// Pagefind ran; those of running processes are left alone.
    public static func removeStaleSearchBundles(beside output: URL) {
        let fm = FileManager.default
        let prefix = output.lastPathComponent + ".search-"
        for entry in (try? fm.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? [] where entry.hasPrefix(prefix) {
            guard let pid = pid_t(entry.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? fm.removeItem(at: output.deletingLastPathComponent().appendingPathComponent(entry))
        }
    }

    /// A deleted page's folder (`articles/<slug>/`) goes with its last file, as a full build
    /// would leave no folder for it either.
    static func removeEmptyFolders(above path: String, in output: URL) {
        var components = path.split(separator: "/").dropLast()
        while !components.isEmpty {
            let folder = output.appendingPathComponent(components.joined(separator: "/"))
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path), entries.isEmpty else { return }
            try? FileManager.default.removeItem(at: folder)
            components = components.dropLast()
        }
    }

    /// The templates' text: a change to any of them can change every page.
    static func templateSources(_ root: URL) -> String {
        let folder = root.appendingPathComponent("templates")
        let paths = ((FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        return paths.map { path in
            path + "\u{0}" + (FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) } ?? "")
        }.joined(separator: "\u{1}")
    }
}
