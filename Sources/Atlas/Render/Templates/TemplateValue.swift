/// What a template reads: text, a flag, a list or an object of named values, and nothing else.
///
/// A closed set of cases lets rendering look a key up with a `switch` instead of asking the Swift
/// runtime what an `Any` is. swift-mustache, which the site used before, resolved every `{{key}}`
/// through dynamic casts to protocols, at every level of the context stack: a quarter of a full
/// build's CPU time went into those casts.
enum TemplateValue: Sendable, Equatable {
    /// Always true in a section, even when empty, as a Mustache string is.
    case text(String)
    case flag(Bool)
    /// Repeats a section once per item; an empty list is false.
    case list([TemplateValue])
    case object(TemplateObject)
    /// An object with its rendering by one partial, made once for a value many pages show (an
    /// article's card is on up to a dozen): where that partial is rendered with this value
    /// innermost, the text is copied in (`TemplateLibrary.prerendered`). Otherwise an object.
    indirect case prerendered(Prerendered)

    struct Prerendered: Sendable, Equatable {
        let object: TemplateObject
        let partial: String
        let html: String
    }

    /// The text of a value prerendered by `partial`.
    func prerenderedHTML(partial name: String) -> String? {
        guard case .prerendered(let value) = self, value.partial == name else { return nil }
        return value.html
    }

    /// `{{key}}`'s output before escaping.
    var rendered: String {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag ? "true" : "false"
        // A list or object printed as a value is a template mistake; it prints nothing rather
        // than a Swift description of the value.
        case .list, .object, .prerendered: ""
        }
    }
}

/// A Swift value a view model may put in a template context. Views write contexts as
/// `["title": title, "count": count]`; the values become `TemplateValue`s once, when the page is
/// rendered.
protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

/// A view model's context: its keys are what templates can read (checked by `atlas check`).
///
/// Written as a dictionary literal, and made into `TemplateValue`s as it is written: a
/// dictionary of `any TemplateRepresentable` converted when rendered built every object twice
/// and copied each value through an existential box (a few percent of a 10,000-article build).
struct TemplateContext: ExpressibleByDictionaryLiteral, TemplateRepresentable {
    private(set) var values: TemplateObject

    init(dictionaryLiteral elements: (String, any TemplateRepresentable)...) {
        values = TemplateObject(minimumCapacity: elements.count)
        for (key, value) in elements { values.append(key, value.templateValue) }
    }

    init(_ values: TemplateObject) { self.values = values }

    subscript(key: String) -> (any TemplateRepresentable)? {
        get { values[key] }
        set { values[key] = newValue?.templateValue }
    }

    var templateValue: TemplateValue { .object(values) }
}

extension TemplateValue: TemplateRepresentable {
    var templateValue: TemplateValue { self }
}

extension String: TemplateRepresentable {
    var templateValue: TemplateValue { .text(self) }
}

extension Bool: TemplateRepresentable {
    var templateValue: TemplateValue { .flag(self) }
}

/// A number is text, and like any text true in a section (0 included), as it was in swift-mustache.
extension Int: TemplateRepresentable {
    var templateValue: TemplateValue { .text(String(self)) }
}

extension Double: TemplateRepresentable {
    var templateValue: TemplateValue { .text(String(describing: self)) }
}

// Closures, not `\.templateValue`: a key path to a protocol requirement is not specialized and
// is projected by the runtime for every element (a percent of a 10,000-article build).
extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    var templateValue: TemplateValue { .list(map { $0.templateValue }) }
}

