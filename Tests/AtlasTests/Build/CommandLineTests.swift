import Foundation
import Testing
@testable import Atlas

/// The `atlas` executable as an editor meets it: its version, mistyped commands, help, `new`,
/// and the review commands given the file being edited.
@Suite struct CommandLineTests {
    let binary = TestPaths.repository.appendingPathComponent(".build/debug/atlas").path

    @Test func versionComesFromTheLibrary() throws {
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the atlas executable first (scripts/test does)")
        let result = try run(binary, ["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == AtlasVersion.current + "\n")
    }

    @Test func aMistypedCommandGetsACloseMatchAndNothingRuns() throws {
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the atlas executable first (scripts/test does)")
        let site = TemporaryFolder.siteCopy()
        let typo = try run(binary, ["biuld"], cwd: site.url)
        #expect(typo.status != 0)
        #expect(typo.stderr.contains("`biuld` is not an atlas command. Did you mean `atlas build`?"), "\(typo.stderr)")
        #expect(site.read("public/index.html") == nil)  // the default command (build) did not run
        #expect(try run(binary, ["chek"], cwd: site.url).stderr.contains("Did you mean `atlas check`?"))
        // Nothing close: the commands are listed, and no unrelated one is offered.
        let unrelated = try run(binary, ["publish"], cwd: site.url)
        #expect(unrelated.status != 0)
        #expect(!unrelated.stderr.contains("Did you mean"))
        #expect(unrelated.stderr.contains("Commands: build, serve, check, new, claims, events, markdown, help"))
        // Options still go to the default command.
        #expect(try run(binary, ["--root", site.url.path]).status == 0)
        #expect(site.read("public/index.html") != nil)
    }

    /// `atlas build` keeps the findings in .atlas-cache/ for its next run, and only for the
    /// program that made them; `--no-cache` neither reads nor writes them.
    @Test func buildKeepsFindingsForTheSameProgramOnly() throws {
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the atlas executable first (scripts/test does)")
        let site = TemporaryFolder.siteCopy()
        func extractNote(_ arguments: [String], program: String? = nil) throws -> String? {
            let result = try run(program ?? binary, ["build", "--verbose", "--root", site.url.path] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").first { $0.hasPrefix("  extract") }.flatMap { line in
                line.range(of: "(").map { String(line[$0.lowerBound...]) }
            }
        }
        let uncached = try extractNote(["--no-cache"])
        #expect(uncached == nil)
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent(".atlas-cache").path))
        let first = try #require(try extractNote([]))
        let count = try #require(first.split(separator: " ").compactMap { Int($0) }.last)
        #expect(first == "(0 of \(count) articles from .atlas-cache)")
        #expect(try extractNote([]) == "(\(count) of \(count) articles from .atlas-cache)")
        // A copy of the executable is another file (inode, time): it trusts nothing the first made.
        let copy = TemporaryFolder()
        let other = copy.url.appendingPathComponent("atlas").path
        try FileManager.default.copyItem(atPath: binary, toPath: other)
        #expect(try extractNote([], program: other) == "(0 of \(count) articles from .atlas-cache)")
    }

    @Test func suggestionsAreCloseMatchesOnly() {
        let commands = ["build", "serve", "check", "new", "claims", "events", "markdown"]
        #expect(CommandSuggestion.nearest("biuld", in: commands) == "build")
        #expect(CommandSuggestion.nearest("sevre", in: commands) == "serve")
        #expect(CommandSuggestion.nearest("claim", in: commands) == "claims")
        #expect(CommandSuggestion.nearest("Build", in: commands) == "build")
        #expect(CommandSuggestion.nearest("author", in: commands) == nil)
        #expect(CommandSuggestion.nearest("deploy", in: commands) == nil)
        #expect(CommandSuggestion.nearest("x", in: commands) == nil)
    }

    /// ArgumentParser appends "(default: …)" itself; help text that also says it printed it twice.
    @Test func helpNamesEachDefaultOnce() throws {
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the atlas executable first (scripts/test does)")
        for command in ["build", "serve", "check", "new", "claims", "events", "markdown"] {
            let help = try run(binary, ["help", command]).stdout
            #expect(help.contains("OPTIONS:"), "\(command): \(help)")
            // One entry per option: its first line and the indented lines that continue it.
            var entries: [String] = []
            for line in help.split(separator: "\n") {
                if line.hasPrefix("  -") || line.hasPrefix("  <") || entries.isEmpty { entries.append(String(line)) } else { entries[entries.count - 1] += " " + line.trimmingWhitespace }
            }
            for entry in entries {
                #expect(entry.components(separatedBy: "default").count <= 2, "atlas help \(command): \(entry)")
            }
        }
    }

    @Test func newArticleSaysWhereAndThatItIsADraftThenClaimsReadsItsFile() throws {
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the atlas executable first (scripts/test does)")
        let site = TemporaryFolder.siteCopy()
        let created = try run(binary, ["new", "article", "Lynas opens a plant in Texas", "--root", site.url.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("created content/articles/lynas-opens-a-plant-in-texas.md"))
        #expect(created.stdout.contains("URL: /articles/lynas-opens-a-plant-in-texas/"))
        #expect(created.stdout.contains("a draft (`draft: true`): shown only by `atlas serve --drafts` and `atlas build --drafts`"))
        let file = try #require(site.read("content/articles/lynas-opens-a-plant-in-texas.md"))
        #expect(file.contains("draft: true") && file.contains("slug: lynas-opens-a-plant-in-texas") && file.contains("source: \"稀土地图 · Rare Earth Atlas\""))
        site.write("content/articles/lynas-opens-a-plant-in-texas.md", file + "Lynas said the plant would produce 5,000 tonnes of rare earth oxide a year.\n")
        // Run from the site folder with the path an editor has open, and from elsewhere with an absolute one.
        for (query, cwd) in [("content/articles/lynas-opens-a-plant-in-texas.md", site.url),
                             (site.url.appendingPathComponent("content/articles/lynas-opens-a-plant-in-texas.md").path, TestPaths.repository)] {
            let claims = try run(binary, ["claims", query, "--root", site.url.path], cwd: cwd)
            #expect(claims.status == 0, "\(claims.stderr)")
            #expect(claims.stdout.hasPrefix("Lynas opens a plant in Texas  [lynas-opens-a-plant-in-texas]  1 figure(s)"), "\(claims.stdout)")
            #expect(claims.stdout.contains("5,000 tonnes"))
        }
        // A dump's path lists its articles, and only those.
        let dump = try run(binary, ["events", "content/sources/3-neodymium.txt", "--root", site.url.path], cwd: site.url)
        #expect(dump.status == 0, "\(dump.stderr)")
        let titles = dump.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(titles.count > 3)
        #expect(!dump.stdout.contains("Lynas opens a plant in Texas"))
        // A topic is not a draft and says where it is listed.
        let topic = try run(binary, ["new", "topic", "稀土回收", "--english", "Rare-earth recycling", "--root", site.url.path])
        #expect(topic.stdout.contains("URL: /topics/rare-earth-recycling/") && topic.stdout.contains("published with the next build"), "\(topic.stdout)")
    }
}
