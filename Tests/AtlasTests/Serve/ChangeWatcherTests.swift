import Foundation
import Testing
@testable import Atlas

/// The watcher's fingerprint decides what a save changed, and with it whether the preview can
/// show the article's page first: it must name the file saved, at any depth, and nothing else.
@Suite struct ChangeWatcherTests {
    @Test func namesTheFilesASaveChanged() throws {
        let site = TemporaryFolder()
        site.write("site.yml", "title: T\n")
        site.write("content/sources/a.txt", "one")
        site.write("content/articles/deep/b.md", "two")
        let watcher = ChangeWatcher(root: site.url)
        let first = watcher.fingerprint()
        #expect(first.split(separator: "\n").map { $0.split(separator: ":").first! } == ["content/articles/deep/b.md", "content/sources/a.txt", "site.yml", "templates"])

        // Same size, new text: the time tells.
        Thread.sleep(forTimeInterval: 0.01)
        site.write("content/sources/a.txt", "ONE")
        let second = watcher.fingerprint()
        #expect(ChangeWatcher.changedPaths(from: first, to: second) == ["content/sources/a.txt"])

        // Saved by rename (write a temporary file, move it over): the file, not its folder.
        site.write("content/articles/deep/.b.md.tmp", "three")
        try FileManager.default.removeItem(at: site.url.appendingPathComponent("content/articles/deep/b.md"))
        try FileManager.default.moveItem(at: site.url.appendingPathComponent("content/articles/deep/.b.md.tmp"),
                                         to: site.url.appendingPathComponent("content/articles/deep/b.md"))
        #expect(ChangeWatcher.changedPaths(from: second, to: watcher.fingerprint()) == ["content/articles/deep/b.md"])

        // A link to a folder above is not walked (it would never end).
        try FileManager.default.createSymbolicLink(at: site.url.appendingPathComponent("content/loop"), withDestinationURL: site.url.appendingPathComponent("content"))
        #expect(!watcher.fingerprint().contains("content/loop"))
    }
}
