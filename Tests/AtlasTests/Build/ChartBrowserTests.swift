import Foundation
import Testing
@testable import Atlas

/// Charts as a reader sees them: every page that shows a chart, in headless Chromium at 360 px
/// and 1280 px, light and dark (Fixtures/scripts/chart_layout.py). The labels are measured in
/// the browser's own fonts, which is what proves the builder's estimate of text widths safe.
@Suite struct ChartBrowserTests {
    @Test func chartsFitThePhoneAndNoLabelOverlapsInEitherScheme() throws {
        let python = try LocalServer.seleniumPython()
        let site = TemporaryFolder.siteCopy()
        let report = Builder(options: .init(root: site.url)).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let output = site.url.appendingPathComponent("public")
        let pages = (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix("index.html") && (site.read("public/" + $0)?.contains("class=\"chart-figure\"") ?? false) }
            .map { String($0.dropLast("index.html".count)) }.sorted()
        // The home page, the data page, every chart page and the pages editors embed charts in.
        #expect(pages.contains("") && pages.contains("data/") && pages.contains("about/"))
        for name in ChartCatalog.names { #expect(pages.contains("data/\(name)/")) }
        let server = try LocalServer(serving: output)
        defer { server.stop() }
        let script = TestPaths.fixtures.appendingPathComponent("scripts/chart_layout.py").path
        let result = try run(python, [script, server.url] + pages)
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == "{\"checked\": \(pages.count * 4)}", "\(lines.suffix(3))")
        for problem in lines.dropLast() { Issue.record("\(problem)") }
    }
}
