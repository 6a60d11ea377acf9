// libFuzzer target: any text through the figure, date and clause scanners and the claim and
// event extractors, with a small registry in both languages.
let fuzzEntities = [
    ("china", "country", "China", "中国", ["Chinese", "PRC"]),
    ("japan", "country", "Japan", "日本", ["Japanese"]),
    ("united-states", "country", "United States", "美国", ["U.S.", "US", "American"]),
    ("lynas", "company", "Lynas", "莱纳斯", []),
    ("dysprosium", "element", "dysprosium", "镝", ["Dy"]),
].map { Entity(id: $0.0, type: $0.1, name: $0.2, nameZh: $0.3, aliases: $0.4, origin: SourceLocation(file: "fuzz", line: 1)) }
let fuzzClaims = ClaimExtractor(entities: fuzzEntities)
let fuzzEvents = EventExtractor(entities: fuzzEntities)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtractors(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let scan = ScanText(text)
    _ = FigureScanner.scan(scan)
    _ = DateRule.scan(scan, published: LocalDateTime(year: 2025, month: 10, day: 21, hour: 9, minute: 30))
    _ = ClauseSplitter.clauses(scan)
    _ = fuzzClaims.claims(articleID: "fuzz", body: text, published: LocalDateTime(year: 2025, month: 2, day: 28))
    _ = fuzzEvents.events(articleID: "fuzz", body: text, published: LocalDateTime(year: 2025, month: 2, day: 28))
    return 0
}
