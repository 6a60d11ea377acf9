import ArgumentParser
import Atlas
import AtlasServe
import Foundation

@main
struct AtlasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atlas",
        abstract: "Build the Rare Earth Atlas site from content/ and templates/ into public/.",
        version: AtlasVersion.current,
        subcommands: [Build.self, Serve.self, Check.self, New.self, Claims.self, Events.self, RenderMarkdown.self],
        defaultSubcommand: Build.self)

    /// Before parsing: a first word that is no command is a mistyped one. `build` is the default
    /// command and takes no words, so without this `atlas biuld` says only "Unexpected argument".
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let commands = configuration.subcommands.map { $0._commandName } + ["help"]
        if let word = arguments.first, !word.hasPrefix("-"), !commands.contains(word) {
            let guess = CommandSuggestion.nearest(word, in: commands).map { " Did you mean `atlas \($0)`?" } ?? ""
            FileHandle.standardError.write(Data("Error: `\(word)` is not an atlas command.\(guess)\nCommands: \(commands.joined(separator: ", ")) (`atlas help COMMAND` for one).\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? AsyncParsableCommand { try await asynchronous.run() } else { try command.run() }
        } catch {
            exit(withError: error)
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into public/ (written beside it, then swapped in).")

    @Option(name: .long, help: "The site folder (holding site.yml, content/, templates/).")
    var root: String = "."

    @Option(name: .long, help: "Where to write the site (default: <root>/public).")
    var output: String?

    @Option(name: .long, help: "Override site.yml's base_url, e.g. https://example.org/atlas/ or /atlas/.")
    var baseURL: String?

    @Flag(name: .long, help: "Include pages and articles marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Print how long each stage took.")
    var verbose = false

    @Flag(name: .long, help: "Write page-relative links that name files (about/index.html), so the site opens straight from disk.")
    var relative = false

    @Flag(name: .long, help: "Do all the work again instead of reusing the last build's findings, bodies and chart images from <root>/.atlas-cache/ (which this build then leaves alone).")
    var noCache = false

    func run() throws {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        var options = Builder.Options(root: rootURL, output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
                                      baseURL: baseURL, includeDrafts: drafts, relativeLinks: relative)
        options.cache = noCache ? nil : BuildCache.forSite(root: rootURL)
        let started = Date()
        // On a terminal, say that a long build is still running. (A dispatch source must be
        // resumed before it is released, so one is made only when it is used.)
        var progress: DispatchSourceTimer?
        if isatty(STDERR_FILENO) != 0 {
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now() + 1, repeating: 0.5)
            timer.setEventHandler {
                FileHandle.standardError.write(Data(String(format: "\rbuilding… %.1f s", Date().timeIntervalSince(started)).utf8))
            }
            timer.resume()
            progress = timer
        }
        let report = Builder(options: options).build(keepingPlan: true)
        progress?.cancel()
        if isatty(STDERR_FILENO) != 0, Date().timeIntervalSince(started) > 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if verbose {
            for timing in report.timings { print(timing.line) }
        }
        for diagnostic in report.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        if errors > 0 {
            FileHandle.standardError.write(Data("build failed: \(errors) error(s), \(warnings) warning(s); \(options.output.path) left unchanged\n".utf8))
            throw ExitCode(1)
        }
        print("built \(report.pagesWritten) pages (\(report.articles.count) articles, \(report.filesWritten) files) into \(options.output.path) with \(warnings) warning(s) in \(milliseconds) ms")
        // Done: the process ends here, without freeing the site and its pages one object at a time.
        Foundation.exit(EXIT_SUCCESS)
    }
}

struct RenderMarkdown: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Render Markdown from standard input to HTML on standard output, as the site renders it.")

    @Flag(name: .long, help: "Pass raw HTML through (as `raw_html: allow` in site.yml).")
    var unsafe = false

    @Option(name: .customLong("extension"), help: "A GFM extension to enable (repeatable); default: all the site uses.")
    var extensions: [String] = []

    func run() throws {
        let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let markdown = Markdown(allowsRawHTML: unsafe, extensions: extensions.isEmpty ? Markdown.extensions : extensions)
        FileHandle.standardOutput.write(Data(markdown.html(input).utf8))
    }
}

struct Claims: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the figures extracted from one article, for review.",
        discussion: "ARTICLE is the article's file (content/articles/x.md, or a dump in content/sources/ for all its articles), its slug (as in /articles/<slug>/) or a part of its title.")

    @Argument(help: "File, slug or part of the title.")
    var article: String

    @Option(name: .long, help: "The site folder.")
    var root: String = "."

    func run() throws {
        let (site, matches) = try articles(matching: article, root: root)
        for item in matches {
            let claims = site.claims.filter { $0.article == item.id }
            print("\(item.title)  [\(item.slug)]  \(claims.count) figure(s)")
            for claim in claims {
                let who = [claim.entity, claim.importer.map { "importer \($0)" }].compactMap { $0 }.joined(separator: ", ")
                let scope = [claim.scope.isRareEarths ? claim.scope.elements.code : claim.scope.commodity, claim.scope.measure?.rawValue].compactMap { $0 }
                let extra = [claim.rate?.rawValue, claim.speaker.map { "per \($0)" }, claim.duplicateOf.map { "repeats \($0)" }].compactMap { $0 }
                print("  \(claim.id)  \(claim.metric.rawValue)  \(claim.valueText)  \(who.isEmpty ? "-" : who)  \(claim.status.rawValue)  \(claim.period.code)  "
                      + "\(scope.joined(separator: "/"))\(extra.isEmpty ? "" : "  " + extra.joined(separator: ", "))  (\(claim.rule))")
                print("      “\(claim.quote)”")
            }
        }
    }
}

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the dated events extracted from one article, for review.",
        discussion: "ARTICLE is the article's file (or a dump for all its articles), its slug or a part of its title.")

    @Argument(help: "File, slug or part of the title.")
    var article: String

    @Option(name: .long, help: "The site folder.")
    var root: String = "."

    func run() throws {
        let (site, matches) = try articles(matching: article, root: root)
        for item in matches {
            let events = site.events.filter { $0.article == item.id && $0.kind == .event }
            print("\(item.title)  [\(item.slug)]  published \(item.published.display)  \(events.count) event(s)")
            for event in events {
                print("  \(event.id)  \(event.dateText)  \(event.status.rawValue)  \(event.actors.joined(separator: ","))  (\(event.rule))")
                print("      “\(event.quote ?? "")”")
            }
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every validation without writing public/: inputs, templates, links and anchors.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(name: .long, help: "The site folder.")
    var root: String = "."

    @Option(name: .long, help: "Check as if built for this base URL.")
    var baseURL: String?

    @Option(name: .long, help: "Output format: text (file:line:column: severity: message) or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Exit non-zero on warnings too.")
    var warningsAsErrors = false

    @Flag(name: .long, help: "Do all the work again instead of reusing the last build's findings, bodies and chart images from <root>/.atlas-cache/.")
    var noCache = false

    func run() throws {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        var options = Builder.Options(root: rootURL, baseURL: baseURL)
        options.cache = noCache ? nil : BuildCache.forSite(root: rootURL)
        let diagnostics = Checker(options: options).check()
        switch format {
        case .text:
            for diagnostic in diagnostics { print(diagnostic.description) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            print("check: \(errors) error(s), \(diagnostics.count - errors) warning(s)")
        case .json:
            struct Finding: Encodable { var file: String?; var line: Int?; var column: Int?; var severity: String; var message: String; var hint: String? }
            let findings = diagnostics.map { Finding(file: $0.location?.file, line: $0.location?.line, column: $0.location?.column,
                                                     severity: $0.severity.rawValue, message: $0.message, hint: $0.hint) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(findings), as: UTF8.self))
        }
        let failing = diagnostics.contains { $0.severity == .error || (warningsAsErrors && $0.severity == .warning) }
        if failing { throw ExitCode(1) }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create an article, page or topic as Markdown with front matter, ready to edit.",
        discussion: """
            Articles go to content/articles/<slug>.md, pages to content/pages/<slug>.md, topics to content/topics/<slug>.md; \
            the slug is made from the title (for a topic, its English name) unless --slug gives one. Articles and pages start \
            as drafts. An existing file is never overwritten.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case article, page, topic }

    @Argument(help: "What to create: article, page or topic.")
    var kind: Kind

    @Argument(help: "The title (for a topic: its Chinese name, and --english for the English one).")
    var title: String

    @Option(name: .long, help: "A topic's English name (default: the title).")
    var english: String?

    @Option(name: .long, help: "The slug, which is the file's name and the URL's last part (default: made from the title).")
    var slug: String?

    @Option(name: .long, help: "An article's publisher (default: the site's title from site.yml).")
    var source: String?

    @Option(name: .long, help: "The site folder.")
    var root: String = "."

    func run() throws {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        var log = DiagnosticLog()
        let config = ContentLoader.optionalConfig(root: rootURL, log: &log).flatMap { SiteConfig.load($0, log: &log) } ?? .fallback
        let topics = kind == .topic ? Builder(options: Builder.Options(root: rootURL)).currentTopics(log: &log) : []
        let result = Scaffold.create(kind: kind == .article ? .article : kind == .page ? .page : .topic, title: title, english: english, slug: slug,
                                     root: rootURL, today: Date(), basePath: config.basePath, source: source ?? config.title, topics: topics)
        switch result {
        case .success(let created):
            print("created \(created.file)")
            print("  URL: \(created.url)")
            if created.isDraft {
                print("  a draft (`draft: true`): shown only by `atlas serve --drafts` and `atlas build --drafts`; remove the line to publish it")
            } else {
                print("  published with the next build")
            }
            print("  listed on: \(created.listedOn)")
        case .failure(let diagnostic):
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a preview, serve it locally, and rebuild and reload open pages when an input changes.",
        discussion: """
            The preview is built into a cache folder under the system's temporary folder (printed at start), \
            never into public/: drafts and --base-url previews cannot leak into the published site. \
            Publish with `atlas build`.
            """)

    @Option(name: .long, help: "The site folder.")
    var root: String = "."

    @Option(name: .long, help: "The address to listen on; anything but loopback exposes the preview to the network.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port: UInt16 = 8000

    @Option(name: .long, help: "Where to build the preview, outside the site folder (default: $TMPDIR/atlas-preview/<site>-<hash>-<port>/site).")
    var cache: String?

    @Option(name: .long, help: "Serve under this base path instead of site.yml's, e.g. /atlas/.")
    var baseURL: String = "/"

    @Flag(name: .long, help: "Include drafts.")
    var drafts = false

    @Flag(name: .long, help: "Print how long each stage of every rebuild took.")
    var verbose = false

    func run() async throws {
        // Ctrl-C stops at once, even in the middle of a rebuild: the preview folder is a cache,
        // and a half-written one is rebuilt in full by the next `atlas serve`. Handled on a
        // queue of its own, so a busy process cannot hold the handler back.
        let queue = DispatchQueue(label: "atlas.serve.signals")
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                FileHandle.standardOutput.write(Data("\nstopped\n".utf8))
                _exit(0)
            }
            source.resume()
            sources.append(source)
        }
        defer { sources.forEach { $0.cancel() } }
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        let cacheURL = cache.map { URL(fileURLWithPath: $0).standardizedFileURL }
        if let cacheURL {
            // Inside the site folder it could be public/ or be committed with the site.
            let (folder, site) = (cacheURL.resolvingSymlinksInPath().path, rootURL.resolvingSymlinksInPath().path)
            if folder == site || folder.hasPrefix(site + "/") {
                FileHandle.standardError.write(Data("error: --cache \(cacheURL.path) is inside the site folder; the preview is built outside it, so it can never be published or committed (leave --cache out for a folder under \(FileManager.default.temporaryDirectory.path))\n".utf8))
                throw ExitCode(1)
            }
        }
        // Written unbuffered, so messages appear at once in a terminal or a log file.
        let server = PreviewServer(root: rootURL, baseURL: baseURL, includeDrafts: drafts,
                                   host: host, port: port, cache: cacheURL, verbose: verbose) { message in
            FileHandle.standardOutput.write(Data((message + "\n").utf8))
        }
        do {
            try await server.run()
        } catch let failure as PreviewServer.Failure {
            FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// The prepared site and the articles whose slug is `query` or whose title contains it, for the
/// review commands; prints the build's errors or "no article" and fails otherwise.
func articles(matching query: String, root: String) throws -> (Site, [Article]) {
    var log = DiagnosticLog()
    let builder = Builder(options: Builder.Options(root: URL(fileURLWithPath: root).standardizedFileURL, includeDrafts: true))
    // Review works on a broken site too (that is often why one reviews): problems are printed,
    // and what could be read is shown.
    let prepared = builder.prepare(log: &log, checking: true)
    for diagnostic in log.sorted { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
    guard let prepared else { throw ExitCode(1) }
    let matches = ArticleQuery.matches(query, in: prepared.site.articles, root: URL(fileURLWithPath: root).standardizedFileURL,
                                       currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    guard !matches.isEmpty else {
        FileHandle.standardError.write(Data("no article is read from the file `\(query)`, has it as slug or has a title containing it\n".utf8))
        throw ExitCode(1)
    }
    return (prepared.site, matches)
}
