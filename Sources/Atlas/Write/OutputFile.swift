import Foundation

/// One file of the built site: where it goes under `public/` and its bytes.
public struct OutputFile: Hashable, Sendable {
    /// Relative to the output root, `/`-separated, never absolute and never climbing out.
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
