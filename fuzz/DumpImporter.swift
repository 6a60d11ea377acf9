// libFuzzer target: raw bytes as a "search documents" dump, through strict UTF-8 decoding and
// the dump parser. Built by scripts/fuzz with the Atlas sources it needs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDumpImporter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var log = DiagnosticLog()
    guard case .success(let file) = TextFile.decode(Array(UnsafeBufferPointer(start: data, count: size)), path: "fuzz.txt") else { return 0 }
    _ = DumpParser.parse(file, log: &log)
    return 0
}
