/// Collects every problem of a build instead of stopping at the first one, so an editor fixes
/// them all in one round.
public struct DiagnosticLog: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func error(_ message: String, at location: SourceLocation?, hint: String) {
        items.append(Diagnostic(.error, at: location, message, hint: hint))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        items.append(Diagnostic(.warning, at: location, message, hint: hint))
    }

    public mutating func append(contentsOf other: DiagnosticLog) {
        items.append(contentsOf: other.items)
    }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted and without repeats, so two runs print the same report.
    public var sorted: [Diagnostic] { Array(Set(items)).sorted() }
}
