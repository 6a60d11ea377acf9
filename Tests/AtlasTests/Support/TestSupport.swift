import Foundation
@testable import Atlas

/// Paths and helpers shared by the tests. Everything is found from this file's location so the
/// tests run the same from any working directory.
enum TestPaths {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/AtlasTests/Fixtures")
    static let content = repository.appendingPathComponent("content")
}

/// A throwaway folder, removed when the value goes away.
final class TemporaryFolder: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ relative: String, _ text: String) {
        write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) {
        let target = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: target)
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: url.appendingPathComponent(relative).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A copy of the real site (config, content, templates) that a test may change.
    static func siteCopy() -> TemporaryFolder {
        let folder = TemporaryFolder()
        for item in ["site.yml", "content", "templates"] {
            try! FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent(item), to: folder.url.appendingPathComponent(item))
        }
        // The tools scripts/install-deps put in place (Pagefind), as the real site has them.
        try? FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent(".tools"),
                                                    withDestinationURL: TestPaths.repository.appendingPathComponent(".tools"))
        return folder
    }

    /// A copy of the real site, built once into its `public/`, for suites that read the output.
    static func builtSiteCopy() -> TemporaryFolder {
        let site = siteCopy()
        _ = Builder(options: .init(root: site.url)).build()
        return site
    }
}

/// Parses a dump given as text, returning the dump and the log.
func parseDump(_ text: String, path: String = "content/sources/test.txt") -> (Dump?, DiagnosticLog) {
    var log = DiagnosticLog()
    guard case .success(let file) = TextFile.decode(Array(text.utf8), path: path) else {
        return (nil, log)
    }
    let dump = DumpParser.parse(file, log: &log)
    return (dump, log)
}

/// Every file under `folder`, relative path → bytes, for byte-for-byte comparisons of builds.
func snapshot(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let base = folder.resolvingSymlinksInPath().path
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return result }
    for case let relative as String in enumerator {
        var isDirectory: ObjCBool = false
        let path = base + "/" + relative
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[relative] = FileManager.default.contents(atPath: path)
        }
    }
    return result
}

/// Runs a command and returns its exit status and output.
@discardableResult
func run(_ executable: String, _ arguments: [String], stdin: String? = nil, cwd: URL? = nil,
         environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    if let cwd { process.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// Finds a command on PATH.
func which(_ name: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
