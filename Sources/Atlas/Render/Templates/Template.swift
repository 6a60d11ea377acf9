/// A Mustache template read once into a tree of nodes, with no re-reading of tags; rendering reads
/// the library's flat copy of the trees (`TemplateProgram`) and looks keys up in `TemplateValue`s.
///
/// The dialect is the one the site's templates were written for with swift-mustache, and the
/// output is byte for byte what swift-mustache wrote (whitespace of standalone tags and partial
/// indentation included): variables, `{{{raw}}}`/`{{&raw}}`, sections, inverted sections,
/// comments, partials, parents (`{{<base}}`) and blocks (`{{$main}}`). Lambdas, transforms,
/// dynamic partials, pragmas and delimiter changes are refused when the template is read.
struct Template: Sendable {
    let nodes: [Node]

    indirect enum Node: Sendable {
        case text(String)
        case variable(Key, escaped: Bool)
        case section(Key, [Node], inverted: Bool)
        /// A partial, or a parent when `overrides` is set. `indentation` is set for a tag alone
        /// on its line: every line the partial writes is indented like the tag.
        case partial(String, indentation: String?, overrides: [String: [Node]]?)
        /// A block a child template may override, with its default content.
        case block(String, defaultNodes: [Node], indentation: String)
    }

    /// `name`, `a.b` or `.`: where a key is found. A plain key is looked for from the innermost
    /// section outwards; the rest of a dotted key is looked up in what the first part found.
    struct Key: Sendable, Hashable {
        /// Empty for `.`, the innermost value.
        let names: [String]
        /// `TemplateObject.Signature` of each name, made once with the template.
        let signatures: [TemplateObject.Signature]
        /// `.name`: only the innermost value is searched.
        let anchored: Bool

        init(_ text: String) {
            self.init(names: text == "." ? [] : text.split(separator: ".").map(String.init), anchored: text.first == "." && text != ".")
        }

        init(names: [String], anchored: Bool) {
            self.names = names
            self.signatures = names.map(TemplateObject.Signature.init)
            self.anchored = anchored
        }
    }

    init(parsing text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text)
        nodes = try parser.parseTemplate()
    }
}

/// Where and why a template could not be read.
struct TemplateSyntaxError: Error, Equatable {
    let message: String
    let line: Int
    let column: Int
}

extension Template {
    /// The same template in objects of its own: a tree no other thread reads (a thread's library
    /// asks it whether a partial's rendering depends on the page, `TemplateLibrary.prerendered`).
    /// Written out field by field: a field added to `Template`, `Node` or `Key` must be copied here too.
    var detached: Template { Template(nodes: nodes.map(\.detached)) }

    private init(nodes: [Node]) { self.nodes = nodes }
}

extension Template.Node {
    var detached: Template.Node {
        switch self {
        case .text(let text): .text(text.detached)
        case .variable(let key, let escaped): .variable(key.detached, escaped: escaped)
        case .section(let key, let inner, let inverted): .section(key.detached, inner.map(\.detached), inverted: inverted)
        case .partial(let name, let indentation, let overrides):
            .partial(name.detached, indentation: indentation?.detached,
                     overrides: overrides.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.detached, $0.value.map(\.detached)) }) })
        case .block(let name, let nodes, let indentation): .block(name.detached, defaultNodes: nodes.map(\.detached), indentation: indentation.detached)
        }
    }
}

extension Template.Key {
    var detached: Template.Key { Template.Key(names: names.map(\.detached), anchored: anchored) }
}

extension String {
    /// A copy in a buffer of its own (a short string is stored inline and shares nothing).
    var detached: String { String(decoding: Array(utf8), as: UTF8.self) }
}
