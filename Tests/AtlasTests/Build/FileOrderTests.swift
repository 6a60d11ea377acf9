import Foundation
import Testing
@testable import Atlas

/// The order a file system lists a folder in must not reach the output. tmpfs lists a folder's
/// entries newest first, so two copies of the site written in opposite orders on /dev/shm are
/// listed in opposite orders (elsewhere the listing may not differ, and the test proves less).
@Suite struct FileOrderTests {
    /// Copies the site's files one by one, in the given order of their relative paths.
    static func copy(into root: URL, reversed: Bool) throws {
        let fm = FileManager.default
        var files: [String] = []
        for item in ["site.yml", "content", "templates"] {
            let url = TestPaths.repository.appendingPathComponent(item)
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                files += ((fm.enumerator(atPath: url.path)?.allObjects as? [String]) ?? []).map { "\(item)/\($0)" }
                    .filter { path in var folder: ObjCBool = false; _ = fm.fileExists(atPath: TestPaths.repository.appendingPathComponent(path).path, isDirectory: &folder); return !folder.boolValue }
            } else {
                files.append(item)
            }
        }
        files.sort()
        if reversed { files.reverse() }
        for path in files {
            let target = root.appendingPathComponent(path)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: TestPaths.repository.appendingPathComponent(path), to: target)
        }
        try? fm.createSymbolicLink(at: root.appendingPathComponent(".tools"), withDestinationURL: TestPaths.repository.appendingPathComponent(".tools"))
    }

    @Test func theListingOrderOfFoldersDoesNotChangeTheOutput() throws {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        let roots = (0..<2).map { _ in base.appendingPathComponent("atlas-order-\(UUID().uuidString)") }
        defer { for root in roots { try? FileManager.default.removeItem(at: root) } }
        try Self.copy(into: roots[0], reversed: false)
        try Self.copy(into: roots[1], reversed: true)
        let listings = try roots.map { try FileManager.default.contentsOfDirectory(atPath: $0.appendingPathComponent("content/sources").path) }
        var outputs: [[String: Data]] = []
        for root in roots {
            #expect(Builder(options: .init(root: root)).build().succeeded)
            outputs.append(snapshot(root.appendingPathComponent("public")))
        }
        #expect(outputs[0].count > 200)
        #expect(outputs[0] == outputs[1])
        print("content/sources listed as \(listings[0]) and \(listings[1])")
    }
}
