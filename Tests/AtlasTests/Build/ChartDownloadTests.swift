import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Atlas

/// Each chart as files a reader can take away: a standalone SVG and a PNG drawn from it by
/// rsvg-convert, offered on the chart page and used as its link preview (`og:image`).
@Suite struct ChartDownloadTests {
    static let site = TemporaryFolder.builtSiteCopy()

    static let names = ["china-share-chain", "reserves", "mine-production", "refining", "us-import-sources"]

    /// Width and height from a PNG's IHDR chunk.
    static func size(_ png: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](png)
        guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    /// The chunk types of a PNG, in order.
    static func chunks(_ png: Data) -> [String] {
        let bytes = [UInt8](png)
        var types: [String] = []
        var at = 8
        while at + 8 <= bytes.count {
            let length = bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) }
            types.append(String(decoding: bytes[at + 4..<at + 8], as: UTF8.self))
            at += 12 + length
        }
        return types
    }

    @Test func everyChartPageOffersItsSVGAndPNGAndPreviewsWithThePNG() throws {
        try #require(ChartRasterizer.locate() != nil, "install librsvg2-bin (scripts/install-deps)")
        for name in Self.names {
            let page = try #require(Self.site.read("public/data/\(name)/index.html"))
            let svg = try #require(Self.site.read("public/data/\(name)/\(name).svg"))
            let png = try #require(FileManager.default.contents(atPath: Self.site.url.appendingPathComponent("public/data/\(name)/\(name).png").path))
            #expect(page.contains("href=\"/data/\(name)/\(name).svg\" download"))
            #expect(page.contains("href=\"/data/\(name)/\(name).png\" download"))
            // The standalone file: well-formed, its own styles and words, no links into the site.
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(name).svg is not well-formed")
            #expect(svg.contains("<style>") && svg.contains(".claim-dot{fill:#cc79a7") && !svg.contains("var(--"))
            #expect(svg.contains("class=\"export-title\"") && svg.contains("https://rare-earth-atlas.example.org/data/\(name)/"))
            #expect(!svg.contains("<a "))
            // The PNG: twice the SVG's size, no time stamp.
            let size = try #require(Self.size(png), "\(name).png is not a PNG")
            #expect(size.width == 1280)
            let height = try #require(svg.components(separatedBy: "height=\"").dropFirst().first.flatMap { Double($0.prefix { $0 != "\"" }) })
            #expect(size.height == Int(height) * 2)
            #expect(!Self.chunks(png).contains("tIME"))
            // The preview: absolute URL and the real size.
            #expect(page.contains("<meta property=\"og:image\" content=\"https://rare-earth-atlas.example.org/data/\(name)/\(name).png\">"))
            #expect(page.contains("<meta property=\"og:image:width\" content=\"\(size.width)\">"))
            #expect(page.contains("<meta property=\"og:image:height\" content=\"\(size.height)\">"))
            #expect(page.contains("<meta property=\"og:title\""))
            #expect(page.contains("<meta property=\"og:description\""))
        }
        // Only chart pages carry a chart image as their preview.
        #expect(Self.site.read("public/index.html")?.contains("og:image") == false)
    }

    /// The same SVG rasterizes to the same bytes, so two builds stay byte-identical.
    @Test func rasterizingIsDeterministic() throws {
        let rasterizer = try #require(ChartRasterizer.locate(), "install librsvg2-bin (scripts/install-deps)")
        let svg = try #require(Self.site.read("public/data/reserves/reserves.svg"))
        let first = try rasterizer.png(svg), second = try rasterizer.png(svg)
        #expect(first == second)
        #expect(FileManager.default.contents(atPath: Self.site.url.appendingPathComponent("public/data/reserves/reserves.png").path) == first)
        #expect(throws: ChartRasterizer.Failure.self) { try rasterizer.png("<svg") }
    }

    /// Without rsvg-convert the site still builds, with a warning, and offers no PNG it does not
    /// have.
    @Test func withoutRsvgConvertTheBuildWarnsAndLeavesOutThePNGs() throws {
        #expect(ChartRasterizer.locate(environment: ["ATLAS_RSVG_CONVERT": ""]) == nil)
        #expect(ChartRasterizer.locate(environment: ["PATH": "/nonexistent"]) == nil)
        let site = TemporaryFolder.siteCopy()
        var options = Builder.Options(root: site.url)
        options.rsvgConvert = ""
        let report = Builder(options: options).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.filter { $0.severity == .warning && $0.message.contains("rsvg-convert") }.count == 1)
        let page = try #require(site.read("public/data/reserves/index.html"))
        #expect(!page.contains(".png") && !page.contains("og:image"))
        #expect(page.contains("href=\"/data/reserves/reserves.svg\" download"))
        #expect(site.read("public/data/reserves/reserves.svg") != nil)
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("public/data/reserves/reserves.png").path))
    }
}
