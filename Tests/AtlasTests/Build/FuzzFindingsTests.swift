import Foundation
import Testing
@testable import Atlas

/// Every input the fuzzers ever flagged (`fuzz/findings/<target>/`, written by `scripts/fuzz`),
/// replayed through the same code its target runs, so a fixed crash stays fixed. Markdown output
/// is also parsed as a browser would and must hold nothing but cmark's own markup.
@Suite struct FuzzFindingsTests {
    static let findings = TestPaths.repository.appendingPathComponent("fuzz/findings")

    struct Finding: Sendable, CustomTestStringConvertible {
        var target: String
        var name: String
        var bytes: [UInt8]
        var testDescription: String { "\(target)/\(name)" }
    }

    static let all: [Finding] = {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: findings.path)) ?? []
        return targets.sorted().flatMap { target in
            let folder = findings.appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().filter { !$0.hasPrefix(".") }.map { name in
                Finding(target: target, name: name,
                        bytes: Array(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data()))
            }
        }
    }()

    /// The folder is the contract with `scripts/fuzz`: a finding under an unknown target name
    /// would otherwise be skipped without a word.
    @Test func everyFindingBelongsToATarget() {
        let targets = Set(Self.all.map(\.target))
        #expect(targets.isSubset(of: ["dump-importer", "extractors", "front-matter", "markdown"]), "\(targets)")
        #expect(!Self.all.isEmpty, "no findings to replay: the folder moved?")
    }

    @Test(arguments: all)
    func replay(_ finding: Finding) throws {
        var log = DiagnosticLog()
        let text = String(decoding: finding.bytes, as: UTF8.self)
        switch finding.target {
        case "dump-importer":
            if case .success(let file) = TextFile.decode(finding.bytes, path: "fuzz.txt") { _ = DumpParser.parse(file, log: &log) }
        case "extractors":
            let entities = [Entity(id: "china", type: "country", name: "China", nameZh: "中国", aliases: ["Chinese"],
                                   origin: SourceLocation(file: "fuzz", line: 1))]
            _ = ClaimExtractor(entities: entities).claims(articleID: "fuzz", body: text, published: LocalDateTime(year: 2025, month: 2, day: 28))
            _ = EventExtractor(entities: entities).events(articleID: "fuzz", body: text, published: LocalDateTime(year: 2025, month: 2, day: 28))
        case "front-matter":
            if case .success(let file) = TextFile.decode(finding.bytes, path: "content/pages/fuzz.md") {
                _ = MarkdownReader.page(file, log: &log)
                _ = MarkdownReader.article(file, config: SiteConfig(title: "Fuzz"), log: &log)
                _ = TimelineReader.read(file, entities: ["china"], log: &log)
                _ = EntityRegistryReader.read(file, log: &log)
                _ = MarkdownReader.topic(file, log: &log)
                _ = ClaimEditsReader.read(file, log: &log)
                _ = SiteConfig.load(file, log: &log)
            }
        case "markdown":
            let markdown = Markdown(basePath: "/atlas/", links: IdentityLinks(paths: ["@/timeline": "timeline/"]))
            let folder = TemporaryFolder()
            folder.write("page/index.html", "<!doctype html><html><body>\(markdown.html(text))</body></html>")
            _ = markdown.plainText(text)
            let problems = HostileInputTests.markupFromContent(in: folder.url)
            #expect(problems.isEmpty, "\(problems)")
        default:
            Issue.record("unknown fuzz target \(finding.target)")
        }
    }
}
