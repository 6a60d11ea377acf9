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
        output.wrap()
        Self.append(values, keys: keys, first: count == 0, to: &output.current)
        count += 1
    }

    private static func append(_ values: [Value?], keys: Keys, first: Bool, to text: inout String) {
        text += first ? "  {\n" : ",\n  {\n"
        var separator = ""
        for (index, prefix) in keys.written {
            guard let value = values[index] else { continue }
            text += separator
            separator = ",\n"
            text += prefix
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
        }
        if !separator.isEmpty { text += "\n" }
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

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func quote(_ string: String, into text: inout String) {
        text += "\""
        // Read on the bytes: the escaped characters are ASCII, and no byte of a longer scalar is.
        var string = string
        let escaped: [UInt8]? = string.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                case ..<0x20:
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
                default: out.append(byte)
                }
            }
            return out
        }
        if let escaped { text += String(decoding: escaped, as: UTF8.self) } else { text += string }
        text += "\""
    }
}
