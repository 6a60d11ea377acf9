/// The site's compiled templates by name, and the one place that renders them.
///
/// Rendering appends to one buffer of bytes (`UTF8Buffer`: a `String` append cost more than the
/// rest of rendering), which a page's file takes as it is; sections push their value on a stack
/// and pop it, so a page allocates its output and little else.
struct TemplateLibrary: Sendable {
    private(set) var templates: [String: Template] = [:]
    /// What rendering reads; `templates` stays for the questions asked of a template's tree.
    private var program = TemplateProgram()

    mutating func register(_ template: Template, named name: String) {
        templates[name] = template
        program.add(template, named: name)
    }

    /// The same templates in objects of their own, for one thread to render with.
    var detached: TemplateLibrary {
        var copy = TemplateLibrary()
        for (name, template) in templates { copy.templates[name.detached] = template.detached }
        copy.program = program.detached
        return copy
    }

    func render(_ context: TemplateValue, template name: String) -> String? {
        rendering(context, template: name, capacity: 1_024) { $0.string }
    }

    /// A page's bytes, for its file (`OutputFile(path:utf8:)`): never made a `String`.
    func renderUTF8(_ context: TemplateValue, template name: String) -> [UInt8]? {
        rendering(context, template: name, capacity: 16_384) { $0.bytes }
    }

    private func rendering<Result>(_ context: TemplateValue, template name: String, capacity: Int,
                                   _ finish: (UTF8Buffer) -> Result) -> Result? {
        guard let entry = program.entry(name) else { return nil }
        var output = UTF8Buffer(capacity: capacity)
        var stack = [context]
        render(entry, stack: &stack, indentation: nil, overrides: nil, into: &output)
        return finish(output)
    }

    private func render(_ range: Range<Int>, stack: inout [TemplateValue], indentation: String?,
                        overrides: TemplateProgram.Overrides?, into output: inout UTF8Buffer) {
        var index = range.lowerBound
        guard let indentation, !indentation.isEmpty else {
            while index < range.upperBound { index = render(at: index, stack: &stack, indentation: indentation, overrides: overrides, into: &output) }
            return
        }
        // An indented partial: what an operation writes after a newline this render wrote is indented.
        let start = output.count
        while index < range.upperBound {
            let before = output.count
            let atLineStart = before > start && output.last == UInt8(ascii: "\n")
            index = render(at: index, stack: &stack, indentation: indentation, overrides: overrides, into: &output)
            if atLineStart, output.count > before {
                output.insert(indentation, at: before)
            }
        }
    }

    /// Renders the operation at `index`, with the content that follows it, and returns the index
    /// of the next operation.
    private func render(at index: Int, stack: inout [TemplateValue], indentation: String?,
                        overrides: TemplateProgram.Overrides?, into output: inout UTF8Buffer) -> Int {
        let operation = program.operations[index]
        let (a, b) = (Int(operation.a), Int(operation.b))
        switch operation.kind {
        case .text:
            program.text.withUnsafeBufferPointer { output.append(UnsafeBufferPointer(rebasing: $0[a..<b])) }
            return index + 1
        case .escaped, .raw:
            guard let value = Self.lookup(program.keys[a], in: stack) else { return index + 1 }
            if operation.kind == .escaped { HTMLEscape.append(value.rendered, to: &output) } else { output.append(value.rendered) }
            return index + 1
        case .section:
            let inner = index + 1..<b
            switch Self.lookup(program.keys[a], in: stack) {
            case .list(let items):
                for item in items {
                    stack.append(item)
                    render(inner, stack: &stack, indentation: indentation, overrides: overrides, into: &output)
                    stack.removeLast()
                }
            case .flag(let flag):
                if flag { render(inner, stack: &stack, indentation: indentation, overrides: overrides, into: &output) }
            case let value?:
                stack.append(value)
                render(inner, stack: &stack, indentation: indentation, overrides: overrides, into: &output)
                stack.removeLast()
            case nil:
                break
            }
            return b
        case .inverted:
            let inner = index + 1..<b
            switch Self.lookup(program.keys[a], in: stack) {
            case .list(let items) where items.isEmpty:
                stack.append(.list([]))
                render(inner, stack: &stack, indentation: indentation, overrides: overrides, into: &output)
                stack.removeLast()
            case .flag(false), nil:
                render(inner, stack: &stack, indentation: indentation, overrides: overrides, into: &output)
            default:
                break
            }
            return b
        case .partial:
            let (indented, given) = (b < 0 ? nil : program.strings[b], operation.c < 0 ? nil : program.overrides[Int(operation.c)])
            // Read in place (the stack is never empty), after the tests that need no copy.
            if given == nil, (indented ?? "").isEmpty, (indentation ?? "").isEmpty,
               let html = stack[stack.count - 1].prerenderedHTML(partial: program.names[a]) {
                output.append(html)
                return index + 1
            }
            guard let entry = program.entry(id: a) else { return index + 1 }
            // A block given by an outer template wins over one given further in.
            let merged = given.map { given in overrides?.merging(given) { outer, _ in outer } ?? given } ?? overrides
            render(entry, stack: &stack, indentation: indented.map { (indentation ?? "") + $0 } ?? indentation,
                   overrides: merged, into: &output)
            return index + 1
        case .block:
            render(overrides?[a] ?? index + 1..<b, stack: &stack, indentation: (indentation ?? "") + program.strings[Int(operation.c)],
                   overrides: overrides, into: &output)
            return b
        }
    }

    /// The value a key names: the first part is looked for from the innermost value outwards,
    /// the rest inside what it found.
    static func lookup(_ key: Template.Key, in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = key.names.first else { return stack.last }
        let signature = key.signatures[0]
        var found: TemplateValue?
        if key.anchored {
            found = stack.last.flatMap { child(first, signature: signature, of: $0) }
        } else {
            // By index from the top: no reversed view, and no copy of a value that lacks the key.
            var level = stack.count - 1
            while level >= 0, found == nil {
                found = child(first, signature: signature, of: stack[level])
                level -= 1
            }
        }
        for part in key.names.indices.dropFirst() {
            guard let parent = found else { return nil }
            found = child(key.names[part], signature: key.signatures[part], of: parent)
        }
        return found
    }

    private static func child(_ name: String, signature: TemplateObject.Signature, of value: TemplateValue) -> TemplateValue? {
        switch value {
        case .object(let object): object[name, signature: signature]
        case .prerendered(let value): value.object[name, signature: signature]
        default: nil
        }
    }

    /// `value` with its rendering by `partial` when that rendering is the same wherever the
    /// partial is used without indentation: every key the partial reads (outside anchored
    /// `.key`s) starts with a key of the value, so no lookup reaches past it to the page's
    /// context, and no block can be overridden. Otherwise `value` as it is.
    func prerendered(_ value: TemplateValue, partial name: String) -> TemplateValue {
        guard case .object(let object) = value, let template = templates[name],
              isSelfContained(template.nodes, keys: object, partials: [name]),
              let html = render(value, template: name) else { return value }
        return .prerendered(TemplateValue.Prerendered(object: object, partial: name, html: html))
    }

    private func isSelfContained(_ nodes: [Template.Node], keys: TemplateObject, partials: Set<String>) -> Bool {
        func found(_ key: Template.Key) -> Bool { key.anchored || key.names.first.map { keys[$0] != nil } ?? true }
        return nodes.allSatisfy { node in
            switch node {
            case .text: true
            case .variable(let key, _): found(key)
            case .section(let key, let inner, _): found(key) && isSelfContained(inner, keys: keys, partials: partials)
            case .partial(let name, _, let given):
                given == nil && !partials.contains(name)
                    && templates[name].map { isSelfContained($0.nodes, keys: keys, partials: partials.union([name])) } ?? false
            case .block: false
            }
        }
    }
}
