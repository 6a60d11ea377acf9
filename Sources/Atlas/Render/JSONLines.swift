/// A list of flat records as pretty-printed JSON with sorted keys, written directly into text
/// pieces (`ChunkedText`). The claim and event exports hold every figure and event of the corpus
/// (hundreds of megabytes at ten thousand synthetic articles), where `JSONEncoder` was several
/// times slower and held intermediate copies.
struct JSONRecords {
    enum Value {
        case string(String)
        case number(Double)
        case integer(Int)
        case strings([String])
    }

    private var output: ChunkedText
    private var count = 0

    init(into output: ChunkedText = ChunkedText()) {
        self.output = output
        self.output.current += "[\n"
    }

    /// One record; `nil` values are left out, as `JSONEncoder` leaves out nil optionals.
    mutating func append(_ fields: [(key: String, value: Value?)]) {
        output.wrap()
        Self.append(fields, first: count == 0, to: &output.current)
        count += 1
    }

    private static func append(_ fields: [(key: String, value: Value?)], first: Bool, to text: inout String) {
        text += first ? "  {\n" : ",\n  {\n"
        var present = fields.compactMap { field in field.value.map { (field.key, $0) } }
        // The claim export gives its columns in key order already: sorted only when not.
        if !present.indices.dropFirst().allSatisfy({ present[$0 - 1].0 < present[$0].0 }) { present.sort { $0.0 < $1.0 } }
        for (index, (key, value)) in present.enumerated() {
            text += "    "
            quote(key, into: &text)
            text += " : "
            switch value {
            case .string(let string): quote(string, into: &text)
            case .integer(let integer): text += String(integer)
            case .number(let number): text += Self.number(number)
            case .strings(let strings):
                if strings.isEmpty {
                    text += "[\n\n    ]"
                } else {
                    text += "[\n"
                    for (position, string) in strings.enumerated() {
                        text += "      "
                        quote(string, into: &text)
                        text += position + 1 < strings.count ? ",\n" : "\n"
                    }
                    text += "    ]"
                }
            }
            text += index + 1 < present.count ? ",\n" : "\n"
        }
        text += "  }"
    }

    /// The whole list, closed: what is left of it to write.
    consuming func closed() -> ChunkedText {
        output.current += "\n]\n"
        return output
    }

    /// Finite numbers only (checked on input): whole numbers without a fraction, others in
    /// Swift's shortest round-trip form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    static func quote(_ string: String, into text: inout String) {
        text += "\""
        // Looked for in the bytes: the three are ASCII, and no byte of a longer scalar is ASCII.
        if !string.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
            text += string
        } else {
            var escaped = String.UnicodeScalarView()
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": escaped.append(contentsOf: "\\\"".unicodeScalars)
                case "\\": escaped.append(contentsOf: "\\\\".unicodeScalars)
                case "\n": escaped.append(contentsOf: "\\n".unicodeScalars)
                case "\r": escaped.append(contentsOf: "\\r".unicodeScalars)
                case "\t": escaped.append(contentsOf: "\\t".unicodeScalars)
                default:
                    if scalar.value < 0x20 {
                        escaped.append(contentsOf: ("\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)).unicodeScalars)
                    } else {
                        escaped.append(scalar)
                    }
                }
            }
            text += String(escaped)
        }
        text += "\""
    }
}
