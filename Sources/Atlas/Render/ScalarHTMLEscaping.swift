import Mustache

/// The escaping every `{{value}}` in the templates gets.
///
/// swift-mustache's own HTML escaping looks characters up per grapheme, so a `"` or `<` followed
/// by a combining mark (one grapheme, e.g. `"\u{301}`) is written raw and can break out of an
/// attribute. This escapes per Unicode scalar, like `HTMLEscape`. `TemplateSet` selects it at the
/// top of every template, so no template can forget it.
struct ScalarHTMLEscaping: MustacheContentType {
    static let name = "ATLAS_HTML"
    /// Prepended to every template as a line of its own (a standalone tag renders nothing);
    /// parser positions are one line off because of it.
    static let pragma = "{{%CONTENT_TYPE: \(name)}}\n"

    /// Registering is idempotent; the registry is swift-mustache's, guarded by its own lock.
    static let registered: Void = MustacheContentTypes.register(ScalarHTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String { HTMLEscape.text(text) }
}
