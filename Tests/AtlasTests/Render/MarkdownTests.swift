import Foundation
import Testing
@testable import Atlas

@Suite struct MarkdownTests {
    let safe = Markdown()

    @Test func rendersGFMExtensionsAndFootnotes() {
        let html = safe.html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ www.example.org\n\n- [x] done\n\nNote[^1]\n\n[^1]: The note.\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(html.contains("class=\"footnotes\""))
    }

    @Test func rawHTMLIsEscapedUnlessAllowed() {
        let input = "Hello <span class=x>world</span>\n\n<script>alert(1)</script>\n\n<div onclick=\"x()\">block</div>\n"
        let escaped = safe.html(input)
        #expect(!escaped.contains("<span"))
        #expect(!escaped.contains("<script"))
        #expect(!escaped.contains("<div"))
        #expect(escaped.contains("&lt;span class=x&gt;world&lt;/span&gt;"))
        #expect(escaped.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let allowed = Markdown(allowsRawHTML: true).html(input)
        #expect(allowed.contains("<span class=x>world</span>"))
        // Even when allowed, the tagfilter extension disarms <script>.
        #expect(allowed.contains("&lt;script>"))
    }

    @Test func dangerousLinkSchemesAreDroppedInSafeMode() {
        #expect(!safe.html("[x](javascript:alert(1))").contains("javascript:"))
    }

    @Test func concurrentCallsGiveTheSameOutputAsSequentialOnes() async {
        // cmark-gfm shares a table of special characters between parsers while it finishes a
        // document; the wrapper must serialise that step (and only that step runs under its lock).
        let documents = (0..<48).map { n in
            (0..<(n % 2 == 0 ? 400 : 3)).map { "~~del\($0)~~ www.ex\($0).org | x |\n" }.joined() + "\n| a |\n|---|\n| \(n) |\n"
        }
        let expected = documents.enumerated().map { $0.offset % 3 == 1 ? safe.plainText($0.element) : safe.html($0.element) }
        let markdown = safe
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, index % 3 == 1 ? markdown.plainText(document) : markdown.html(document)) }
            }
            var results = [String](repeating: "", count: documents.count)
            for await (index, html) in group { results[index] = html }
            return results
        }
        #expect(results == expected)
        #expect(expected[0].components(separatedBy: "<del>").count == 401)
    }

    @Test func plainTextHasNoMarkup() {
        #expect(safe.plainText("**Bold** and <b>raw</b> | x |\n") == "Bold and <b>raw</b> | x |\n")
    }
}

/// The GFM spec examples through the site's renderer and through Debian's `cmark-gfm` command
/// with the same options: every output must be identical, so the pass counts are too.
@Suite struct GFMSpecTests {
    struct Example { var number: Int; var markdown: String; var html: String }

    static func examples() throws -> [Example] {
        let spec = "/usr/share/doc/cmark-gfm/spec.txt.gz"
        guard FileManager.default.fileExists(atPath: spec) else {
            throw SpecMissing()
        }
        let text = try run("/bin/gzip", ["-dc", spec]).stdout
        var examples: [Example] = []
        var state = 0, markdown = "", html = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if state == 0, line.hasPrefix("````````````````````````````````") && line.contains("example") {
                state = 1; markdown = ""; html = ""
            } else if state == 1, line == "." {
                state = 2
            } else if state == 2, line.hasPrefix("````````````````````````````````") {
                examples.append(Example(number: examples.count + 1, markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                                        html: html.replacingOccurrences(of: "→", with: "\t")))
                state = 0
            } else if state == 1 {
                markdown += line + "\n"
            } else if state == 2 {
                html += line + "\n"
            }
        }
        return examples
    }

    struct SpecMissing: Error, CustomStringConvertible {
        var description: String { "the GFM spec is missing: run scripts/install-deps (Debian package cmark-gfm)" }
    }

    @Test func sameOutputAsCmarkGFMOnEverySpecExample() throws {
        let examples = try Self.examples()
        #expect(examples.count == 673)
        let cmark = try #require(which("cmark-gfm"), "cmark-gfm is missing: run scripts/install-deps")
        let ours = Markdown(allowsRawHTML: true)
        // The site writes a column's alignment as a style (valid HTML), as cmark-gfm's own option does.
        var arguments = ["--unsafe", "--table-prefer-style-attributes"]
        for name in Markdown.extensions + ["footnotes"] { arguments += ["-e", name] }
        var oursPassed = 0, theirsPassed = 0, different: [Int] = []
        for example in examples {
            let mine = ours.html(example.markdown)
            let theirs = try run(cmark, arguments, stdin: example.markdown).stdout
            if mine != theirs { different.append(example.number) }
            if mine == example.html { oursPassed += 1 }
            if theirs == example.html { theirsPassed += 1 }
        }
        #expect(different.isEmpty, "examples rendered differently: \(different)")
        #expect(oursPassed == theirsPassed)
        #expect(oursPassed > 600)
    }
}

/// A column's alignment is written as a style: cmark's default `align=` attribute is obsolete
/// and rejected by the Nu HTML checker.
@Suite struct TableAlignmentTests {
    @Test func alignedColumnsUseStyleNotAlign() {
        let html = Markdown().html("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n")
        #expect(!html.contains("align="))
        #expect(html.contains("<th style=\"text-align: left\">a</th>"))
        #expect(html.contains("<td style=\"text-align: center\">2</td>"))
        #expect(html.contains("<td style=\"text-align: right\">3</td>"))
        #expect(html.contains("<td>4</td>"))
    }
}
