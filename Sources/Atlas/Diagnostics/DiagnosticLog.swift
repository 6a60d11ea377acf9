/// Collects every problem of a build instead of stopping at the first one, so an editor fixes
/// them all in one round.
public struct DiagnosticLog: Sendable {
    public private(set) var items: [Diagnostic] = []
    /// Kept as a count so stages can ask "did this step add errors?" in constant time.
    public private(set) var errorCount = 0

    public init() {}

    public mutating func error(_ message: String, at location: SourceLocation?, hint: String) {
        items.append(Diagnostic(.error, at: location, message, hint: hint))
        errorCount += 1
    }

    public mutating func warning(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        items.append(Diagnostic(.warning, at: location, message, hint: hint))
    }


    /// Appends what another log collected (a file read on another core), in its order.
    public mutating func append(_ other: DiagnosticLog) {
        items += other.items
        errorCount += other.errorCount
    }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var hasErrors: Bool { errorCount > 0 }

    /// Sorted and without repeats, so two runs print the same report.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items.filter { seen.insert($0).inserted }.sorted()
    }
}
