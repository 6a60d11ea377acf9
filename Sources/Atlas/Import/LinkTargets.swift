/// Where a line of an editor's Markdown links into the site: an identity link's `@/section/key`
/// after `(`, `(<` or `( `; a site path or an anchor only right after a link's `](`, so prose like
/// (1/2) is not a link; any of the three after a reference definition's `]:`. Code spans are blanked first, so
/// `[x](@/…)` shown as code is not a link. Columns count characters, as every diagnostic does.
enum LinkTargets {
    static func inLine(_ line: Substring) -> [(target: String, column: Int)] {
        inBytes(line) ?? inCharacters(line)
    }

    /// The same reading on bytes, for a line whose scalars are each a character
    /// (`LoneScalars`): every byte it tests is ASCII, and an ASCII byte is then a character of its
    /// own. Reading each line's characters into an array was a third of reading a Markdown article.
    static func inBytes(_ line: Substring) -> [(target: String, column: Int)]? {
        line.utf8.withContiguousStorageIfAvailable { bytes -> [(target: String, column: Int)]? in
            guard LoneScalars.only(bytes) else { return nil }
            var visible = Array(bytes)
            var inCode = false
            for index in visible.indices {
                if visible[index] == UInt8(ascii: "`") { inCode.toggle(); visible[index] = UInt8(ascii: " ") } else if inCode { visible[index] = UInt8(ascii: " ") }
            }
            let count = visible.count
            var found: [(target: String, column: Int)] = []
            // Characters before `i`: the bytes that start a scalar, counted up to `i` as it moves.
            var column = 0, counted = 0
            var i = 0
            while i < count {
                let c = visible[i]
                let identity = i + 1 < count && c == UInt8(ascii: "@") && visible[i + 1] == UInt8(ascii: "/")
                let path = c == UInt8(ascii: "/") && (i + 1 == count || visible[i + 1] != UInt8(ascii: "/"))
                guard identity || path || c == UInt8(ascii: "#") else { i += 1; continue }
                var k = i - 1
                while k >= 0, visible[k] == UInt8(ascii: " ") || visible[k] == UInt8(ascii: "\t") || visible[k] == UInt8(ascii: "<") { k -= 1 }
                let definition = k > 0 && visible[k] == UInt8(ascii: ":") && visible[k - 1] == UInt8(ascii: "]")
                let opensLink = k >= 0 && (definition || visible[k] == UInt8(ascii: "(") && (identity || k > 0 && visible[k - 1] == UInt8(ascii: "]")))
                var end = i
                while end < count, !isTargetEnd(visible[end]) { end += 1 }
                guard opensLink, c != UInt8(ascii: "#") || end > i + 1 else { i += 1; continue }
                while counted < i {
                    if bytes[counted] & 0xC0 != 0x80 { column += 1 }
                    counted += 1
                }
                found.append((String(decoding: visible[i..<end], as: UTF8.self), column + 1))
                i = end
            }
            return found
        } ?? nil
    }

    private static func isTargetEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ")"), UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\""): true
        default: false
        }
    }

    static func inCharacters(_ line: Substring) -> [(target: String, column: Int)] {
        var visible = ""
        var inCode = false
        for c in line {
            if c == "`" { inCode.toggle(); visible.append(" ") } else { visible.append(inCode ? " " : c) }
        }
        let chars = Array(visible)
        var found: [(target: String, column: Int)] = []
        var i = 0
        while i < chars.count {
            let identity = i + 1 < chars.count && chars[i] == "@" && chars[i + 1] == "/"
            let path = chars[i] == "/" && (i + 1 == chars.count || chars[i + 1] != "/")
            guard identity || path || chars[i] == "#" else { i += 1; continue }
            var k = i - 1
            while k >= 0, chars[k] == " " || chars[k] == "\t" || chars[k] == "<" { k -= 1 }
            let definition = k > 0 && chars[k] == ":" && chars[k - 1] == "]"
            let opensLink = k >= 0 && (definition || chars[k] == "(" && (identity || k > 0 && chars[k - 1] == "]"))
            var end = i
            while end < chars.count, !")> \t\"".contains(chars[end]) { end += 1 }
            // A bare `#` is no anchor; `/` alone is the home page.
            guard opensLink, chars[i] != "#" || end > i + 1 else { i += 1; continue }
            found.append((String(chars[i..<end]), i + 1))
            i = end
        }
        return found
    }
}
