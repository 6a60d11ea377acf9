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
        self.output.current.append("[\n" as StaticString)
    }

    /// The keys of one kind of record, in the order its values are given, each quoted once and
    /// written in key order (as `JSONEncoder`'s `.sortedKeys`): quoting and sorting the same keys
    /// again for every record was half of writing the claim export.
    struct Keys: Sendable {
        /// Each key's value index and its written prefix (`    "key" : `), in key order.
        fileprivate let written: [(index: Int, prefix: String)]

        init(_ names: [String]) {
            written = names.indices.sorted { (names[$0], $0) < (names[$1], $1) }.map { index in
                var prefix = "    "
                JSONRecords.quote(names[index], into: &prefix)
                return (index, prefix + " : ")
            }
        }
    }

    /// One record of `keys`' kind, its values in the keys' order; `nil` values are left out, as
    /// `JSONEncoder` leaves out nil optionals.
    mutating func append(_ values: [Value?], keys: Keys) {
        append(keys: keys) { values[$0] }
    }

    /// One record of `keys`' kind whose value at each index is asked for as it is written: the
    /// claim export made an array of 25 values for every claim.
    mutating func append(keys: Keys, value: (Int) -> Value?) {
        output.wrap()
        Self.append(value, keys: keys, first: count == 0, to: &output.current)
        count += 1
    }

    private static func append(_ values: (Int) -> Value?, keys: Keys, first: Bool, to text: inout UTF8Buffer) {
        text.append(first ? "  {\n" : ",\n  {\n" as StaticString)
        var separated = false
        for (index, prefix) in keys.written {
            guard let value = values(index) else { continue }
            if separated { text.append(",\n" as StaticString) }
            separated = true
            text.append(prefix)
            switch value {
            case .string(let string): quote(string, into: &text)
            case .integer(let integer): text.append(String(integer))
            case .number(let number): text.append(Self.number(number))
            case .strings(let strings):
                if strings.isEmpty {
                    text.append("[\n\n    ]" as StaticString)
                } else {
                    text.append("[\n" as StaticString)
                    for (position, string) in strings.enumerated() {
                        text.append("      " as StaticString)
                        quote(string, into: &text)
                        text.append(position + 1 < strings.count ? ",\n" : "\n" as StaticString)
                    }
                    text.append("    ]" as StaticString)
                }
            }
        }
        if separated { text.append("\n" as StaticString) }
        text.append("  }" as StaticString)
    }

    /// The whole list, closed: what is left of it to write.
    consuming func closed() -> ChunkedText {
        output.current.append("\n]\n" as StaticString)
        return output
    }

    /// Finite numbers only (checked on input): whole numbers without a fraction, others in
    /// Swift's shortest round-trip form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func quote(_ string: String, into text: inout String) {
        var quoted = UTF8Buffer(capacity: string.utf8.count + 2)
        quote(string, into: &quoted)
        text += quoted.string
    }

    /// Read on the bytes: the escaped characters are ASCII, and no byte of a longer scalar is, so
    /// the runs between them are copied whole.
    static func quote(_ string: String, into text: inout UTF8Buffer) {
        text.append("\"" as StaticString)
        var string = string
        string.withUTF8 { bytes in
            var run = 0
            for (offset, byte) in bytes.enumerated() where byte == 0x22 || byte == 0x5C || byte < 0x20 {
                text.append(UnsafeBufferPointer(rebasing: bytes[run..<offset]))
                run = offset + 1
                switch byte {
                case 0x22: text.append("\\\"" as StaticString)
                case 0x5C: text.append("\\\\" as StaticString)
                case 0x0A: text.append("\\n" as StaticString)
                case 0x0D: text.append("\\r" as StaticString)
                case 0x09: text.append("\\t" as StaticString)
                case 0x08: text.append("\\b" as StaticString)
                case 0x0C: text.append("\\f" as StaticString)
                default:
                    text.append("\\u00" as StaticString)
                    [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]].withUnsafeBufferPointer { text.append($0) }
                }
            }
            text.append(UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        text.append("\"" as StaticString)
    }
}
