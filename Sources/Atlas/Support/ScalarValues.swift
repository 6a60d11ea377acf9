extension String {
    /// Calls `body` with each of the first `limit` scalars, decoded straight from the UTF-8:
    /// language and script detection read every block, title and row label a build shows, and
    /// walking `unicodeScalars` was most of their time.
    func forEachScalar(limit: Int, _ body: (Unicode.Scalar) -> Void) {
        var text = self
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0, scalars = 0
            while i < bytes.count, scalars < limit {
                let lead = bytes[i]
                scalars += 1
                if lead < 0x80 {
                    body(Unicode.Scalar(lead))
                    i += 1
                    continue
                }
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length where i + k < bytes.count { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                // Valid UTF-8 (a `String`) decodes to a scalar.
                if let scalar = Unicode.Scalar(value) { body(scalar) }
                i += length
            }
        }
    }
}
