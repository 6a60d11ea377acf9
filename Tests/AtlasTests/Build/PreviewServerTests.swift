import AtlasServe
import Foundation
import Testing
@testable import Atlas

/// The preview server on loopback: serves the built site, injects the reload script only into
/// responses, refuses paths outside the output folder, and reports a rebuild.
@Suite(.serialized) struct PreviewServerTests {
    func get(_ url: String) async throws -> (Int, String) {
        let parts = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        let port = UInt16(parts[2].split(separator: ":")[1])!
        let (code, raw) = try await rawGet(port: port, path: "/" + (parts.count > 3 ? String(parts[3]) : ""))
        return (code, raw.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// A server on a random loopback port, once it answers (its first build can take a while
    /// on a loaded machine).
    func start(_ site: TemporaryFolder) async throws -> (UInt16, Task<Void, Error>) {
        let port = UInt16.random(in: 20_000...40_000)
        let server = PreviewServer(options: .init(root: site.url, baseURL: "/"), port: port) { _ in }
        let task = Task { try await server.run() }
        var ready = false
        for _ in 0..<600 where !ready {
            try await Task.sleep(nanoseconds: 100_000_000)
            ready = ((try? await get("http://127.0.0.1:\(port)/"))?.0 ?? 0) == 200
        }
        #expect(ready)
        return (port, task)
    }

    @Test func servesReloadsAndRefusesTraversal() async throws {
        let site = TemporaryFolder.siteCopy()
        let (port, task) = try await start(site)
        defer { task.cancel() }
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

    /// 1,000 requests at once while five slow clients trickle their headers, and symbolic links
    /// out of the output folder: the server answers everyone and serves nothing outside.
    @Test func answersAThousandConcurrentRequestsBesideSlowClients() async throws {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = min(max(limit.rlim_cur, 4096), limit.rlim_max)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let site = TemporaryFolder.siteCopy()
        let (port, task) = try await start(site)
        defer { task.cancel() }
        try FileManager.default.createSymbolicLink(atPath: site.url.appendingPathComponent("public/passwd.html").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: site.url.appendingPathComponent("public/etc").path, withDestinationPath: "/etc")
        for path in ["/passwd.html", "/etc/passwd", "/etc/hostname"] {
            #expect(try await rawGet(port: port, path: path).0 == 404, "\(path)")
        }
        let result = try run("/usr/bin/env", ["python3", "-c", """
        import asyncio, resource, sys, time
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(4096, hard), hard))
        PORT = \(port)
        async def fetch(path):
            r, w = await asyncio.open_connection("127.0.0.1", PORT)
            w.write(f"GET {path} HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n".encode())
            await w.drain()
            data = await asyncio.wait_for(r.read(), 60)
            w.close()
            return data
        async def slow():
            r, w = await asyncio.open_connection("127.0.0.1", PORT)
            w.write(b"GET / HTTP/1.1\\r\\n")
            for _ in range(40):
                await asyncio.sleep(0.1)
                w.write(b"X-Slow: 1\\r\\n")
                await w.drain()
            w.close()
        async def main():
            slows = [asyncio.create_task(slow()) for _ in range(5)]
            await asyncio.sleep(0.2)
            paths = ["/", "/articles/", "/data/", "/timeline/", "/entities/china/"]
            results = await asyncio.gather(*[fetch(paths[i % 5]) for i in range(1000)], return_exceptions=True)
            ok = sum(1 for r in results if isinstance(r, bytes) and r.startswith(b"HTTP/1.1 200") and r.rstrip().endswith(b"</html>"))
            errors = sorted(set(repr(r)[:80] for r in results if not isinstance(r, bytes)))
            print(ok, len(results), errors)
            await asyncio.gather(*slows, return_exceptions=True)
        asyncio.run(main())
        """])
        let fields = result.stdout.split(separator: " ", maxSplits: 2)
        #expect(fields.first == "1000", "\(result.stdout.prefix(400)) \(result.stderr.suffix(400))")
        // Still answering afterwards.
        #expect(try await get("http://127.0.0.1:\(port)/about/").0 == 200)
    }

    /// Pages requested while the site is rebuilt again and again are always whole: the old page
    /// or the new one, never a torn file.
    @Test func pagesServedDuringRebuildsAreWhole() async throws {
        let site = TemporaryFolder.siteCopy()
        let (port, task) = try await start(site)
        defer { task.cancel() }
        let client = Task.detached {
            try run("/usr/bin/env", ["python3", "-c", """
            import socket, time
            bad, ok, end = [], 0, time.time() + 8
            while time.time() < end:
                for path in ("/about/", "/articles/", "/", "/data/"):
                    s = socket.create_connection(("127.0.0.1", \(port)), timeout=30)
                    s.sendall(f"GET {path} HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n".encode())
                    data = b""
                    while True:
                        chunk = s.recv(65536)
                        if not chunk: break
                        data += chunk
                    s.close()
                    head, _, body = data.partition(b"\\r\\n\\r\\n")
                    if not head.startswith(b"HTTP/1.1 200") or not body.startswith(b"<!DOCTYPE html>") or not body.rstrip().endswith(b"</html>"):
                        bad.append((path, head[:40], body[-60:]))
                    else:
                        ok += 1
            print(ok, len(bad), bad[:3])
            """])
        }
        // Edits while the client reads: each makes a rebuild that replaces pages.
        let about = site.read("content/pages/about.md") ?? ""
        for round in 0..<6 {
            site.write("content/pages/about.md", about + "\n\nEdit \(round): China holds \(40 + round)% of the world's reserves.\n")
            try await Task.sleep(nanoseconds: 1_200_000_000)
        }
        let result = try await client.value
        let fields = result.stdout.split(separator: " ", maxSplits: 2)
        #expect(fields.count == 3 && fields[1] == "0", "\(result.stdout.prefix(500)) \(result.stderr.suffix(300))")
        #expect((Int(fields.first ?? "") ?? 0) > 20)
        // The edits were rebuilt while the client read.
        var rebuilt = false
        for _ in 0..<100 where !rebuilt {
            rebuilt = try await get("http://127.0.0.1:\(port)/about/").1.contains("Edit 5")
            if !rebuilt { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        #expect(rebuilt)
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
