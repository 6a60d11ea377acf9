import Foundation
import Testing

/// A built site served on loopback for the browser tests (Python's http.server, stopped by the
/// caller with `stop()`), on a random port so tests running at once do not collide.
struct LocalServer {
    let port: Int
    private let process: Process

    init(serving folder: URL) throws {
        port = Int.random(in: 40_001...50_000)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1)
    }

    var url: String { "http://127.0.0.1:\(port)/" }

    /// By SIGKILL, and waited for: the server starts with the test thread's blocked signals
    /// (Foundation's `Process` on Linux does not clear the mask it spawns with), SIGTERM among
    /// them, so `terminate()` left every server running after the tests (three per run).
    func stop() {
        // Not a process that ended already: its id may belong to another one by now.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The Python with Selenium that drives Chromium (scripts/install-deps puts it in .tools/).
    static func seleniumPython() throws -> String {
        let python = TestPaths.repository.appendingPathComponent(".tools/venv/bin/python").path
        try #require(FileManager.default.isExecutableFile(atPath: python), "run scripts/install-deps")
        return python
    }
}
