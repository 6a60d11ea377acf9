import Foundation
import Testing
@testable import Atlas

/// The work kept between builds (findings and rendered bodies): a build that reads it writes
/// exactly what a build that does everything writes, and an entry is reused only when nothing
/// its work reads changed.
@Suite struct BuildCacheTests {
    func build(_ site: TemporaryFolder, output: String, store: BuildCache?) -> (report: Builder.Report, files: [String: Data]) {
        var options = Builder.Options(root: site.url, output: site.url.appendingPathComponent(output))
        options.cache = store
        let report = Builder(options: options).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        return (report, snapshot(options.output))
    }

    /// `(reused, articles)` from the extract stage's note, as `--verbose` prints it (or another stage's).
    func reuse(_ report: Builder.Report, stage: String = "extract") -> (reused: Int, of: Int)? {
        guard let note = report.timings.first(where: { $0.stage == stage })?.note else { return nil }
        let numbers = note.split(separator: " ").compactMap { Int($0) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
    }

    func store(_ site: TemporaryFolder, program: String = "test-program") -> BuildCache {
        BuildCache(folder: site.url.appendingPathComponent(".atlas-cache"), program: program)
    }

    /// One body line of the first dump gains a figure; the other articles are untouched.
    func addFigure(_ site: TemporaryFolder) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent("content/sources").path).sorted()
        let dump = "content/sources/" + files[0]
        var lines = try #require(site.read(dump)).components(separatedBy: "\n")
        let body = try #require(lines.indices.first { lines[$0].count > 200 })
        lines[body] += " China held 61% of world rare-earth mining output in 2024."
        site.write(dump, lines.joined(separator: "\n"))
    }

    func file(_ site: TemporaryFolder, _ name: String = "findings.bin") -> URL { site.url.appendingPathComponent(".atlas-cache/" + name) }

    @Test func aSecondBuildReadsEveryArticleFromTheStoreAndWritesTheSameBytes() throws {
        let site = TemporaryFolder.siteCopy()
        let reference = build(site, output: "reference", store: nil)
        #expect(reuse(reference.report) == nil)
        let first = build(site, output: "first", store: store(site))
        let count = first.report.articles.count
        #expect(count > 20)
        #expect(reuse(first.report).map { [$0.reused, $0.of] } == [0, count])
        #expect(FileManager.default.fileExists(atPath: file(site).path))
        #expect(FileManager.default.fileExists(atPath: file(site, "bodies.bin").path))
        // Marked as a cache for git and backup tools, whatever the site's own .gitignore says.
        #expect(site.read(".atlas-cache/.gitignore")?.contains("\n*\n") == true)
        #expect(site.read(".atlas-cache/CACHEDIR.TAG")?.hasPrefix("Signature: 8a477f597d28d172789f06886806bc55") == true)
        // The charts' PNGs, when rsvg-convert drew them (the second build takes them from there).
        if first.files.keys.contains(where: { $0.hasSuffix(".png") }) {
            #expect(FileManager.default.fileExists(atPath: file(site, "charts.bin").path))
        }
        let bodies = try #require(reuse(first.report, stage: "prepare render"))
        #expect(bodies.reused == 0 && bodies.of > 20)
        let second = build(site, output: "second", store: store(site))
        #expect(reuse(second.report).map { [$0.reused, $0.of] } == [count, count])
        #expect(reuse(second.report, stage: "prepare render").map { [$0.reused, $0.of] } == [bodies.of, bodies.of])
        #expect(first.files == reference.files)
        #expect(second.files == reference.files)
        #expect(second.report.diagnostics.map(\.description) == reference.report.diagnostics.map(\.description))
    }

    @Test func anEditedBodyIsExtractedAgainAndTheRestAreNot() throws {
        let site = TemporaryFolder.siteCopy()
        _ = build(site, output: "first", store: store(site))
        try addFigure(site)
        let edited = build(site, output: "edited", store: store(site))
        let count = edited.report.articles.count
        #expect(reuse(edited.report).map { [$0.reused, $0.of] } == [count - 1, count])
        // Its body is rendered again; so is every body whose entity links moved (none here).
        #expect(reuse(edited.report, stage: "prepare render").map { $0.of - $0.reused } == 1)
        let fresh = build(site, output: "fresh", store: nil)
        #expect(edited.files == fresh.files)
        #expect(edited.files["data/claims.json"].map { String(decoding: $0, as: UTF8.self).contains("61%") } == true)
    }

    @Test func anotherProgramOrRegistryReusesNothing() throws {
        let site = TemporaryFolder.siteCopy()
        _ = build(site, output: "first", store: store(site))
        let rebuilt = build(site, output: "rebuilt", store: store(site, program: "a rebuilt atlas"))
        let count = rebuilt.report.articles.count
        #expect(reuse(rebuilt.report)?.reused == 0)
        // The store now holds the rebuilt program's findings: the registry gains a spelling.
        let registry = try #require(site.read("content/entities.yml"))
        let lines = registry.components(separatedBy: "\n")
        let aliases = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("aliases:") && $0.contains("[") })
        var changed = lines
        changed[aliases] = changed[aliases].replacingOccurrences(of: "[", with: "[Zzyzx Minerals, ")
        site.write("content/entities.yml", changed.joined(separator: "\n"))
        let renamed = build(site, output: "renamed", store: store(site, program: "a rebuilt atlas"))
        #expect(reuse(renamed.report).map { [$0.reused, $0.of] } == [0, count])
        #expect(reuse(renamed.report, stage: "prepare render")?.reused == 0)
        #expect(renamed.files == build(site, output: "fresh", store: nil).files)
    }

    @Test func aDamagedStoreIsSetAsideAndWrittenAgain() throws {
        let site = TemporaryFolder.siteCopy()
        let reference = build(site, output: "reference", store: store(site))
        for (name, stage) in [("findings.bin", "extract"), ("bodies.bin", "prepare render")] {
            let bytes = try #require(FileManager.default.contents(atPath: file(site, name).path))
            for damage in [bytes.prefix(bytes.count / 2), bytes.prefix(10), Data(bytes.map { $0 == 0x2C ? 0xFF : $0 }), Data()] {
                try Data(damage).write(to: file(site, name))
                let damaged = build(site, output: "damaged", store: store(site))
                #expect(damaged.files == reference.files, "\(name)")
                #expect(reuse(damaged.report, stage: stage).map { $0.reused < $0.of } == true, "\(name)")
                try? FileManager.default.removeItem(at: site.url.appendingPathComponent("damaged"))
            }
            let again = build(site, output: "again", store: store(site))
            #expect(reuse(again.report, stage: stage).map { $0.reused == $0.of } == true)
            try? FileManager.default.removeItem(at: site.url.appendingPathComponent("again"))
        }
    }

    @Test func aStoreThatCannotBeWrittenIsAWarningNotAFailure() throws {
        let site = TemporaryFolder.siteCopy()
        // A file where the store's folder should be.
        site.write(".atlas-cache", "not a folder")
        let built = build(site, output: "out", store: store(site))
        let warning = built.report.diagnostics.first { $0.message.contains("cannot keep work for the next build") }
        #expect(warning?.severity == .warning)
        #expect(warning?.hint?.contains("--no-cache") == true)
    }

    /// `atlas serve`'s first build reads the cache `atlas build` kept (read-only: a preview writes
    /// nothing into the site folder) and writes what a full build writes; so do its rebuilds.
    @Test func aPreviewStartsFromTheCacheAndThenLeavesItAlone() throws {
        let site = TemporaryFolder.siteCopy()
        let reference = build(site, output: "reference", store: store(site))
        let count = reference.report.articles.count
        var options = Builder.Options(root: site.url, output: site.url.appendingPathComponent("preview"))
        options.cache = store(site).readingOnly()
        let kept = try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent(".atlas-cache").path).sorted()
        let stamps = kept.map { try? FileManager.default.attributesOfItem(atPath: file(site, $0).path)[.modificationDate] as? Date }
        var session = BuildSession(options: options)
        let first = session.rebuild()
        #expect(first.succeeded)
        #expect(reuse(first).map { [$0.reused, $0.of] } == [count, count])
        #expect(reuse(first, stage: "prepare render").map { $0.reused == $0.of && $0.of > 20 } == true)
        // The preview indexes search apart from its builds (`SearchRefresh`).
        try session.indexSearch()
        #expect(differences(snapshot(options.output), reference.files).isEmpty)
        #expect(kept.map { try? FileManager.default.attributesOfItem(atPath: file(site, $0).path)[.modificationDate] as? Date } == stamps)
        try addFigure(site)
        let second = session.rebuild()
        #expect(second.succeeded)
        #expect(reuse(second) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent(".atlas-cache").path).sorted() == kept)
        #expect(kept.map { try? FileManager.default.attributesOfItem(atPath: file(site, $0).path)[.modificationDate] as? Date } == stamps)
        try session.indexSearch()
        #expect(differences(snapshot(options.output), build(site, output: "full", store: nil).files).isEmpty)
    }

    func differences(_ left: [String: Data], _ right: [String: Data]) -> [String] {
        Set(left.keys).union(right.keys).filter { left[$0] != right[$0] }.sorted()
    }

    /// Findings the memory already holds (a rebuild that also keeps a store) are written too, so
    /// the file never shrinks to the articles that changed.
    @Test func findingsHeldInMemoryStayInTheStore() throws {
        let site = TemporaryFolder.siteCopy()
        var log = DiagnosticLog()
        let plan = try #require(Builder(options: .init(root: site.url)).plan(log: &log))
        let extractor = ArticleExtractor(entities: plan.site.entities)
        var remembering = FindingsCache(remembering: true, store: store(site))
        let first = extractor.findings(for: plan.site.articles, cache: &remembering)
        let again = extractor.findings(for: plan.site.articles, cache: &remembering)
        #expect(again == first)
        var fresh = FindingsCache(remembering: false, store: store(site))
        #expect(extractor.findings(for: plan.site.articles, cache: &fresh) == first)
        #expect(fresh.reusedFromStore == plan.site.articles.count)
    }

    /// Every stored property is written: a property added to a claim or an event fails this
    /// until `FindingsCoding` writes it (and `BuildCache.formatVersion` is bumped).
    @Test func theCodingKnowsEveryStoredProperty() {
        /// The fields behind a value's copy-on-write box (a value of one child is looked through).
        func storedCount(_ value: Any) -> Int {
            let children = Mirror(reflecting: value).children
            return children.count == 1 ? storedCount(children.first!.value) : children.count
        }
        let claim = Claim(low: 1, high: 2, unit: .percent, period: ClaimPeriod(kind: .year, from: 2024, to: 2024, resolution: .stated))
        #expect(storedCount(claim) == 19)
        let event = Event(id: "e", year: 2025, month: nil, day: nil, precision: .year, kind: .event, status: .happened, summary: "", actors: [],
                          article: nil, quote: nil, source: nil, sourceURL: nil, rule: "")
        #expect(storedCount(event) == 16)
        #expect(storedCount(ClaimScope()) == 3)
        #expect(storedCount(ClaimPeriod(kind: .current, resolution: .none)) == 5)
        #expect(storedCount(SourceLocation(file: "a", line: 1)) == 3)
        #expect(storedCount(LocalDateTime(year: 2025, month: 1, day: 1)) == 6)
        #expect(storedCount(ArticleFindings(claims: [], events: [])) == 3)
    }

    /// The real articles' findings come back equal, field for field, and encode to the same bytes.
    @Test func theRealFindingsComeBackEqual() throws {
        var log = DiagnosticLog()
        let plan = try #require(Builder(options: .init(root: TestPaths.repository)).plan(log: &log))
        let findings = ArticleExtractor(entities: plan.site.entities).findings(for: plan.site.articles)
        #expect(findings.map(\.claims.count).reduce(0, +) > 50)
        #expect(findings.map(\.events.count).reduce(0, +) > 20)
        for found in findings {
            var writer = BinaryWriter()
            found.encode(into: &writer)
            var reader = BinaryReader(writer.bytes)
            let decoded = try ArticleFindings(decoding: &reader)
            #expect(reader.isAtEnd)
            #expect(decoded == found)
            #expect(decoded.bodyMentions == found.bodyMentions)
            var again = BinaryWriter()
            decoded.encode(into: &again)
            #expect(again.bytes == writer.bytes)
        }
    }
}
