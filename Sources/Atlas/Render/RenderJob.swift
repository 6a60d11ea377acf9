/// One output file, made on demand. The renderer first lists every file of the site (cheap:
/// the view models), then the files are rendered in parallel and written as they are made, so
/// the whole rendered site is never in memory at once.
public struct RenderJob: Sendable {
    public let path: String
    let make: @Sendable () -> OutputFile

    init(path: String, make: @escaping @Sendable () -> OutputFile) {
        self.path = path
        self.make = make
    }

    /// A file that already exists (an asset).
    public init(_ file: OutputFile) {
        path = file.path
        make = { file }
    }

    public func render() -> OutputFile { make() }
}
