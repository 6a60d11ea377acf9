import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Atlas

/// The five charts on the real content: pinned byte for byte by golden files (each drawing and
/// the downloadable file), well-formed XML, accessible, and every claim mark linking to a quote
/// that exists.
@Suite struct ChartTests {
    static func charts() throws -> (charts: [Chart], site: Site) {
        var log = DiagnosticLog()
        let builder = Builder(options: .init(root: TestPaths.repository))
        guard let prepared = builder.prepare(log: &log), let templates = TemplateSet.load(root: TestPaths.repository, log: &log) else {
            throw Failure(description: "\(log.items)")
        }
        return (SiteRenderer(site: prepared.site, templates: templates).charts, prepared.site)
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The charts find an entity's drawn shares through an index made once; it must answer as
    /// filtering all the entity's figures does, for every comparison of every metric, elements,
    /// commodity and measure the real figures have (and for none they lack).
    @Test func drawnSharesByComparisonAreTheFilteredOnes() throws {
        let (_, site) = try Self.charts()
        let context = ChartContext(site: site)
        var asked = 0, found = 0
        for (entity, claims) in context.valuedClaimsByHolder {
            let comparisons = Set(claims.flatMap { claim in
                ([nil] + Measure.allCases.map(Optional.some)).map { Comparison(metric: claim.metric, elements: claim.scope.elements, measure: $0, commodity: claim.scope.commodity) }
            } + [Comparison(metric: .reservesShare, elements: .light, measure: .technology, commodity: "gallium")])
            for comparison in comparisons {
                let filtered = claims.filter { $0.unit == .percent && comparison.includes($0) }
                #expect(context.claims(comparison, entity: entity) == filtered, "\(entity) \(comparison)")
                #expect(context.claimCount(comparison, entity: entity) == filtered.count)
                #expect(context.hasClaims(comparison, entity: entity) == !filtered.isEmpty)
                asked += 1
                if !filtered.isEmpty { found += 1 }
            }
        }
        #expect(asked > 100 && found > 10, "asked \(asked), found \(found)")
    }

    @Test func chartsMatchTheirGoldenFiles() throws {
        let update = ProcessInfo.processInfo.environment["ATLAS_UPDATE_GOLDEN"] == "1"
        let (charts, _) = try Self.charts()
        #expect(charts.map(\.name) == ["china-share-chain", "reserves", "mine-production", "refining", "us-import-sources"])
        for chart in charts {
            for (suffix, svg) in [("", chart.wide), (".narrow", chart.narrow), (".download", chart.standalone)] {
                let url = TestPaths.fixtures.appendingPathComponent("golden/\(chart.name)\(suffix).svg")
                if update { try Data(svg.utf8).write(to: url) }
                let golden = try String(contentsOf: url, encoding: .utf8)
                #expect(svg == golden, "chart \(chart.name)\(suffix) changed; if intended, rerun with ATLAS_UPDATE_GOLDEN=1 and review the diff")
            }
        }
    }

    /// An editor who moves one supplier's share to another period takes its bar out of the
    /// breakdown; the chart must then say so, not draw the rest as if it were the whole.
    @Test func aSupplierSetApartFromTheBreakdownIsNamed() throws {
        let (charts, site) = try Self.charts()
        let before = try #require(charts.first { $0.name == "us-import-sources" })
        let drawn = try #require(before.rows.first { $0.first?.text == "China" }?.last?.url)
        let china = try #require(site.claims.first { $0.importer == "united-states" && $0.entity == "china" && drawn.hasSuffix("#q-" + $0.id) })
        let copy = TemporaryFolder.siteCopy()
        copy.write("content/data/claims.edits.yml", "correct:\n  - id: \(china.id)\n    period: 2020-2023\n")
        var log = DiagnosticLog()
        let result = Builder(options: .init(root: copy.url)).prepare(log: &log)
        let prepared = try #require(result, "\(log.errors)")
        let templates = try #require(TemplateSet.load(root: copy.url, log: &log))
        let after = try #require(SiteRenderer(site: prepared.site, templates: templates).charts.first { $0.name == "us-import-sources" })
        #expect(after.summary.contains("Not drawn: China \(china.valueText) (an average or total over 2020–2023)"), "\(after.summary)")
        #expect(after.rows.contains { $0.first?.text == "China" && $0[1].text.contains("not drawn") })
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(String, [String: String])] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append((name, attributes))
        }
    }

    @Test func chartsAreAccessibleWellFormedSVG() throws {
        let (charts, site) = try Self.charts()
        let claimIDs = Set(site.claims.map(\.id))
        for chart in charts {
            // The two drawings a page carries (each labelled by its own title and description, since
            // the page shows one at a time) and the downloadable file.
            for (svg, id) in [(chart.wide, "chart-\(chart.name)"), (chart.narrow, "chart-\(chart.name)-narrow"), (chart.standalone, "chart-\(chart.name)")] {
                let parser = XMLParser(data: Data(svg.utf8))
                let collector = Collector()
                parser.delegate = collector
                #expect(parser.parse(), "chart \(chart.name) is not well-formed XML")
                let root = try #require(collector.elements.first)
                let hasLinks = collector.elements.contains { $0.0 == "a" }
                #expect(root.0 == "svg" && root.1["role"] == (hasLinks ? "group" : "img"))
                #expect(root.1["aria-labelledby"] == "\(id)-title \(id)-desc")
                #expect(collector.elements.contains { $0.0 == "title" && $0.1["id"] == "\(id)-title" })
                #expect(collector.elements.contains { $0.0 == "desc" && $0.1["id"] == "\(id)-desc" })
                #expect(!chart.summary.isEmpty && !chart.source.isEmpty && !chart.subtitle.isEmpty)
                // Every link to a quote names a claim that exists.
                for (_, attributes) in collector.elements where attributes["href"]?.contains("#q-") == true {
                    let id = String(attributes["href"]!.split(separator: "#").last!.dropFirst(2))
                    #expect(claimIDs.contains(id), "\(chart.name) links to unknown claim \(id)")
                }
            }
            // The CSV is the table: same rows, same header.
            let lines = chart.csv.split(separator: "\n")
            #expect(lines.count == chart.rows.count + 1)
        }
        let chain = try #require(charts.first { $0.name == "china-share-chain" })
        let reserveClaims = site.claims.filter { $0.metric == .reservesShare && $0.entity == "china" }
        #expect(reserveClaims.count >= 4)
        for claim in reserveClaims { #expect(chain.wide.contains("#q-\(claim.id)") && chain.narrow.contains("#q-\(claim.id)")) }
        let imports = try #require(charts.first { $0.name == "us-import-sources" })
        #expect(imports.rows.map { $0[0].text } == ["China", "Malaysia", "Japan", "Estonia", "Rest of world"])
    }
}
