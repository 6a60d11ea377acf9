import AtlasServe
import Foundation
import Testing
@testable import Atlas

/// The preview server on loopback: serves the built site, injects the reload script only into
/// responses, refuses paths outside the output folder, and reports a rebuild.
@Suite struct PreviewServerTests {
    func get(_ url: String) async throws -> (Int, String) {
        let parts = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        let port = UInt16(parts[2].split(separator: ":")[1])!
        let (code, raw) = try await rawGet(port: port, path: "/" + (parts.count > 3 ? String(parts[3]) : ""))
        return (code, raw.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n"))
    }

    @Test func servesReloadsAndRefusesTraversal() async throws {
        let site = TemporaryFolder.siteCopy()
        let port = UInt16.random(in: 20_000...40_000)
        let server = PreviewServer(options: .init(root: site.url, baseURL: "/"), port: port) { _ in }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        var ready = false
        for _ in 0..<100 where !ready {
            try await Task.sleep(nanoseconds: 100_000_000)
            ready = ((try? await get("http://127.0.0.1:\(port)/"))?.0 ?? 0) == 200
        }
        #expect(ready)
        let (status, home) = try await get("http://127.0.0.1:\(port)/")
        #expect(status == 200)
        #expect(home.contains("/__atlas/reload.js"))
        #expect(site.read("public/index.html")?.contains("__atlas") == false)
        for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%252e%252e/%252e%252e/etc/passwd", "/..%5c..%5cetc/passwd"] {
            // Sent as written: URLSession would otherwise normalise the dots away.
            let (code, _) = try await rawGet(port: port, path: path)
            #expect(code == 404, "\(path)")
        }
        let (redirect, headers) = try await rawGet(port: port, path: "/about")
        #expect(redirect == 301)
        #expect(headers.lowercased().contains("location: /about/"))
        // An edit is rebuilt and announced to the waiting page.
        site.write("content/pages/about.md", (site.read("content/pages/about.md") ?? "").replacingOccurrences(of: "## About Rare Earth Atlas", with: "## About Rare Earth Atlas, edited"))
        let (_, state) = try await get("http://127.0.0.1:\(port)/__atlas/wait?version=1")
        #expect(state.contains("\"version\":2"))
        #expect(try await get("http://127.0.0.1:\(port)/about/").1.contains("About Rare Earth Atlas, edited"))
    }

    /// A request line sent byte for byte over a socket.
    func rawGet(port: UInt16, path: String) async throws -> (Int, String) {
        let result = try run("/usr/bin/env", ["python3", "-c", """
        import socket,sys
        s=socket.create_connection(("127.0.0.1",\(port)),timeout=10)
        s.sendall(b"GET \(path) HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
        data=b""
        while True:
            chunk=s.recv(65536)
            if not chunk: break
            data+=chunk
        sys.stdout.write(data.decode("utf-8","replace"))
        """])
        let code = Int(result.stdout.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return (code, result.stdout)
    }
}
