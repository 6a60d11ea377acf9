import Foundation
import Testing
@testable import Atlas

/// Hostile and broken inputs, each with its exact expected outcome: a clear error at the file and
/// line that caused it (and `public/` left as it was), or a site in which nothing from the content
/// became markup. Each case runs the real pipeline on a copy of the real site.
@Suite struct HostileInputTests {
    enum Expected: Sendable {
        /// The build fails with an error at this file and line whose message contains the text.
        case error(file: String, line: Int, contains: String)
        /// The build succeeds; the page contains each string.
        case builds(page: String, contains: [String])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var files: [String: Data]
        var links: [String: String] = [:]
        var expected: Expected
        var testDescription: String { name }
    }

    static func dump(_ title: String, _ body: String, source: String = "Wire· 2025-09-01 10:00") -> Data {
        Data("测试\nSearch documents\n\(title)\n\(source)\n\(body)\n".utf8)
    }

    static func article(_ frontMatter: String, _ body: String = "China holds 40% of the world's rare earth reserves.") -> Data {
        Data("---\n\(frontMatter)\n---\n\(body)\n".utf8)
    }

    /// A real content file with `text` added at its end.
    static func appending(_ file: String, _ text: String) -> Data {
        Data((realContent(file) + text).utf8)
    }

    /// The line number text added by `appending` starts on.
    static func nextLine(_ file: String) -> Int { realContent(file).split(separator: "\n", omittingEmptySubsequences: false).count }

    static func realContent(_ file: String) -> String {
        let text = try! String(contentsOf: TestPaths.content.appendingPathComponent(file), encoding: .utf8)
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// The timeline's first event, copied line for line.
    static let firstTimelineEvent: String = {
        let lines = realContent("timeline.yml").split(separator: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("- ") }) else { return "" }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("- ") } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n") + "\n"
    }()

    static let laughs = (1...9).map { "l\($0): &l\($0) [" + String(repeating: "*l\($0 - 1), ", count: 9) + "*l\($0 - 1)]" }
        .joined(separator: "\n").replacingOccurrences(of: "*l0", with: "\"lol\"")

    static let cases: [Case] = [
        Case(name: "script and event handlers in a dump's title and body", files: [
            "content/sources/9-x.txt": dump("<script>alert(1)</script> \" onmouseover=\"alert(2) ' x", "Core Insights - <img src=x onerror=alert(3)> China holds 45% of the world's rare earth reserves [1]"),
        ], expected: .builds(page: "articles/", contains: ["&lt;script&gt;alert(1)&lt;/script&gt;"])),
        Case(name: "raw HTML and a javascript: link in a Markdown article", files: [
            "content/articles/x.md": article("title: Hostile\ndate: 2025-09-01 10:00\nsource: Wire\nslug: hostile",
                                             "<script>alert(4)</script>\n\n[click](javascript:alert(5)) <iframe src=\"https://evil.example\"></iframe>\n\nChina holds 46% of the world's rare earth reserves."),
        ], expected: .builds(page: "articles/hostile/index.html", contains: ["<a href=\"\">click</a>"])),
        Case(name: "chart label breakers in a quote", files: [
            "content/sources/9-x.txt": dump("Breaker", "Core Insights - China holds 47% of the world's rare earth reserves </svg><script>alert(6)</script> ]]> <!-- [1]"),
        ], expected: .builds(page: "data/reserves/index.html", contains: ["47%"])),
        Case(name: "Mustache syntax in content stays text", files: [
            "content/sources/9-x.txt": dump("{{layout.basePath}} {{{bodyHTML}}} {{>partials/pager}}", "Core Insights - {{#layout}}x{{/layout}} China holds 48% of the world's rare earth reserves [1]"),
        ], expected: .builds(page: "articles/", contains: ["{{layout.basePath}} {{{bodyHTML}}} {{&gt;partials/pager}}"])),
        Case(name: "a very long title", files: [
            "content/sources/9-x.txt": dump(String(repeating: "稀土", count: 2_500), "Core Insights - China holds 44% of the world's rare earth reserves [1]"),
        ], expected: .builds(page: "articles/", contains: [String(repeating: "稀土", count: 2_500)])),
        Case(name: "invalid UTF-8", files: ["content/sources/9-x.txt": Data([0x74, 0x0A, 0xC3, 0x28, 0x0A])],
             expected: .error(file: "content/sources/9-x.txt", line: 2, contains: "UTF-8")),
        Case(name: "a NUL byte", files: ["content/articles/x.md": article("title: A\u{0}B\ndate: 2025-09-01 10:00\nsource: Wire")],
             expected: .error(file: "content/articles/x.md", line: 2, contains: "a NUL byte")),
        Case(name: "a 50 MB body line", files: [
            "content/sources/9-x.txt": dump("Huge", String(repeating: "China holds 40% of reserves. ", count: 1_800_000)),
        ], expected: .error(file: "content/sources/9-x.txt", line: 5, contains: "articles are read up to 1000 kB")),
        Case(name: "a slug that climbs out", files: [
            "content/articles/x.md": article("title: Climb\ndate: 2025-09-01 10:00\nsource: Wire\nslug: ../../etc"),
        ], expected: .error(file: "content/articles/x.md", line: 5, contains: "slug")),
        Case(name: "a slug of one dot", files: [
            "content/articles/x.md": article("title: Dot\ndate: 2025-09-01 10:00\nsource: Wire\nslug: \".\""),
        ], expected: .error(file: "content/articles/x.md", line: 5, contains: "slug")),
        Case(name: "a slug of one slash", files: [
            "content/articles/x.md": article("title: Slash\ndate: 2025-09-01 10:00\nsource: Wire\nslug: /"),
        ], expected: .error(file: "content/articles/x.md", line: 5, contains: "slug")),
        Case(name: "an absolute slug", files: [
            "content/articles/x.md": article("title: Root\ndate: 2025-09-01 10:00\nsource: Wire\nslug: /etc/passwd"),
        ], expected: .error(file: "content/articles/x.md", line: 5, contains: "slug")),
        Case(name: "billion laughs in front matter", files: [
            "content/articles/x.md": article("title: Laughs\ndate: 2025-09-01 10:00\nsource: Wire\n" + laughs + "\ntags: *l9"),
        ], expected: .error(file: "content/articles/x.md", line: 6, contains: "YAML aliases")),
        Case(name: "the 30th of February", files: [
            "content/articles/x.md": article("title: Feb\ndate: 2025-02-30 10:00\nsource: Wire"),
        ], expected: .error(file: "content/articles/x.md", line: 3, contains: "no day 30")),
        Case(name: "24:00 in a dump", files: [
            "content/sources/9-x.txt": dump("Midnight", "Core Insights - China holds 44% of reserves [1]", source: "Wire· 2025-09-01 24:00"),
        ], expected: .error(file: "content/sources/9-x.txt", line: 4, contains: "24")),
        Case(name: "a duplicate id in a dataset", files: [
            "content/data/usgs-reserves.csv": Data("country,tonnes_reo,edition,note\nChina,44000000,MCS 2025,\nChina,44000000,MCS 2025,\n".utf8),
        ], expected: .error(file: "content/data/usgs-reserves.csv", line: 3, contains: "duplicate row")),
        Case(name: "a duplicate id in the entity registry", files: [
            "content/entities.yml": appending("entities.yml", "- id: china\n  type: country\n  name: China again\n  name_zh: 中国\n"),
        ], expected: .error(file: "content/entities.yml", line: nextLine("entities.yml"), contains: "the entity id `china` is already used")),
        Case(name: "the same event twice in the timeline", files: [
            "content/timeline.yml": appending("timeline.yml", firstTimelineEvent),
        ], expected: .error(file: "content/timeline.yml", line: nextLine("timeline.yml"), contains: "this event (same date and title) is already on line")),
        Case(name: "chart label breakers in a dataset", files: [
            "content/data/usgs-reserves.csv": appending("data/usgs-reserves.csv", "\"Evil </svg><script>alert(7)</script> ]]> \"\"q\"\" 'a' <!--\",30000000,MCS 2026,x]]>y\n"),
        ], expected: .builds(page: "data/reserves/index.html", contains: ["Evil &lt;/svg&gt;&lt;script&gt;alert(7)&lt;/script&gt; ]]&gt; &quot;q&quot; &#39;a&#39; &lt;!--"])),
        Case(name: "a CSV row with a missing column", files: [
            "content/data/usgs-reserves.csv": Data("country,tonnes_reo,edition,note\nChina,44000000,MCS 2025\n".utf8),
        ], expected: .error(file: "content/data/usgs-reserves.csv", line: 2, contains: "the row has 3 fields")),
        Case(name: "an empty dump", files: ["content/sources/9-x.txt": Data()],
             expected: .error(file: "content/sources/9-x.txt", line: 1, contains: "Search documents")),
        Case(name: "an empty Markdown article", files: ["content/articles/x.md": Data()],
             expected: .error(file: "content/articles/x.md", line: 1, contains: "front matter")),
        Case(name: "a symbolic link out of the site", files: [:], links: ["content/articles/x.md": "/etc/hostname"],
             expected: .error(file: "content/articles/x.md", line: 1, contains: "outside the site folder")),
        // A file without read permission is `aFileTheBuildMayNotReadIsNamed` below.
        Case(name: "a folder named like a content file", files: ["content/articles/x.md/inside": Data("x".utf8)],
             expected: .error(file: "content/articles/x.md", line: 1, contains: "is not a regular file but a folder")),
    ]

    /// 100,000 articles in one dump: read in one pass, every one kept, nothing quadratic (the
    /// time is not asserted; `bench/run` measures it).
    @Test func aDumpOfAHundredThousandArticlesIsReadWhole() throws {
        var text = "测试\nSearch documents\n"
        for index in 0..<100_000 {
            text += "Report \(index)\nWire· 2025-09-\((index % 28 + 1).zeroPadded(2)) \((index % 24).zeroPadded(2)):00\nCore Insights - China holds \(index % 90)% of reserves [1]\n"
        }
        var log = DiagnosticLog()
        let dump = try #require(DumpParser.parse(TextFile(path: "content/sources/big.txt", text: text), log: &log))
        #expect(dump.entries.count == 100_000)
        #expect(log.items.isEmpty)
        #expect(dump.entries.last?.title == "Report 99999")
    }

    /// Two titles, one in Han and one in pinyin, that transliterate to the same slug: both get
    /// a page, the older keeps the plain URL (publishing never moves an old page) and the newer
    /// gets a stable suffix.
    @Test func titlesWithTheSameSlugBothGetPages() throws {
        let site = TemporaryFolder.siteCopy()
        site.write("content/sources/9-x.txt", """
            稀土
            Search documents
            稀土管制
            Wire· 2025-09-01 10:00
            Core Insights - China holds 44% of the world's rare earth reserves [1]
            Xi Tu Guan Zhi
            Wire· 2025-09-02 10:00
            Core Insights - China holds 45% of the world's rare earth reserves [1]
            """)
        let report = Builder(options: .init(root: site.url)).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent("public/articles").path)
            .filter { $0.hasPrefix("xi-tu-guan-zhi") }.sorted()
        #expect(folders.count == 2, "\(folders)")
        #expect(site.read("public/articles/xi-tu-guan-zhi/index.html")?.contains("稀土管制") == true)
        let suffixed = try #require(folders.first { $0 != "xi-tu-guan-zhi" })
        #expect(Slug.problem(with: suffixed) == nil)
        #expect(site.read("public/articles/\(suffixed)/index.html")?.contains("Xi Tu Guan Zhi") == true)
    }

    /// A named pipe where a content file should be: reading it would wait for a writer forever.
    @Test func aNamedPipeIsRefusedNotWaitedOn() throws {
        let site = TemporaryFolder.siteCopy()
        #expect(mkfifo(site.url.appendingPathComponent("content/pages/pipe.md").path, 0o644) == 0)
        let report = Builder(options: .init(root: site.url)).build()
        let error = report.diagnostics.first { $0.location?.file == "content/pages/pipe.md" }
        #expect(error?.message.contains("is not a regular file but a named pipe") == true, "\(report.diagnostics)")
        #expect(error?.location?.line == 1)
    }

    /// A file without read permission. `chmod 000` does not stop root, so when the tests run as
    /// root the build runs as `nobody` (setpriv) on a site folder that user may write.
    @Test func aFileTheBuildMayNotReadIsNamed() throws {
        let binary = TestPaths.repository.appendingPathComponent(".build/debug/atlas").path
        let site = TemporaryFolder.siteCopy()
        site.write("content/articles/secret.md", Self.article("title: Secret\ndate: 2025-09-01 10:00\nsource: Wire"))
        let secret = site.url.appendingPathComponent("content/articles/secret.md").path
        var command = (binary, ["build", "--root", site.url.path])
        if geteuid() == 0 {
            let setpriv = try #require(which("setpriv"), "setpriv (util-linux) runs the build as another user")
            _ = try run("/bin/chmod", ["-R", "a+rwX", site.url.path])
            _ = try run("/bin/chmod", ["a+x", FileManager.default.temporaryDirectory.path])
            command = (setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", "--"] + [command.0] + command.1)
        }
        #expect(chmod(secret, 0) == 0)
        let result = try run(command.0, command.1)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/articles/secret.md:1:1: error: cannot read the file (check its permissions (chmod a+r))"), "\(result.stderr.suffix(600))")
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("public/articles/secret").path))
    }

    @Test(arguments: cases)
    func hostileInput(_ hostile: Case) throws {
        let site = TemporaryFolder.siteCopy()
        #expect(Builder(options: .init(root: site.url)).build().succeeded)
        let before = snapshot(site.url.appendingPathComponent("public"))
        for (path, data) in hostile.files { site.write(path, data) }
        for (path, target) in hostile.links {
            try FileManager.default.createDirectory(at: site.url.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: site.url.appendingPathComponent(path).path, withDestinationPath: target)
        }
        let report = Builder(options: .init(root: site.url)).build()
        switch hostile.expected {
        case .error(let file, let line, let text):
            #expect(!report.succeeded)
            let match = report.diagnostics.first { $0.severity == .error && $0.location?.file == file && $0.message.contains(text) }
            #expect(match != nil, "\(report.diagnostics)")
            #expect(match?.location?.line == line, "\(match.map(String.init(describing:)) ?? "")")
            #expect((match?.hint ?? "").isEmpty == false)
            #expect(snapshot(site.url.appendingPathComponent("public")) == before, "a failed build changed public/")
        case .builds(let page, let strings):
            #expect(report.succeeded, "\(report.diagnostics)")
            let html = try #require(site.read("public/" + (page.hasSuffix("/") ? page + "index.html" : page)))
            for text in strings { #expect(html.contains(text), "\(text.prefix(80)) not in \(page)") }
            let problems = Self.markupFromContent(in: site.url.appendingPathComponent("public"))
            #expect(problems.isEmpty, "\(problems.prefix(5))")
        }
    }

    @Test func theMarkupCheckSeesWhatABrowserWouldRun() {
        let folder = TemporaryFolder()
        folder.write("a/index.html", "<p>&lt;img onerror=x&gt; is text</p><script src=\"/assets/search.js\"></script>")
        #expect(Self.markupFromContent(in: folder.url).isEmpty)
        folder.write("b/index.html", "<p><img src=x onerror=alert(1)><a href=\" JavaScript:alert(2)\">x</a><script>alert(3)</script></p><svg><title></svg>")
        let problems = Self.markupFromContent(in: folder.url)
        #expect(problems.count == 4, "\(problems)")
    }

    /// Elements and attributes that only content could have put there, found by parsing every
    /// page with an HTML parser (Python's `html.parser`, as a browser tokenises): scripts other
    /// than the site's own files, event-handler attributes, `javascript:` URLs, frames and
    /// plugins. Every inline SVG must also parse as XML (expat, strict).
    static func markupFromContent(in folder: URL) -> [String] {
        var problems: [String] = []
        let script = """
        import html.parser, os, re, sys
        import xml.etree.ElementTree as ET
        root = sys.argv[1]
        class Walker(html.parser.HTMLParser):
            def __init__(self, path):
                super().__init__(convert_charrefs=True)
                self.path, self.problems = path, []
            def handle_starttag(self, tag, attrs):
                attrs = dict(attrs)
                if tag == "script" and not (attrs.get("src") or "").startswith(("/pagefind/", "/assets/")):
                    self.problems.append(f"{self.path}: <script {attrs}>")
                if tag in ("iframe", "object", "embed", "frame", "base"):
                    self.problems.append(f"{self.path}: <{tag}>")
                for name, value in attrs.items():
                    if name.startswith("on"):
                        self.problems.append(f"{self.path}: attribute {name}")
                    if name in ("href", "src", "action", "xlink:href") and (value or "").strip().lower().startswith(("javascript:", "data:text/html")):
                        self.problems.append(f"{self.path}: {name}={value[:40]}")
        for folder, _, files in os.walk(root):
            for name in files:
                if name.endswith(".html"):
                    path = os.path.join(folder, name)
                    walker = Walker(os.path.relpath(path, root))
                    text = open(path, encoding="utf-8").read()
                    walker.feed(text)
                    for problem in walker.problems: print(problem)
                    for svg in re.findall(r"<svg\\b.*?</svg>", text, re.S):
                        try:
                            ET.fromstring(svg)
                        except ET.ParseError as error:
                            print(f"{walker.path}: an SVG is not well-formed XML: {error}")
        """
        if let result = try? run("/usr/bin/env", ["python3", "-c", script, folder.path]) {
            problems += result.stdout.split(separator: "\n").map(String.init)
            if result.status != 0 { problems.append("the HTML check failed: \(result.stderr.suffix(300))") }
        }
        return problems
    }
}
