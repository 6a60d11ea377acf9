import Foundation
import Testing
@testable import Atlas

@Suite struct SearchIndexerTests {
    /// A site folder with an executable `.tools/pagefind` (never run here).
    static func siteWithTool() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-indexer-\(UUID().uuidString)")
        let tool = root.appendingPathComponent(".tools/pagefind")
        try FileManager.default.createDirectory(at: tool.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("#!/bin/sh\n".utf8).write(to: tool)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        return root
    }

    /// A setting that names no executable is reported, and the next candidate is used; a good
    /// one, or none, is not reported.
    @Test func aSettingThatNamesNoExecutableIsReported() throws {
        let root = try Self.siteWithTool()
        defer { try? FileManager.default.removeItem(at: root) }
        let tool = root.appendingPathComponent(".tools/pagefind").path
        let wrong = ["ATLAS_PAGEFIND": root.appendingPathComponent("no-such-pagefind").path, "PATH": ""]
        #expect(SearchIndexer.unusableSetting(environment: wrong) == wrong["ATLAS_PAGEFIND"])
        #expect(SearchIndexer.locate(root: root, environment: wrong)?.binary.path == tool)
        let notExecutable = ["ATLAS_PAGEFIND": root.path, "PATH": ""]
        #expect(SearchIndexer.unusableSetting(environment: notExecutable) == root.path)
        // A folder has the search bit `isExecutableFile` reports: it is not a program.
        #expect(SearchIndexer.locate(root: root, environment: notExecutable)?.binary.path == tool)
        #expect(SearchIndexer.unusableSetting(environment: ["ATLAS_PAGEFIND": tool]) == nil)
        #expect(SearchIndexer.locate(root: root, environment: ["ATLAS_PAGEFIND": tool])?.binary.path == tool)
        #expect(SearchIndexer.unusableSetting(environment: ["PATH": ""]) == nil)
        #expect(SearchIndexer.locate(root: root.appendingPathComponent("elsewhere"), environment: ["PATH": ""]) == nil)
    }
}
