/// Writes SVG markup with every attribute value and text node escaped for XML, and numbers
/// formatted the same way on every machine, so charts are safe and byte-identical.
struct SVG {
    private(set) var markup = ""

    static func escape(_ text: String) -> String { HTMLEscape.text(text) }

    /// Fixed-point with at most two decimals, no locale, no `-0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let rounded = (value * 100).rounded() / 100
        if rounded == 0 { return "0" }
        if abs(value) < 1e13 {
            // Whole hundredths as an integer: the same digits `%.2f` prints, without NSString.
            let cents = Int((value * 100).rounded())
            let whole = String(cents.magnitude / 100), fraction = Int(cents.magnitude % 100)
            var text = (cents < 0 ? "-" : "") + whole
            if fraction != 0 { text += "." + (fraction % 10 == 0 ? String(fraction / 10) : fraction.zeroPadded(2)) }
            return text
        }
        if rounded == rounded.rounded() { return String(format: "%.0f", rounded) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    mutating func raw(_ text: String) { markup += text }

    mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil, title: String? = nil) {
        markup += "<\(name)"
        for (key, value) in attributes { markup += " \(key)=\"\(Self.escape(value))\"" }
        if text == nil && title == nil {
            markup += "/>"
            return
        }
        markup += ">"
        if let title { markup += "<title>\(Self.escape(title))</title>" }
        if let text { markup += Self.escape(text) }
        markup += "</\(name)>"
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        markup += "<\(name)"
        for (key, value) in attributes { markup += " \(key)=\"\(Self.escape(value))\"" }
        markup += ">"
    }

    mutating func close(_ name: String) { markup += "</\(name)>" }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, className: String, title: String? = nil) {
        element("rect", [("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(width, 0))), ("height", Self.number(height)), ("class", className)], title: title)
    }

    mutating func text(_ value: String, x: Double, y: Double, className: String, anchor: String = "start") {
        element("text", [("x", Self.number(x)), ("y", Self.number(y)), ("class", className), ("text-anchor", anchor)], text: value)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) {
        element("line", [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)), ("class", className)])
    }
}
