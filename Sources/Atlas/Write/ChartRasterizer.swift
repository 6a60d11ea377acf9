import Foundation

/// Turns a chart's standalone SVG into a PNG with librsvg's `rsvg-convert` (Debian
/// `librsvg2-bin`): the image a reader can paste anywhere, and the preview a link to the chart
/// shows (`og:image`). A real SVG renderer, not a screenshot, so the PNG is exactly the file the
/// reader can also download. Its output carries no time stamp (no `tIME` chunk): the same SVG
/// and fonts give the same bytes, which keeps builds byte-identical.
public struct ChartRasterizer: Sendable, Equatable {
    public let binary: URL
    /// Pixels per SVG unit: 640 units make a 1280 px image, sharp on high-density screens and
    /// wide enough for link previews.
    public static let zoom = 2

    public enum Failure: Error, CustomStringConvertible {
        case failed(String)
        public var description: String {
            switch self { case .failed(let output): return "rsvg-convert failed: \(output)" }
        }
    }

    public init(binary: URL) { self.binary = binary }

    /// `ATLAS_RSVG_CONVERT` if set (empty: none, for building without images), else
    /// `rsvg-convert` on PATH.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChartRasterizer? {
        var candidates: [String] = []
        if let explicit = environment["ATLAS_RSVG_CONVERT"] {
            candidates = [explicit]
        } else {
            for folder in (environment["PATH"] ?? "").split(separator: ":") { candidates.append("\(folder)/rsvg-convert") }
        }
        return candidates.first { !$0.isEmpty && FileManager.default.isExecutableFile(atPath: $0) }.map { ChartRasterizer(binary: URL(fileURLWithPath: $0)) }
    }

    /// The SVG goes through a temporary file: a pipe to a process that exits early (on a
    /// malformed file) would kill the build with SIGPIPE.
    public func png(_ svg: String) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-chart-\(UUID().uuidString).svg")
        try Data(svg.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--format", "png", "--zoom", String(Self.zoom), file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let png = output.fileHandleForReading.readDataToEndOfFile()
        let messages = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
            throw Failure.failed(String(decoding: messages, as: UTF8.self))
        }
        return png
    }
}
