import Foundation
import Testing
@testable import Atlas

@Suite struct OutputWriterTests {
    let a = OutputFile(path: "index.html", text: "A")
    let b = OutputFile(path: "articles/x/index.html", text: "B")

    @Test func replacesTheWholeFolderAndMarksIt() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("public")
        try OutputWriter.write([a, b], to: output)
        try OutputWriter.write([a], to: output)
        #expect(Set(snapshot(output).keys) == ["index.html", OutputWriter.marker])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["public"])
    }

    /// Folders are made from the path's bytes: a slash inside a `Character` (after a prepended
    /// mark, before a combining one) still separates folders, as it does to the file system.
    @Test func foldersFollowTheSlashesEvenInsideCharacters() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("public")
        let paths = ["x\u{600}/y/index.html", "a/\u{301}b/index.html", "a/c/d/e.html"]
        try OutputWriter.write(paths.map { OutputFile(path: $0, text: $0) }, to: output)
        for path in paths {
            #expect(try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) == path)
        }
    }

    /// The previous site is removed on all cores, one folder level down; a link in it (put there
    /// by hand) is removed, never followed into what it points to.
    @Test func removesThePreviousSiteWithoutFollowingLinks() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("public")
        let outside = folder.url.appendingPathComponent("keep")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("inner"), withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: outside.appendingPathComponent("inner/file.txt"))
        let many = (0..<40).map { OutputFile(path: "articles/a\($0)/index.html", text: "\($0)") }
        try OutputWriter.write([a, b] + many, to: output)
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("link"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("articles/link"), withDestinationURL: outside.appendingPathComponent("inner"))
        try OutputWriter.write([a], to: output)
        #expect(Set(snapshot(output).keys) == ["index.html", OutputWriter.marker])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["keep", "public"])
        #expect(try String(contentsOf: outside.appendingPathComponent("inner/file.txt"), encoding: .utf8) == "kept")
    }

    @Test(arguments: ["../escape.html", "/abs.html", "a/../../b", "./x", "a//b", ""])
    func unsafePathsAreRefusedAndNothingChanges(_ path: String) throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("public")
        try OutputWriter.write([a], to: output)
        let before = snapshot(output)
        #expect(throws: OutputWriter.Failure.self) { try OutputWriter.write([b, OutputFile(path: path, text: "x")], to: output) }
        #expect(snapshot(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["public"])
    }

    @Test func refusesToReplaceTheSiteOrAFolderItDidNotWrite() throws {
        let site = TemporaryFolder()
        site.write("site.yml", "title: x\n")
        site.write("mine/notes.txt", "keep me")
        for output in [site.url, site.url.deletingLastPathComponent(), site.url.appendingPathComponent("content/out"), site.url.appendingPathComponent("mine")] {
            #expect(throws: OutputWriter.Failure.self) { try OutputWriter.write([a], to: output, siteRoot: site.url) }
        }
        #expect(site.read("mine/notes.txt") == "keep me")
        #expect(site.read("site.yml") == "title: x\n")
        try OutputWriter.write([a], to: site.url.appendingPathComponent("public"), siteRoot: site.url)
    }

    @Test func recoversOnlyItsOwnLeftoversOfDeadProcesses() throws {
        let folder = TemporaryFolder()
        var dead: pid_t = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        folder.write("public.old-\(dead)/index.html", "previous site")
        folder.write("public.tmp-\(dead)/index.html", "half written")
        folder.write("public.old-backup/keep.txt", "a user's backup")
        folder.write("public.tmp-1/index.html", "another build, still running")
        let output = folder.url.appendingPathComponent("public")
        try OutputWriter.recover(output)
        #expect(folder.read("public/index.html") == "previous site")
        #expect(folder.read("public.tmp-\(dead)/index.html") == nil)
        #expect(folder.read("public.old-backup/keep.txt") == "a user's backup")
        #expect(folder.read("public.tmp-1/index.html") != nil)
    }
}
