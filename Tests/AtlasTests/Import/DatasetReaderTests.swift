import Foundation
import Testing
@testable import Atlas

@Suite struct DatasetReaderTests {
    let meta = """
    title: Test
    title_zh: 测试
    citation: Someone, 2025
    edition: "2025"
    unit: tonnes
    as_of: 2025-01-31
    licence: CC BY 4.0
    source_url: https://example.org/
    notes: none
    key: [country, year]
    columns:
      - name: country
        type: text
        required: true
      - name: year
        type: integer
        required: true
      - name: tonnes
        type: number
    """

    func read(_ csv: String, meta: String? = nil) -> (Dataset?, DiagnosticLog) {
        var log = DiagnosticLog()
        let dataset = DatasetReader.read(csv: TextFile(path: "content/data/test.csv", text: csv),
                                         meta: TextFile(path: "content/data/test.meta.yml", text: meta ?? self.meta), log: &log)
        return (dataset, log)
    }

    @Test func readsAValidDataset() throws {
        let (dataset, log) = read("country,year,tonnes\nChina,2024,\"270,000\"\n")
        #expect(dataset == nil)  // "270,000" is not a number: thousands separators are not allowed
        #expect(log.errors.first?.location == SourceLocation(file: "content/data/test.csv", line: 2, column: 12))
        let (good, goodLog) = read("country,year,tonnes\nChina,2024,270000\n\"Korea, South\",2024,\n")
        #expect(goodLog.items.isEmpty)
        #expect(good?.rows.count == 2)
        #expect(good?.rows[1]["country"] == "Korea, South")
    }

    @Test func everyRowProblemIsReportedWithLineAndColumn() {
        let csv = "country,year,tonnes\nChina,20x4,1\n,2024,2\nChina,2023,3\nChina,2023,4\nBrazil,2024\n"
        let (dataset, log) = read(csv)
        #expect(dataset == nil)
        #expect(log.errors.map { $0.location!.description } == [
            "content/data/test.csv:2:7", "content/data/test.csv:3:1", "content/data/test.csv:5:1", "content/data/test.csv:6:8",
        ])
        #expect(log.errors[2].message.contains("duplicate"))
        #expect(log.errors[3].message.contains("2 fields"))
    }

    @Test func headerAndMetadataMustAgree() {
        let (_, log) = read("country,tonnes,year\nChina,1,2024\n")
        #expect(log.errors.first?.message.contains("does not match") == true)
        let (_, metaLog) = read("country,year,tonnes\n", meta: meta.replacingOccurrences(of: "as_of: 2025-01-31\n", with: "as_of: 2025-02-30\nextra: 1\n"))
        #expect(metaLog.errors.map { $0.location!.line }.sorted() == [6, 7])
    }

    @Test func theCuratedDatasetsLoadWithTheirCitations() throws {
        var log = DiagnosticLog()
        let files = ContentLoader.load(root: TestPaths.repository, log: &log).datasets
        let datasets = files.compactMap { DatasetReader.read(csv: $0.csv, meta: $0.meta, log: &log) }
        #expect(log.items.isEmpty, "\(log.items)")
        #expect(Set(datasets.map(\.id)) == ["usgs-mine-production", "usgs-reserves", "iea-magnet-ree-shares", "china-export-controls"])
        for dataset in datasets {
            #expect(!dataset.citation.isEmpty && !dataset.edition.isEmpty && !dataset.unit.isEmpty && !dataset.asOf.isEmpty && !dataset.licence.isEmpty)
            #expect(!dataset.rows.isEmpty)
        }
        // The reference data gives 2023–2025 production, both reserve editions and IEA 2024/2030/2035.
        let production = try #require(datasets.first { $0.id == "usgs-mine-production" })
        #expect(Set(production.rows.compactMap { $0["year"] }) == ["2023", "2024", "2025"])
        let iea = try #require(datasets.first { $0.id == "iea-magnet-ree-shares" })
        #expect(Set(iea.rows.compactMap { $0["year"] }) == ["2024", "2030", "2035"])
    }
}
