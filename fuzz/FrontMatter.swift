// libFuzzer target: raw bytes as a curated Markdown file and as a YAML data file, through strict
// UTF-8 decoding, the front-matter split, Yams (with the alias refusal before it) and every
// reader built on YAMLFields. Built by scripts/fuzz against the whole Atlas library.
@testable import Atlas

let fuzzConfig = SiteConfig(title: "Fuzz")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let file) = TextFile.decode(bytes, path: "content/pages/fuzz.md") else { return 0 }
    var log = DiagnosticLog()
    _ = MarkdownReader.article(file, config: fuzzConfig, log: &log)
    _ = MarkdownReader.topic(file, log: &log)
    _ = MarkdownReader.page(file, log: &log)
    let entities = EntityRegistryReader.read(file, log: &log) ?? []
    _ = TimelineReader.read(file, entities: Set(entities.map(\.id)), log: &log)
    _ = ClaimEditsReader.read(file, log: &log)
    _ = SiteConfig.load(file, log: &log)
    // Every diagnostic must point into the file it names (libyaml may name the line after the
    // last one: the end of the input).
    let lines = file.lines.count
    for diagnostic in log.items {
        guard let location = diagnostic.location, location.line < 1 || location.line > lines + 1 else { continue }
        fatalError("diagnostic at line \(location.line) of a \(lines)-line file: \(diagnostic.message)")
    }
    return 0
}
