/// Reads Mustache source into `Template.Node`s.
///
/// Whitespace follows swift-mustache's parser rule for rule (the site's templates were written
/// against it, and the pages must not change by a byte): a section, comment, partial, parent or
/// block tag alone on its line takes the line's indentation and newline with it; lines of a
/// block inside a parent lose the indentation of the block's first line.
struct TemplateParser {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    private struct State {
        var sectionName: String?
        /// Where the open section's tag starts, for "never closed".
        var sectionStart = 0
        var atLineStart = true
        /// Inside a parent (`{{<base}}…{{/base}}`): only blocks and text.
        var isInsideParent = false
        var isParentTopLevel = false
        var blockIndentation: String?

        func inSection(_ name: String, at start: Int, atLineStart: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.isParentTopLevel = false
            if !atLineStart { state.atLineStart = false }
            return state
        }

        func inParent(_ name: String, at start: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.atLineStart = true
            state.isInsideParent = true
            state.isParentTopLevel = true
            return state
        }
    }

    mutating func parseTemplate() throws(TemplateSyntaxError) -> [Template.Node] {
        try parse(State())
    }

    private var current: Character { position < characters.count ? characters[position] : "\0" }
    private var atEnd: Bool { position >= characters.count }

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> [Template.Node] {
        var nodes: [Template.Node] = []
        var state = initial
        var whitespaceBefore = ""
        while !atEnd {
            if state.atLineStart {
                let whitespace = read { $0 == " " || $0 == "\t" }
                if state.isInsideParent, !state.isParentTopLevel {
                    if let indentation = state.blockIndentation {
                        whitespaceBefore = String(whitespace.dropFirst(indentation.count))
                    } else {
                        state.blockIndentation = whitespace
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let text = try readTextUntilTagOrNewline()
            if current.isNewline {
                nodes.append(.text(whitespaceBefore + text + String(current)))
                state.atLineStart = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = ""
                state.atLineStart = false
            }
            if atEnd { break }
            let tagStart = position - 2
            var standalone = false
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(whitespaceBefore))
                    whitespaceBefore = ""
                }
            }
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName()
                if isStandalone(state) { standalone = true } else { flushWhitespace() }
                let inner = try parse(state.inSection(name, at: tagStart, atLineStart: standalone))
                nodes.append(.section(Template.Key(name), inner, inverted: inverted))
            case "/":
                position += 1
                let nameStart = position
                let name = try readName()
                guard name == state.sectionName else {
                    position = nameStart
                    throw error(state.sectionName.map { "`{{/\(name)}}` closes `\($0)`, which is not the open section" }
                        ?? "`{{/\(name)}}` closes a section that was never opened")
                }
                if !isStandalone(state) { flushWhitespace() }
                return nodes
            case "!":
                position += 1
                try skipComment()
                standalone = isStandalone(state)
            case "{", "&":
                flushWhitespace()
                let triple = current == "{"
                position += 1
                let name = try readName()
                if triple {
                    guard current == "}" else { throw error("`{{{\(name)}}` needs a third `}`") }
                    position += 1
                }
                nodes.append(.variable(Template.Key(name), escaped: false))
            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                if current == "*" { throw error("dynamic partials (`{{>*name}}`) are not supported") }
                let name = try readPartialName()
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                standalone = isStandalone(state)
                nodes.append(.partial(name, indentation: standalone ? whitespaceBefore : nil, overrides: nil))
                whitespaceBefore = ""
            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                let name = try readPartialName()
                if name.hasPrefix("*") { throw error("dynamic parents (`{{<*name}}`) are not supported") }
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                standalone = isStandalone(state)
                var overrides: [String: [Template.Node]] = [:]
                for node in try parse(state.inParent(name, at: tagStart)) {
                    switch node {
                    case .block(let block, let content, _): overrides[block] = content
                    case .text: break
                    default: throw error("only `{{$block}}` sections and text may stand inside `{{<\(name)}}`")
                    }
                }
                nodes.append(.partial(name, indentation: whitespaceBefore, overrides: overrides))
                whitespaceBefore = ""
            case "$":
                position += 1
                let name = try readName()
                if state.isParentTopLevel {
                    // A block's new content, given to the parent.
                    standalone = isStandalone(state)
                    let inner = try parse(state.inSection(name, at: tagStart, atLineStart: standalone))
                    nodes.append(.block(name, defaultNodes: inner, indentation: ""))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                    standalone = isStandalone(state)
                    let inner = try parse(state.inSection(name, at: tagStart, atLineStart: standalone))
                    nodes.append(.block(name, defaultNodes: inner, indentation: whitespaceBefore))
                    whitespaceBefore = ""
                }
            case "=", "%":
                // Both would defeat `TemplateSet`'s checks: a content-type pragma can turn escaping
                // off, and new delimiters hide tags from its scan.
                position = tagStart
                throw error("`{{\(current == "=" ? "=" : "%")` tags are not allowed in site templates; values are always HTML-escaped and the delimiters are `{{ }}`")
            default:
                flushWhitespace()
                let name = try readName()
                nodes.append(.variable(Template.Key(name), escaped: true))
            }
            state.atLineStart = standalone
        }
        if let open = state.sectionName {
            position = state.sectionStart
            throw error("`\(open)` is opened here and never closed; add `{{/\(open)}}`")
        }
        return nodes
    }

    /// Text up to the next `{{` (consumed) or newline (not consumed).
    private mutating func readTextUntilTagOrNewline() throws(TemplateSyntaxError) -> String {
        var text = ""
        while !atEnd {
            let start = position
            while !atEnd, current != "\n", current != "\r\n", current != "{" { position += 1 }
            text += String(characters[start..<position])
            if current == "\n" || current == "\r\n" { break }
            if current == "{" {
                guard position + 1 < characters.count else { throw error("the template ends inside `{`") }
                if characters[position + 1] == "{" {
                    position += 2
                    break
                }
                text += "{"
                position += 1
            }
        }
        return text
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")

    private mutating func readName() throws(TemplateSyntaxError) -> String {
        _ = read(while: \.isWhitespace)
        let name = read { Self.nameCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        guard readClosingBraces() else { throw error("a tag is not closed with `}}`, or its name has characters a key cannot have") }
        if name.contains("(") || name.contains(")") { throw error("`\(name)`: transforms are not supported") }
        return name
    }

    private mutating func readPartialName() throws(TemplateSyntaxError) -> String {
        _ = read(while: \.isWhitespace)
        let name = read { Self.nameCharacters.contains($0) || $0 == "/" }
        _ = read(while: \.isWhitespace)
        guard readClosingBraces() else { throw error("a partial's tag is not closed with `}}`") }
        return name
    }

    private mutating func readClosingBraces() -> Bool {
        guard position + 1 < characters.count, characters[position] == "}", characters[position + 1] == "}" else { return false }
        position += 2
        return true
    }

    private mutating func skipComment() throws(TemplateSyntaxError) {
        while position + 1 < characters.count {
            if characters[position] == "}", characters[position + 1] == "}" {
                position += 2
                return
            }
            position += 1
        }
        throw error("a comment is not closed with `}}`")
    }

    /// A tag alone on its line: consumes the rest of the line (spaces and the newline).
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.atLineStart else { return false }
        if atEnd { return true }
        var end = position
        while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
        guard end < characters.count, characters[end].isNewline else { return false }
        position = end + 1
        return true
    }

    private mutating func read(while accept: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, accept(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    /// The error at the current position, with its 1-based line and column.
    private func error(_ message: String) -> TemplateSyntaxError {
        let before = characters[..<min(position, characters.count)]
        let line = before.filter(\.isNewline).count + 1
        let lineStart = before.lastIndex(where: \.isNewline).map { $0 + 1 } ?? 0
        return TemplateSyntaxError(message: message, line: line, column: min(position, characters.count) - lineStart + 1)
    }
}
