/// Scalars read straight from a string's UTF-8, for the scans that run over every text a build
/// shows (language and script detection, the lone-scalar test): walking `unicodeScalars` was
/// most of their time.
enum UTF8Scalars {
    /// The value of the scalar whose UTF-8 starts at `i`, and its length in bytes. The bytes are
    /// a `String`'s, so valid; a scalar cut off by the end of the buffer reads as far as it goes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[i]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length where i + k < bytes.count { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (value, length)
    }

    /// Whether the scalar whose UTF-8 starts at `i` is Han.
    static func isHan(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        Unicode.Scalar(decode(bytes, at: i).value)?.isHan ?? false
    }
}

extension String {
    /// Calls `body` with each of the first `limit` scalars.
    func forEachScalar(limit: Int, _ body: (Unicode.Scalar) -> Void) {
        var text = self
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0, scalars = 0
            while i < bytes.count, scalars < limit {
                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                // Valid UTF-8 decodes to a scalar.
                if let scalar = Unicode.Scalar(value) { body(scalar) }
                scalars += 1
                i += length
            }
        }
    }
}
