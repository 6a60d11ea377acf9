/// The text styles charts draw with, and how wide a piece of text is in one of them.
///
/// Labels are placed before any browser sees them, so the builder has to know how much room a
/// label takes. It cannot measure the reader's font, so it over-estimates: the widths below are
/// the widest glyphs of DejaVu Sans Bold (the widest common fallback for `system-ui`, measured in
/// Chromium), one em for everything outside ASCII (Han characters are square). A label that fits
/// by this estimate fits in every font the site's stack names. The sizes must match the chart
/// rules of `templates/assets/site.css`, which a test checks.
enum ChartText: String, CaseIterable {
    case axis = "axis-label"
    case legend = "legend-label"
    case value = "value-label"
    case panelTitle = "panel-title"
    case rowLabel = "row-label"
    case rowSublabel = "row-sublabel"
    case reference = "reference-label"
    /// The title, subtitle and source drawn into a downloaded chart (not on the page, where
    /// HTML around the drawing says them).
    case exportTitle = "export-title"
    case exportNote = "export-note"

    var fontSize: Double {
        switch self {
        case .axis, .legend, .value, .reference: return 10
        case .panelTitle: return 12
        case .rowLabel: return 11
        case .rowSublabel: return 9.5
        case .exportTitle: return 16
        case .exportNote: return 10.5
        }
    }

    var fontWeight: Int {
        switch self {
        case .panelTitle, .exportTitle: return 700
        case .reference: return 600
        default: return 400
        }
    }

    /// The estimated advance of `text` in this style, in px: never less than a browser draws.
    func width(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + Self.em($1) } * fontSize
    }

    /// Height above the baseline (CJK glyphs reach about 0.88 em) and below it.
    var ascent: Double { fontSize * 0.92 }
    var descent: Double { fontSize * 0.25 }

    /// The box a `<text>` at (x, y) with this anchor covers.
    func box(_ text: String, x: Double, y: Double, anchor: String = "start") -> LabelPlacer.Box {
        let width = self.width(text)
        let left = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
        return LabelPlacer.Box(minX: left, minY: y - ascent, maxX: left + width, maxY: y + descent)
    }

    /// Conservative advance widths in em, by glyph class.
    static func em(_ scalar: Unicode.Scalar) -> Double {
        scalar.isASCII ? asciiEms[Int(scalar.value)] : 1.0
    }

    /// `asciiEm` of every ASCII scalar, made once: looking a character up in the class strings
    /// for every scalar of every label was a twentieth of the real site's build.
    private static let asciiEms: [Double] = (0..<128).map { asciiEm(Unicode.Scalar(UInt8($0))) }

    private static func asciiEm(_ scalar: Unicode.Scalar) -> Double {
        let c = Character(scalar)
        if "MWmw%@".contains(c) { return 1.1 }
        if c == " " { return 0.35 }
        if "iljIJ'.,:;!|/\\-()[]ftr".contains(c) { return 0.5 }
        if c.isUppercase || "&#+<=>^~".contains(c) { return 0.88 }
        return 0.72
    }

    /// `text` broken at spaces (and after " · ") into lines no wider than `width`. A single word
    /// wider than the line stays whole on its own line; Chinese runs without spaces break
    /// between characters.
    func wrap(_ text: String, width: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in Self.words(text) {
            let candidate = line.isEmpty ? word.trimmingLeadingSpace : line + word
            if !line.isEmpty && self.width(candidate) > width {
                lines.append(line)
                line = word.trimmingLeadingSpace
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Words with their leading space, Han characters one by one (a line may break between any
    /// two of them).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for c in text {
            let isWide = c.unicodeScalars.contains { !$0.isASCII && $0.properties.isIdeographic }
            if c == " " || isWide {
                if !current.isEmpty { words.append(current) }
                current = String(c)
                if isWide { words.append(current); current = "" }
            } else if current.isEmpty, !c.isASCII, !words.isEmpty {
                // Full-width punctuation stays with the character before it: a line never
                // starts with "，" or "）".
                words[words.count - 1].append(c)
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

private extension String {
    var trimmingLeadingSpace: String { hasPrefix(" ") ? String(dropFirst()) : self }
}
