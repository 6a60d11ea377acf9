import Foundation
import Testing
@testable import Atlas

/// `atlas serve` rebuilds only what an edit reaches; the result must be the bytes a full build
/// writes. Each edit is random (the seed is in the failure message), made on the real site.
@Suite struct BuildSessionTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    /// The files where the preview differs from a full build of the same inputs.
    func differences(_ preview: URL, _ site: TemporaryFolder) -> [String] {
        let folder = site.url.appendingPathComponent("full")
        #expect(Builder(options: .init(root: site.url, output: folder)).build().succeeded)
        let (left, right) = (snapshot(preview), snapshot(folder))
        return Set(left.keys).union(right.keys).filter { left[$0] != right[$0] }.sorted()
    }

    func bodyLines(_ site: TemporaryFolder) -> [(file: String, line: Int)] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent("content/sources").path)) ?? []).sorted()
        return files.flatMap { file -> [(file: String, line: Int)] in
            let lines = (site.read("content/sources/" + file) ?? "").components(separatedBy: "\n")
            return lines.indices.filter { lines[$0].count > 200 }.map { ("content/sources/" + file, $0) }
        }
    }

    func edit(_ site: TemporaryFolder, _ target: (file: String, line: Int), _ change: (String) -> String) {
        var lines = site.read(target.file)!.components(separatedBy: "\n")
        lines[target.line] = change(lines[target.line])
        site.write(target.file, lines.joined(separator: "\n"))
    }

    @Test func incrementalRebuildsWriteWhatAFullBuildWrites() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["ATLAS_TEST_SEED"] ?? "") ?? UInt64.random(in: 0...UInt64.max)
        var random = Generator(state: seed)
        let site = TemporaryFolder.siteCopy()
        let preview = site.url.appendingPathComponent("preview")
        var session = BuildSession(options: .init(root: site.url, output: preview))
        let first = session.rebuild()
        #expect(first.succeeded, "\(first.diagnostics)")
        let total = first.filesRendered
        #expect(total > 200)

        // 1. A digit in a random body changes: its figures, maybe its claims and events.
        let bodies = bodyLines(site)
        var digitTarget = bodies.randomElement(using: &random)!
        // A digit inside a sentence an entry of claims.edits.yml names would rightly fail the
        // build (the entry no longer matches): such an edit is undone and another one drawn.
        for _ in 0..<20 {
            digitTarget = bodies.randomElement(using: &random)!
            let before = site.read(digitTarget.file)!
            edit(site, digitTarget) { line in
                var characters = Array(line)
                let digits = characters.indices.filter { characters[$0].isASCII && characters[$0].isNumber }
                let at = digits.randomElement(using: &random)!
                characters[at] = characters[at] == "7" ? "3" : "7"
                return String(characters)
            }
            var log = DiagnosticLog()
            _ = Builder(options: .init(root: site.url)).prepare(log: &log)
            if !log.items.contains(where: { $0.severity == .error && $0.location?.file.hasSuffix("claims.edits.yml") == true }) { break }
            site.write(digitTarget.file, before)
        }
        // The edited article's page first (`previewBodyEdits`), then the rest: the end is the same.
        _ = session.previewBodyEdits([digitTarget.file])
        var report = session.rebuild()
        try session.indexSearch()
        try session.indexSearch()
        #expect(report.succeeded, "seed \(seed): \(report.diagnostics)")
        #expect(report.filesRendered > 0 && report.filesRendered < total / 2, "seed \(seed): rendered \(report.filesRendered) of \(total)")
        #expect(differences(preview, site).isEmpty, "seed \(seed): after changing a digit in \(digitTarget)")

        // 2. A new sentence with a share, a date and an entity in another random body.
        let sentenceTarget = bodies.randomElement(using: &random)!
        edit(site, sentenceTarget) { $0 + " Japan said on 3 March 2025 that it imports 61% of its rare earths from China [9]" }
        _ = session.previewBodyEdits([sentenceTarget.file])
        report = session.rebuild()
        try session.indexSearch()
        #expect(report.succeeded, "seed \(seed): \(report.diagnostics)")
        #expect(report.filesRendered < total / 2, "seed \(seed)")
        #expect(differences(preview, site).isEmpty, "seed \(seed): after adding a sentence to \(sentenceTarget)")

        // 3. An article arrives, dated among the others: lists, neighbours and topics shift.
        let day = Int.random(in: 1...28, using: &random)
        site.write("content/articles/arrival.md", """
            ---
            title: "Malaysia expands Lynas processing"
            date: 2025-10-\(day < 10 ? "0" : "")\(day) 09:30
            source: Test Wire
            topics: [稀土供应链]
            ---
            Malaysia refines 12% of the world's rare earths, Lynas said on October \(day), 2025.
            """)
        report = session.rebuild()
        try session.indexSearch()
        #expect(report.succeeded, "seed \(seed): \(report.diagnostics)")
        #expect(differences(preview, site).isEmpty, "seed \(seed): after adding an article dated 2025-10-\(day)")

        // 4. It goes again: its page and every mention of it must go too.
        try FileManager.default.removeItem(at: site.url.appendingPathComponent("content/articles/arrival.md"))
        report = session.rebuild()
        try session.indexSearch()
        #expect(report.succeeded, "seed \(seed): \(report.diagnostics)")
        #expect(differences(preview, site).isEmpty, "seed \(seed): after removing the article again")

        // 5. An entity gains an alias the bodies use: the remembered body HTML links with the
        // old names and must be made again.
        let registry = site.read("content/entities.yml")!
        site.write("content/entities.yml", registry.replacingOccurrences(of: "aliases: [Japanese, Tokyo, 日方]", with: "aliases: [Japanese, Tokyo, 日方, 东京方面, Minami-Torishima]"))
        report = session.rebuild()
        try session.indexSearch()
        #expect(report.succeeded, "seed \(seed): \(report.diagnostics)")
        #expect(differences(preview, site).isEmpty, "seed \(seed): after an alias was added to Japan")

        // 6. Nothing changed: nothing is rendered.
        report = session.rebuild()
        try session.indexSearch()
        #expect(report.filesRendered == 0)
    }

    @Test func aTemplateChangeRebuildsEverything() throws {
        let site = TemporaryFolder.siteCopy()
        let preview = site.url.appendingPathComponent("preview")
        var session = BuildSession(options: .init(root: site.url, output: preview))
        let total = session.rebuild().filesRendered
        site.write("templates/partials/event-row.mustache", (site.read("templates/partials/event-row.mustache") ?? "") + "<!-- edited -->\n")
        let report = session.rebuild()
        try session.indexSearch()
        try session.indexSearch()
        #expect(report.succeeded)
        #expect(report.filesRendered == total)
        #expect(differences(preview, site).isEmpty)
    }

    /// A warning is printed when it appears, not again on every save that leaves it as it was;
    /// one that goes and comes back is new again.
    @Test func eachWarningIsReportedOncePerChange() throws {
        let site = TemporaryFolder.siteCopy()
        var session = BuildSession(options: .init(root: site.url, output: site.url.appendingPathComponent("preview")))
        let page = "---\ntitle: Notes\nauthor: Me\n---\nSome notes.\n"
        site.write("content/pages/notes.md", page)
        func warnings(_ report: Builder.Report) -> [String] {
            report.diagnostics.filter { $0.severity == .warning && $0.location?.file == "content/pages/notes.md" }.map(\.message)
        }
        var report = session.rebuild()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(warnings(report) == ["unknown key `author`"])
        report = session.rebuild()
        #expect(warnings(report).isEmpty)
        #expect(report.warningsAsBefore >= 1)
        site.write("content/pages/notes.md", page.replacingOccurrences(of: "author: Me", with: "author: Me\nwriter: You"))
        #expect(warnings(session.rebuild()) == ["unknown key `writer`"])
        site.write("content/pages/notes.md", page.replacingOccurrences(of: "author: Me\n", with: ""))
        #expect(warnings(session.rebuild()).isEmpty)
        site.write("content/pages/notes.md", page)
        #expect(warnings(session.rebuild()) == ["unknown key `author`"])
    }

    /// An English digest naming China, read from one dump only, and its article.
    func digestNamingChina(_ site: TemporaryFolder, in articles: [Article]) throws -> (path: String, entry: DumpEntry, article: Article) {
        var log = DiagnosticLog()
        let dumps = ContentLoader.load(root: site.url, log: &log).dumps.compactMap { DumpParser.parse($0, log: &log) }
        let entries = dumps.flatMap { dump in dump.entries.map { (dump.path, $0) } }
        return try #require(entries.lazy.compactMap { path, entry in
            guard entry.body.hasPrefix("Core Insights"), entry.body.contains("China"),
                  let article = articles.first(where: { $0.origins == [entry.location] }) else { return nil }
            return (path, entry, article)
        }.first)
    }

    /// A rebuild with its search index, as `atlas serve` makes them.
    func rebuild(_ session: inout BuildSession) throws -> Builder.Report {
        let report = session.rebuild()
        try session.indexSearch()
        return report
    }

    func page(_ preview: URL, _ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: preview.appendingPathComponent(path).path) ?? Data(), as: UTF8.self)
    }

    /// A saved body is shown before the rebuild, by its article's page alone; a figure that
    /// changes nothing around the article leaves the page as the rebuild would write it.
    @Test func anEditedDumpBodyIsShownBeforeTheRebuild() throws {
        let site = TemporaryFolder.siteCopy()
        let preview = site.url.appendingPathComponent("preview")
        var session = BuildSession(options: .init(root: site.url, output: preview))
        let first = try rebuild(&session)
        #expect(first.succeeded, "\(first.diagnostics)")
        let (path, entry, article) = try digestNamingChina(site, in: first.articles)
        let target = "articles/\(article.slug)/index.html"
        let original = try #require(site.read(path))
        #expect(!page(preview, target).contains("refines 88% of all rare earths"))

        edit(site, (path, entry.bodyLine - 1)) { $0 + " - China refines 88% of all rare earths [9]" }
        #expect(session.previewBodyEdits([path]) == [target])
        let shown = page(preview, target)
        #expect(shown.contains("refines 88% of all rare earths"))
        let report = try rebuild(&session)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(page(preview, target) == shown, "the rebuild wrote the previewed page again")
        #expect(differences(preview, site).isEmpty)

        // Undone before the rebuild read it: the rebuild takes the previewed page back.
        site.write(path, original)
        edit(site, (path, entry.bodyLine - 1)) { $0 + " - China refines 77% of all rare earths [9]" }
        #expect(session.previewBodyEdits([path]) == [target])
        site.write(path, original)
        #expect(try rebuild(&session).succeeded)
        #expect(!page(preview, target).contains("77%"))
        #expect(differences(preview, site).isEmpty)

        // A title is not a body: the rebuild shows it.
        edit(site, (path, entry.location.line - 1)) { $0 + " (updated)" }
        #expect(session.previewBodyEdits([path]).isEmpty)
        #expect(session.previewBodyEdits(["site.yml"]).isEmpty)
        #expect(try rebuild(&session).succeeded)
        #expect(differences(preview, site).isEmpty)
    }

    @Test func anEditedMarkdownBodyIsShownBeforeTheRebuild() throws {
        let site = TemporaryFolder.siteCopy()
        let preview = site.url.appendingPathComponent("preview")
        var session = BuildSession(options: .init(root: site.url, output: preview))
        let note = """
            ---
            title: "Japan's rare earth stockpile"
            date: 2025-09-12 08:00
            source: Test Wire
            topics: [稀土供应链]
            ---
            Japan imports 60% of its rare earths from China, the ministry said.
            """
        site.write("content/articles/stockpile.md", note)
        #expect(try rebuild(&session).succeeded)
        site.write("content/articles/stockpile.md", note + "\n\nJapan holds a stockpile of 60 days of rare earth magnets.\n")
        #expect(session.previewBodyEdits(["content/articles/stockpile.md"]) == ["articles/stockpile/index.html"])
        let shown = page(preview, "articles/stockpile/index.html")
        #expect(shown.contains("a stockpile of 60 days"))
        #expect(try rebuild(&session).succeeded)
        #expect(page(preview, "articles/stockpile/index.html") == shown, "the rebuild wrote the previewed page again")
        #expect(differences(preview, site).isEmpty)

        // Front matter moves the article in lists and topics: the rebuild shows it.
        site.write("content/articles/stockpile.md", note.replacingOccurrences(of: "2025-09-12", with: "2025-09-13"))
        #expect(session.previewBodyEdits(["content/articles/stockpile.md"]).isEmpty)
        #expect(try rebuild(&session).succeeded)
        #expect(differences(preview, site).isEmpty)
    }
}
