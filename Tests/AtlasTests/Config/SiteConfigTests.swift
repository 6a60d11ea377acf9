import Foundation
import Testing
@testable import Atlas

@Suite struct SiteConfigTests {
    func load(_ yaml: String, override: String? = nil) -> (SiteConfig?, DiagnosticLog) {
        var log = DiagnosticLog()
        let config = SiteConfig.load(TextFile(path: "site.yml", text: yaml), baseURLOverride: override, log: &log)
        return (config, log)
    }

    @Test func theRealConfigLoads() throws {
        let text = try String(contentsOf: TestPaths.repository.appendingPathComponent("site.yml"), encoding: .utf8)
        let (config, log) = load(text)
        #expect(log.items.isEmpty, "\(log.items)")
        #expect(config?.timeZone.identifier == "Asia/Shanghai")
        #expect(config?.allowsRawHTML == false)
    }

    @Test func defaultsAndSubPath() throws {
        let (config, log) = load("title: X\nbase_url: https://example.org/atlas\n")
        #expect(log.items.isEmpty)
        #expect(config?.basePath == "/atlas/")
        #expect(config?.absoluteURL("articles/a/") == "https://example.org/atlas/articles/a/")
        let (encoded, _) = load("title: X\nbase_url: https://example.org/my%20atlas/\n")
        #expect(encoded?.basePath == "/my%20atlas/")
        #expect(config?.timeZone.identifier == "Asia/Shanghai")
    }

    @Test func overrideAcceptsAPath() throws {
        let (config, _) = load("title: X\nbase_url: https://example.org/\n", override: "/sub/dir")
        #expect(config?.basePath == "/sub/dir/")
        // A path-only override keeps the configured origin for canonical URLs.
        #expect(config?.absoluteURL("") == "https://example.org/sub/dir/")
        let (pathOnly, _) = load("title: X\nbase_url: /\n")
        #expect(pathOnly?.absoluteURL("") == nil)
        let (climbing, log) = load("title: X\nbase_url: https://example.org/a/../../b/\n")
        #expect(climbing == nil)
        #expect(log.errors.first?.location?.line == 2)
    }

    @Test func everyBadValueIsReportedAtOnce() {
        let (config, log) = load("title: X\nbase_url: ftp://x\ntime_zone: Mars/Olympus\nraw_html: maybe\nlanguage: fr\n")
        #expect(config == nil)
        #expect(log.errors.map { $0.location!.line }.sorted() == [2, 3, 4, 5])
        #expect(log.errors.allSatisfy { $0.hint != nil })
    }

    @Test func unknownKeyIsAnErrorNamingTheNearestKey() {
        // A misspelt `timezone:` would otherwise silently fall back to the default zone.
        let (config, log) = load("title: X\ntime_zome: UTC\n")
        #expect(config == nil)
        #expect(log.errors.first?.message.contains("did you mean `time_zone`") == true)
        #expect(log.errors.first?.location?.line == 2)
    }

    @Test func missingTitleIsAnError() {
        let (config, log) = load("base_url: /\n")
        #expect(config == nil)
        #expect(log.errors.first?.message.contains("title") == true)
    }
}
