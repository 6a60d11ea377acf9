extension UnsafeRawBufferPointer {
    /// The bytes as 64-bit words in memory order (the last one padded with zero bytes), for the
    /// hashes that read eight bytes at a time (`ByteKey`, `BuildCache.Digest`): a byte at a time,
    /// hashing was several instructions a byte.
    func forEachWord(_ body: (UInt64) -> Void) {
        var offset = 0
        while offset + 8 <= count {
            body(loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        guard offset < count else { return }
        var tail: UInt64 = 0
        for index in offset..<count { tail |= UInt64(self[index]) << UInt64(8 * (index - offset)) }
        body(tail)
    }
}
