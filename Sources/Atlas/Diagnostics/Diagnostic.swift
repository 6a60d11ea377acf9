/// One problem found in the input, reported in the `file:line:column: severity: message` form
/// that editors and CI logs already know how to jump to.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// Nil only for problems that belong to no file (for example a missing folder).
    public var location: SourceLocation?
    public var message: String
    /// What the editor should do about it; every error carries one.
    public var hint: String?

    public init(_ severity: Severity, at location: SourceLocation?, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics print sorted by place so that a build's report reads top to bottom per file;
    /// the order is total, so equal places never print in a run-dependent order.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return true
        case (_?, nil): return false
        default: return (a.severity.rawValue, a.message, a.hint ?? "") < (b.severity.rawValue, b.message, b.hint ?? "")
        }
    }
}
