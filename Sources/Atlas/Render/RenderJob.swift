/// One output file, made on demand. The renderer first lists every file of the site (cheap:
/// the view models), then the files are rendered in parallel and written as they are made, so
/// the whole rendered site is never in memory at once.
public struct RenderJob: Sendable {
    public let path: String
    let make: @Sendable () -> OutputFile
    /// What the file is made from, when the renderer can say. With the same templates, equal
    /// inputs make the same bytes, which is what lets `atlas serve` skip rendering a page whose
    /// inputs did not change. Everything a page shows is in its view model, so the view is its
    /// input: nothing outside it can change the page.
    let inputs: (@Sendable () -> RenderInputs)?
    /// A file that takes far longer than a page (the exports of every claim and event): the
    /// writer starts these first, so the build does not end waiting on one of them.
    let isLarge: Bool

    init(path: String, inputs: (@Sendable () -> RenderInputs)? = nil, isLarge: Bool = false, make: @escaping @Sendable () -> OutputFile) {
        self.path = path
        self.inputs = inputs
        self.isLarge = isLarge
        self.make = make
    }

    /// A file that already exists (an asset): its bytes are its input.
    public init(_ file: OutputFile) {
        path = file.path
        make = { file }
        inputs = { RenderInputs(file.data) }
        isLarge = false
    }

    public func render() -> OutputFile { make() }
}

/// A type-erased, comparable view model (or any value a file is made from).
public struct RenderInputs: Sendable, Equatable {
    let value: any Equatable & Sendable

    init(_ value: some Equatable & Sendable) { self.value = value }

    public static func == (lhs: RenderInputs, rhs: RenderInputs) -> Bool {
        func same<T: Equatable>(_ left: T) -> Bool { (rhs.value as? T) == left }
        return same(lhs.value)
    }
}
