import Atlas
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// `atlas serve`: builds the site, serves the output folder on loopback, rebuilds when an input
/// changes and tells open pages to reload (a long-polled endpoint, no WebSocket needed). A
/// failed rebuild keeps the last good site and shows its errors in the terminal and over the
/// page. Files are served only from inside the output folder.
public final class PreviewServer: Sendable {
    /// What the pages ask for: the build number, and the errors of the last attempt.
    actor State {
        var version = 0
        var errors: [String] = []
        func update(succeeded: Bool, errors: [String]) {
            if succeeded { version += 1 }
            self.errors = errors
        }
        func snapshot() -> (Int, [String]) { (version, errors) }
    }

    let options: Builder.Options
    let host: String
    let port: UInt16
    let state = State()
    let log: @Sendable (String) -> Void
    /// Remembers the previous build, so an edit re-renders only the pages it reaches.
    let session: Mutex<BuildSession>

    public init(options: Builder.Options, host: String = "127.0.0.1", port: UInt16 = 8000, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.host = host
        self.port = port
        self.log = log
        self.session = Mutex(BuildSession(options: options))
    }

    public func run() async throws {
        await rebuild(reason: "start")
        let safe = SafePath(root: options.output, basePath: basePath)
        let server = HTTPServer(address: try .inet(ip4: host, port: port), timeout: 30, logger: .disabled)
        let state = self.state
        let base = basePath
        await server.appendRoute(HTTPRoute("GET \(base)\(LiveReload.endpoint)/reload.js")) { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                         body: Data(LiveReload.script.utf8))
        }
        await server.appendRoute(HTTPRoute("GET \(base)\(LiveReload.endpoint)/wait")) { request in
            let since = Int(request.query.first { $0.name == "version" }?.value ?? "") ?? -1
            let shown = request.query.first { $0.name == "errors" }?.value ?? ""
            // Long poll: answer when a build succeeds or the errors change, or after 25 s.
            for _ in 0..<250 {
                let (version, errors) = await state.snapshot()
                if version != since || Self.digest(errors) != shown { return Self.json(version: version, errors: errors) }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            let (version, errors) = await state.snapshot()
            return Self.json(version: version, errors: errors)
        }
        await server.appendRoute("GET *") { request in
            let raw = request.target.path(percentEncoded: true)
            // `/about` → `/about/`, as static hosts do, so the page's relative links resolve.
            if !raw.hasSuffix("/"), let file = safe.file(for: raw), file.lastPathComponent == "index.html",
               !raw.hasSuffix("index.html") {
                let headers: HTTPHeaders = [.location: raw + "/"]
                return HTTPResponse(statusCode: .movedPermanently, headers: headers)
            }
            guard let file = safe.file(for: raw), let data = FileManager.default.contents(atPath: file.path) else {
                // The 404 page reloads too, so a page that appears after a fix shows up by itself.
                let (version, _) = await state.snapshot()
                let page = safe.file(for: base + "404.html").flatMap { FileManager.default.contents(atPath: $0.path) }.map { String(decoding: $0, as: UTF8.self) }
                    ?? "<!DOCTYPE html><html lang=\"en\"><title>Not found</title><body><p>Not found. If the first build failed, its errors are shown here once it is fixed.</p></body></html>"
                let tag = LiveReload.tag(version: version, basePath: base)
                let html = page.range(of: "</body>", options: .backwards).map { page.replacingCharacters(in: $0, with: tag + "</body>") } ?? page + tag
                return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: Data(html.utf8))
            }
            var body = data
            let type = SafePath.contentType(for: file)
            if type.hasPrefix("text/html") {
                let (version, _) = await state.snapshot()
                let html = String(decoding: data, as: UTF8.self)
                let tag = LiveReload.tag(version: version, basePath: base)
                body = Data((html.range(of: "</body>", options: .backwards).map { html.replacingCharacters(in: $0, with: tag + "</body>") } ?? html + tag).utf8)
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
        }
        log("serving \(options.output.path) at http://\(host):\(port)\(base) (Ctrl-C stops)")
        let watcher = Task { await watch() }
        defer { watcher.cancel() }
        try await server.run()
    }

    var basePath: String {
        var log = DiagnosticLog()
        let file = ContentLoader.optionalConfig(root: options.root, log: &log)
        return file.flatMap { SiteConfig.load($0, baseURLOverride: options.baseURL, log: &log)?.basePath } ?? "/"
    }

    /// Identifies the error list the page already shows (stable within this process).
    static func digest(_ errors: [String]) -> String {
        guard !errors.isEmpty else { return "" }
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in errors.joined(separator: "\n").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return String(hash, radix: 36)
    }

    static func json(version: Int, errors: [String]) -> HTTPResponse {
        let body = (try? JSONSerialization.data(withJSONObject: ["version": version, "errors": errors, "digest": digest(errors)], options: [.sortedKeys])) ?? Data("{}".utf8)
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: body)
    }

    func watch() async {
        let watcher = ChangeWatcher(root: options.root)
        var last = watcher.fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 100_000_000)
            let now = watcher.fingerprint()
            if now != last {
                last = now
                await rebuild(reason: "change")
            }
        }
    }

    func rebuild(reason: String) async {
        let started = Date()
        // On a thread of its own: a build keeps both cores busy for seconds, and on the
        // concurrency pool it would hold back the tasks answering requests.
        let report = await Self.onThread { self.session.withLock { $0.rebuild() } }
        let messages = report.diagnostics.map(\.description)
        for message in messages { log(message) }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        if report.succeeded {
            log("\(reason == "start" ? "built" : "rebuilt") \(report.pagesWritten) pages in \(milliseconds) ms"
                + (reason == "start" ? "" : " (\(report.filesRendered) files rendered, \(report.filesWritten) changed)"))
        } else {
            log("rebuild failed; still serving the last good site")
        }
        await state.update(succeeded: report.succeeded, errors: report.succeeded ? [] : messages.filter { $0.contains("error:") })
        // After the reload: the search index takes longest and only the search page needs it.
        let failure: String? = await Self.onThread {
            do {
                try self.session.withLock { try $0.indexSearch() }
                return nil
            } catch {
                return "\(error)"
            }
        }
        if let failure { log("search index not updated: \(failure)") }
    }

    static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}
