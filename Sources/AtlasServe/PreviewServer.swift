import Atlas
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// `atlas serve`: serves a preview of the site on loopback, rebuilds it when an input changes
/// and tells open pages to reload (a long-polled endpoint, no WebSocket needed). A failed
/// rebuild keeps the last good preview and shows its errors in the terminal and over the page.
/// Files are served only from inside the preview folder.
///
/// The preview is built into a cache folder outside the site (`cacheFolder`), never into
/// `public/`: drafts, a `--base-url` and half-finished edits must not end up in the committed
/// site. The port is taken before anything is built, so a busy port fails at once.
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

    public enum Failure: Error, CustomStringConvertible {
        case cannotListen(String)
        public var description: String {
            switch self { case .cannotListen(let message): return message }
        }
    }

    let options: Builder.Options
    let host: String
    let port: UInt16
    let state = State()
    let log: @Sendable (String) -> Void
    /// Whether each rebuild's stage times are logged.
    let verbose: Bool
    /// Remembers the previous build, so an edit re-renders only the pages it reaches.
    let session: Mutex<BuildSession>
    /// Pagefind, after the reload and outside the session, so neither waits for it.
    public let search: SearchRefresh

    /// The folder the preview is built into.
    public var output: URL { options.output }

    /// `cache`: where to build the preview (default `cacheFolder(root:port:)`).
    public init(root: URL, baseURL: String? = nil, includeDrafts: Bool = false, host: String = "127.0.0.1", port: UInt16 = 8000,
                cache: URL? = nil, verbose: Bool = false, log: @escaping @Sendable (String) -> Void) {
        var settings = Builder.Options(root: root, output: cache ?? Self.cacheFolder(root: root, port: port),
                                       baseURL: baseURL, includeDrafts: includeDrafts)
        // The first build reads the findings, bodies and chart images `atlas build` kept; a
        // preview writes nothing into the site folder, so it keeps none itself.
        settings.cache = BuildCache.forSite(root: root)?.readingOnly()
        let options = settings
        self.options = options
        self.host = host
        self.port = port
        self.log = log
        self.verbose = verbose
        self.session = Mutex(BuildSession(options: options))
        self.search = SearchRefresh {
            do {
                try BuildSession.indexSearch(root: options.root, output: options.output)
            } catch {
                log("search index not updated: \(error)")
            }
        }
    }

    /// `<temporary folder>/atlas-preview/<site folder name>-<hash of its path>-<port>/site`: outside
    /// the repository, so nothing of a preview can be committed; one per site and port, so two
    /// previews of one site (say with and without drafts) never share a folder, and a restarted
    /// preview reuses its folder instead of leaving another behind.
    public static func cacheFolder(root: URL, port: UInt16) -> URL {
        let path = root.standardizedFileURL.resolvingSymlinksInPath().path
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        let name = root.standardizedFileURL.lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return FileManager.default.temporaryDirectory
            .appendingPathComponent("atlas-preview")
            .appendingPathComponent("\(name.isEmpty ? "site" : name)-\(String(hash, radix: 16))-\(port)")
            .appendingPathComponent("site")
    }

    public func run() async throws {
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
            await Self.respond(to: request.target.path(percentEncoded: true), safe: safe, base: base, state: state)
        }
        // HEAD answers as GET would, headers only (link checkers and `curl -I` use it).
        await server.appendRoute("HEAD *") { request in
            let response = await Self.respond(to: request.target.path(percentEncoded: true), safe: safe, base: base, state: state)
            var headers = response.headers
            if case .httpBody(let body) = response.payload { headers[.contentLength] = String(body.count ?? 0) }
            return HTTPResponse(statusCode: response.statusCode, headers: headers, body: Data())
        }
        // Listen first: a busy port fails now, before a build that would be thrown away.
        let failure = Mutex<Error?>(nil)
        let serving = Task {
            do {
                try await server.run()
            } catch {
                failure.withLock { $0 = error }
                throw error
            }
        }
        defer { serving.cancel() }
        while !(await server.isListening) {
            if let error = failure.withLock({ $0 }) { throw Self.explain(error, host: host, port: port) }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        BuildSession.removeStaleSearchBundles(beside: options.output)
        log("listening at http://\(host):\(port)\(base); building the preview in \(options.output.path) (public/ is left alone)")
        await rebuild(reason: "start")
        log("serving at http://\(host):\(port)\(base) (Ctrl-C stops)")
        let watcher = Task { await watch() }
        defer { watcher.cancel() }
        try await serving.value
    }

    /// What a failure to listen means, and what to do about it.
    static func explain(_ error: Error, host: String, port: UInt16) -> Failure {
        guard case SocketError.failed(type: _, errno: let code, message: let message) = error else {
            return .cannotListen("cannot listen on \(host):\(port): \(error.localizedDescription)")
        }
        switch code {
        case EADDRINUSE:
            return .cannotListen("port \(port) is already in use (another `atlas serve`?); stop that server, or choose another port with --port, e.g. --port \(port == UInt16.max ? 8001 : port + 1)")
        case EACCES:
            return .cannotListen("not allowed to listen on port \(port); choose a port above 1023 with --port, e.g. --port 8000")
        case EADDRNOTAVAIL:
            return .cannotListen("cannot listen on \(host): it is not an address of this machine; use --host 127.0.0.1")
        default:
            return .cannotListen("cannot listen on \(host):\(port): \(message)")
        }
    }

    /// The file for a request, with the reload script in HTML; a folder without its slash is
    /// redirected, a missing file answers with the site's 404 page.
    static func respond(to raw: String, safe: SafePath, base: String, state: State) async -> HTTPResponse {
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

    /// Compares the inputs' fingerprint (`ChangeWatcher`) with the last one: within 5 ms of a
    /// file event (`FileEvents`, Linux), else on a timer of twenty times what a look costs,
    /// between 20 and 250 ms (a few dozen files are looked at every 20 ms, 10,000 Markdown files
    /// less often, so watching never takes more than a twentieth of a core). With file events the
    /// timer still runs, once a second at least, for file systems that send none.
    func watch() async {
        let watcher = ChangeWatcher(root: options.root)
        let events = FileEvents.make(root: options.root, watched: watcher.watched)
        var last = watcher.fingerprint()
        var wait: UInt64 = 20_000_000
        var looked = DispatchTime.now().uptimeNanoseconds
        var changed = false
        while !Task.isCancelled {
            var previewed = false
            if let events {
                try? await Task.sleep(nanoseconds: 5_000_000)
                // Looked at once every file written to is closed again.
                switch events.drain() {
                case .writing: changed = true; continue
                case .changed(let files):
                    changed = true
                    // The files the events name are shown first; the fingerprint (tens of ms for
                    // 10,000 files) is taken after.
                    if !files.isEmpty {
                        await preview(files)
                        previewed = true
                    }
                case .none: break
                }
                guard changed || DispatchTime.now().uptimeNanoseconds - looked >= max(wait, 1_000_000_000) else { continue }
                changed = false
            } else {
                try? await Task.sleep(nanoseconds: wait)
            }
            let started = DispatchTime.now().uptimeNanoseconds
            var now = watcher.fingerprint()
            looked = DispatchTime.now().uptimeNanoseconds
            wait = min(250_000_000, max(20_000_000, 20 * (looked - started)))
            if now != last {
                // Without file events, a file being written (truncated, then filled) is read once
                // it stands still for 5 ms; a longer write is caught by the next change.
                for _ in 0..<20 where events == nil {
                    try? await Task.sleep(nanoseconds: 5_000_000)
                    let settled = watcher.fingerprint()
                    if settled == now { break }
                    now = settled
                }
                let paths = ChangeWatcher.changedPaths(from: last, to: now)
                last = now
                if verbose, let written = paths.compactMap({ try? options.root.appendingPathComponent($0).resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate }).max() {
                    log("  noticed \(paths.joined(separator: ", ")) \(Int(Date().timeIntervalSince(written) * 1000)) ms after the last was written")
                }
                if !previewed { await preview(paths) }
                await rebuild(reason: "change")
            }
        }
    }

    /// Writes an edited article's page before the rebuild (`BuildSession.previewBodyEdits`) and
    /// reloads open pages, so the editor sees a body edit at once; the rebuild reloads them again.
    func preview(_ changed: [String]) async {
        let started = Date()
        let written = await Self.onThread { self.session.withLock { $0.previewBodyEdits(changed) } }
        guard !written.isEmpty else { return }
        log("previewed \(written.map { "/" + $0.replacingOccurrences(of: "index.html", with: "") }.joined(separator: ", ")) in \(Int(Date().timeIntervalSince(started) * 1000)) ms; rebuilding the rest")
        await state.update(succeeded: true, errors: [])
    }

    func rebuild(reason: String) async {
        let started = Date()
        // On a thread of its own: a build keeps both cores busy for seconds, and on the
        // concurrency pool it would hold back the tasks answering requests.
        let report = await Self.onThread { self.session.withLock { $0.rebuild() } }
        let messages = report.diagnostics.map(\.description)
        for message in messages { log(message) }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        if verbose { report.timings.forEach { log($0.line) } }
        if report.succeeded {
            log("\(reason == "start" ? "built" : "rebuilt") \(report.pagesWritten) pages in \(milliseconds) ms"
                + (reason == "start" ? "" : " (\(report.filesRendered) files rendered, \(report.filesWritten) changed)"))
        } else {
            log("rebuild failed; still serving the last good site")
        }
        await state.update(succeeded: report.succeeded, errors: report.succeeded ? [] : messages.filter { $0.contains("error:") })
        // After the reload, in the background: the index takes longest and only the search page
        // needs it; the next rebuild does not wait for it either.
        if session.withLock({ $0.takeStaleSearchIndex() }) { search.request() }
    }

    static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}
