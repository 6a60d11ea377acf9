import AtlasServe
import Foundation
import Synchronization
import Testing
@testable import Atlas

/// The preview server on loopback: serves the built site, injects the reload script only into
/// responses, refuses paths outside the output folder, and reports a rebuild. It builds into a
/// cache folder, never into public/, and takes its port before building.
@Suite(.serialized) struct PreviewServerTests {
    func get(_ url: String) async throws -> (Int, String) {
        let parts = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        let port = UInt16(parts[2].split(separator: ":")[1])!
        let (code, raw) = try await rawGet(port: port, path: "/" + (parts.count > 3 ? String(parts[3]) : ""))
        return (code, raw.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// A server on a random loopback port, once it answers (its first build can take a while
    /// on a loaded machine).
    /// The preview is built into a folder inside `site` here, so it goes with the test, unless
    /// `defaultCache` (the one `atlas serve` uses).
    func start(_ site: TemporaryFolder, defaultCache: Bool = false, baseURL: String = "/", drafts: Bool = false) async throws -> (UInt16, Task<Void, Error>, PreviewServer) {
        let port = UInt16.random(in: 20_000...40_000)
        let server = PreviewServer(root: site.url, baseURL: baseURL, includeDrafts: drafts, port: port,
                                   cache: defaultCache ? nil : site.url.appendingPathComponent("preview-cache/site")) { _ in }
        let task = Task { try await server.run() }
        var ready = false
        for _ in 0..<600 where !ready {
            try await Task.sleep(nanoseconds: 100_000_000)
            ready = ((try? await get("http://127.0.0.1:\(port)\(baseURL)"))?.0 ?? 0) == 200
        }
        #expect(ready)
        return (port, task, server)
    }

    @Test func servesReloadsAndRefusesTraversal() async throws {
        let site = TemporaryFolder.siteCopy()
        let (port, task, server) = try await start(site)
        defer { task.cancel() }
        let (status, home) = try await get("http://127.0.0.1:\(port)/")
        #expect(status == 200)
        #expect(home.contains("/__atlas/reload.js"))
        #expect(site.read("preview-cache/site/index.html")?.contains("__atlas") == false)
        // HEAD answers like GET, without the body.
        let (headStatus, head) = try await rawGet(port: port, path: "/", method: "HEAD")
        #expect(headStatus == 200)
        #expect(head.lowercased().contains("content-length: \(home.utf8.count)\r\n"), "\(head)")
        #expect(head.hasSuffix("\r\n\r\n"))
        #expect(try await rawGet(port: port, path: "/assets/site.css", method: "HEAD").0 == 200)
        #expect(try await rawGet(port: port, path: "/no-such-page/", method: "HEAD").0 == 404)
        #expect(server.output.path.hasPrefix(site.url.path))
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

    /// A saved body reaches the page before the rebuild: the server writes the article's page,
    /// says so, and tells waiting pages to reload; the rebuild then reloads them again.
    @Test func aSavedBodyIsServedBeforeTheRebuild() async throws {
        let site = TemporaryFolder.siteCopy()
        var log = DiagnosticLog()
        let articles = try #require(Builder(options: .init(root: site.url, output: site.url.appendingPathComponent("scratch"))).plan(log: &log)).site.articles
        let file = "content/sources/3-neodymium.txt"
        let dump = try #require(DumpParser.parse(TextFile(path: file, text: site.read(file)!), log: &log))
        let (entry, article) = try #require(dump.entries.lazy.compactMap { entry in articles.first { $0.origins == [entry.location] }.map { (entry, $0) } }.first)
        let lines = Mutex<[String]>([])
        let port = UInt16.random(in: 20_000...40_000)
        let server = PreviewServer(root: site.url, port: port, cache: site.url.appendingPathComponent("preview-cache/site")) { line in lines.withLock { $0.append(line) } }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        for _ in 0..<600 where !lines.withLock({ $0.contains { $0.hasPrefix("serving at") } }) { try await Task.sleep(nanoseconds: 100_000_000) }

        var text = site.read(file)!.components(separatedBy: "\n")
        text[entry.bodyLine - 1] += " China refines 88% of all rare earths [9]"
        site.write(file, text.joined(separator: "\n"))
        let (_, state) = try await get("http://127.0.0.1:\(port)/__atlas/wait?version=1")
        #expect(state.contains("\"version\":2"))
        let (status, page) = try await get("http://127.0.0.1:\(port)/articles/\(article.slug)/")
        #expect(status == 200)
        #expect(page.contains("refines 88% of all rare earths"))
        for _ in 0..<600 where !lines.withLock({ $0.contains { $0.hasPrefix("rebuilt") } }) { try await Task.sleep(nanoseconds: 100_000_000) }
        let said = lines.withLock { $0 }
        let previewed = said.firstIndex { $0.hasPrefix("previewed /articles/\(article.slug)/") }
        let rebuilt = said.firstIndex { $0.hasPrefix("rebuilt") }
        #expect(previewed != nil && rebuilt != nil && previewed! < rebuilt!, "\(said)")
    }

    /// 1,000 requests at once while five slow clients trickle their headers, and symbolic links
    /// out of the output folder: the server answers everyone and serves nothing outside.
    @Test func answersAThousandConcurrentRequestsBesideSlowClients() async throws {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = min(max(limit.rlim_cur, 4096), limit.rlim_max)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let site = TemporaryFolder.siteCopy()
        let (port, task, server) = try await start(site)
        defer { task.cancel() }
        try FileManager.default.createSymbolicLink(atPath: server.output.appendingPathComponent("passwd.html").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: server.output.appendingPathComponent("etc").path, withDestinationPath: "/etc")
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
        let (port, task, _) = try await start(site)
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

    /// A preview with edits, drafts and a sub-path, in the default cache folder, leaves the
    /// built public/ byte for byte as it was, and the site folder without a new file or folder;
    /// a page deleted during the preview leaves no empty folder in the preview either.
    @Test func aPreviewWithEditsDraftsAndASubPathLeavesPublicAsItWas() async throws {
        let site = TemporaryFolder.siteCopy()
        #expect(Builder(options: .init(root: site.url)).build().succeeded)
        let published = snapshot(site.url.appendingPathComponent("public"))
        #expect(published.count > 200)
        let cache = PreviewServer.cacheFolder(root: site.url, port: 1)
        #expect(!cache.path.hasPrefix(site.url.path) && !cache.path.hasPrefix(TestPaths.repository.path))
        /// Every file and folder but the edited content/ (and the linked tools).
        func tree() -> [String] {
            let top = ((try? FileManager.default.contentsOfDirectory(atPath: site.url.path)) ?? []).filter { $0 != "content" && $0 != ".tools" }
            return top.flatMap { name in
                [name] + (((FileManager.default.enumerator(atPath: site.url.appendingPathComponent(name).path)?.allObjects as? [String]) ?? []).map { name + "/" + $0 })
            }.sorted()
        }
        let before = tree()
        let (port, task, server) = try await start(site, defaultCache: true, baseURL: "/atlas/", drafts: true)
        defer {
            task.cancel()
            try? FileManager.default.removeItem(at: server.output.deletingLastPathComponent())
        }
        #expect(server.output.path == PreviewServer.cacheFolder(root: site.url, port: port).path)
        let base = "http://127.0.0.1:\(port)/atlas/"
        /// Waits for a rebuild to show (an editor's save can make more than one rebuild, so
        /// build numbers are not counted).
        func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
            for _ in 0..<600 {
                if try await condition() { return true }
                try await Task.sleep(nanoseconds: 200_000_000)
            }
            return false
        }
        // A draft page appears in the preview.
        site.write("content/pages/draft-note.md", """
            ---
            title: 草稿 · Draft note
            slug: draft-note
            date: 2026-11-30
            draft: true
            ---

            A draft that must never reach public/.
            """)
        #expect(try await eventually { try await get(base + "draft-note/").1.contains("A draft that must never reach public/.") })
        #expect(try await get(base).1.contains("href=\"/atlas/"))
        // An edit.
        site.write("content/pages/about.md", (site.read("content/pages/about.md") ?? "").replacingOccurrences(of: "## About Rare Earth Atlas", with: "## About Rare Earth Atlas, previewed"))
        #expect(try await eventually { try await get(base + "about/").1.contains("About Rare Earth Atlas, previewed") })
        // The draft goes again: its folder goes with it.
        try FileManager.default.removeItem(at: site.url.appendingPathComponent("content/pages/draft-note.md"))
        #expect(try await eventually { try await get(base + "draft-note/").0 == 404 })
        #expect(try await eventually { !FileManager.default.fileExists(atPath: server.output.appendingPathComponent("draft-note").path) })
        // Let the background search index finish before comparing (it writes the preview only).
        for _ in 0..<300 where server.search.isBusy { try await Task.sleep(nanoseconds: 100_000_000) }
        #expect(FileManager.default.fileExists(atPath: server.output.appendingPathComponent("pagefind").path))
        #expect(snapshot(site.url.appendingPathComponent("public")) == published)
        #expect(tree() == before)
    }

    /// A second preview on a busy port stops at once, says which port and what to do, and
    /// builds nothing: no public/, no preview folder.
    @Test func aBusyPortFailsAtOnceAndChangesNothing() throws {
        let binary = TestPaths.repository.appendingPathComponent(".build/debug/atlas").path
        let site = TemporaryFolder.siteCopy()
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var port: UInt16 = 0
        for _ in 0..<20 {
            port = UInt16.random(in: 20_000...40_000)
            address.sin_port = port.bigEndian
            let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            if bound == 0 { break }
        }
        #expect(listen(listener, 4) == 0)
        let before = (try? FileManager.default.contentsOfDirectory(atPath: site.url.path))?.sorted()
        let started = Date()
        let result = try run(binary, ["serve", "--root", site.url.path, "--port", String(port)])
        #expect(Date().timeIntervalSince(started) < 3)
        #expect(result.status == 1)
        #expect(result.stderr.contains("port \(port) is already in use") && result.stderr.contains("--port"), "\(result.stderr)")
        #expect(!result.stdout.contains("serving"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: site.url.path))?.sorted() == before)
        #expect(!FileManager.default.fileExists(atPath: PreviewServer.cacheFolder(root: site.url, port: port).path))
        // Nor can --cache point the preview into the site folder (public/ or anything else).
        let inside = try run(binary, ["serve", "--root", site.url.path, "--port", String(port), "--cache", site.url.appendingPathComponent("public").path])
        #expect(inside.status == 1)
        #expect(inside.stderr.contains("is inside the site folder"), "\(inside.stderr)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: site.url.path))?.sorted() == before)
    }

    /// Ctrl-C in the middle of a full rebuild stops the preview at once.
    @Test func interruptingARebuildStopsAtOnce() async throws {
        let binary = TestPaths.repository.appendingPathComponent(".build/debug/atlas").path
        let site = TemporaryFolder.siteCopy()
        let port = UInt16.random(in: 20_000...40_000)
        // What an earlier preview stopped during a search run left: removed at start.
        let finished = try run("/usr/bin/env", ["sh", "-c", "echo $$"])
        let stale = PreviewServer.cacheFolder(root: site.url, port: port).deletingLastPathComponent()
            .appendingPathComponent("site.search-" + finished.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--root", site.url.path, "--port", String(port)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            try? FileManager.default.removeItem(at: PreviewServer.cacheFolder(root: site.url, port: port).deletingLastPathComponent())
        }
        var ready = false
        for _ in 0..<600 where !ready {
            try await Task.sleep(nanoseconds: 100_000_000)
            ready = ((try? await get("http://127.0.0.1:\(port)/"))?.0 ?? 0) == 200
        }
        #expect(ready)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        // A template change rebuilds every page: a second or more here.
        site.write("templates/partials/event-row.mustache", (site.read("templates/partials/event-row.mustache") ?? "") + "<!-- edited -->\n")
        try await Task.sleep(nanoseconds: 500_000_000)
        let started = Date()
        // As a terminal sends it: to the process group (Pagefind too), when atlas leads one.
        let pid = process.processIdentifier
        kill(getpgid(pid) == pid ? -pid : pid, SIGINT)
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("stopped"))
    }

    /// A request line sent byte for byte over a socket.
    func rawGet(port: UInt16, path: String, method: String = "GET") async throws -> (Int, String) {
        let result = try run("/usr/bin/env", ["python3", "-c", """
        import socket,sys
        s=socket.create_connection(("127.0.0.1",\(port)),timeout=10)
        s.sendall(b"\(method) \(path) HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
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
