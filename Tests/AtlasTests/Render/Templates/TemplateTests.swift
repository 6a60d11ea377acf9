import Testing
@testable import Atlas

/// The template engine against examples of the Mustache spec (mustache/spec, `specs/*.yml`) and
/// the rules the site's templates rely on. The whole site rendered with it is byte-identical to
/// what swift-mustache wrote before (checked when the engine replaced it).
@Suite struct TemplateTests {
    func render(_ source: String, _ context: TemplateContext = [:], partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        library.register(try Template(parsing: source), named: "main")
        for (name, text) in partials { library.register(try Template(parsing: text), named: name) }
        return try #require(library.render(context.templateValue, template: "main"))
    }

    @Test func variablesAreEscapedPerScalarAndRawOnlyWhenAsked() throws {
        let value = "<b>\"Tom\" & 'Jerry'</b>\u{301}\"\u{301}"
        #expect(try render("{{v}}|{{{v}}}|{{&v}}", ["v": value])
            == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;\u{301}&quot;\u{301}|\(value)|\(value)")
        #expect(try render("{{n}} {{yes}} {{missing}}.", ["n": 0, "yes": true]) == "0 true .")
    }

    @Test func sectionsFollowTheValue() throws {
        let context: TemplateContext = [
            "list": [["name": "a"] as TemplateContext, ["name": "b"] as TemplateContext], "empty": [String](),
            "no": false, "yes": true, "text": "", "object": ["name": "o"] as TemplateContext, "name": "outer",
        ]
        #expect(try render("{{#list}}{{name}},{{/list}}", context) == "a,b,")
        #expect(try render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", context) == "none")
        #expect(try render("{{#no}}x{{/no}}{{^no}}n{{/no}}{{#yes}}y{{/yes}}{{^yes}}x{{/yes}}", context) == "ny")
        // Text is true even when empty, as in swift-mustache; a missing key is false.
        #expect(try render("{{#text}}t{{/text}}{{^text}}x{{/text}}{{#nope}}x{{/nope}}{{^nope}}m{{/nope}}", context) == "tm")
        // Lookup climbs the stack for the first part only; `.` is the innermost value.
        #expect(try render("{{#object}}{{name}}/{{object.name}}/{{.name}}{{/object}}", context) == "o/o/o")
        #expect(try render("{{#list}}{{#object}}{{name}}{{/object}}{{/list}}|{{#list}}{{text}}{{/list}}", context) == "oo|")
        #expect(try render("{{#list}}{{.name}}{{/list}}{{#object}}{{.missing}}{{/object}}", ["list": [["name": "a"] as TemplateContext], "object": ["x": 1] as TemplateContext, "missing": "m"]) == "a")
        #expect(try render("{{#tags}}{{.}};{{/tags}}", ["tags": ["x", "y"]]) == "x;y;")
        #expect(try render("{{object.name.deeper}}|{{a.b}}", ["object": ["name": "o"] as TemplateContext, "a": ["b": "c"] as TemplateContext]) == "|c")
    }

    @Test func standaloneTagsTakeTheirLine() throws {
        // spec sections.yml "Standalone Lines", "Indented Standalone Lines"; comments.yml "Standalone".
        #expect(try render("| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", ["boolean": true]) == "| This Is\n|\n| A Line\n")
        #expect(try render("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", ["boolean": true]) == "| This Is\n|\n| A Line\n")
        #expect(try render("Begin.\n{{! Comment Block! }}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("  {{#boolean}}YES{{/boolean}}\n  {{#boolean}}GOOD{{/boolean}}\n", ["boolean": true]) == "  YES\n  GOOD\n")
        #expect(try render(" | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", ["boolean": true]) == " |  \n  | \n")
        #expect(try render("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", ["boolean": true]) == "|\r\n|")
        #expect(try render("  {{#boolean}}\n#{{/boolean}}\n/", ["boolean": true]) == "#\n/")
        #expect(try render("a {{! c }}b") == "a b")
    }

    @Test func partialsIndentEveryLineOfAStandaloneTag() throws {
        // spec partials.yml "Standalone Indentation" and "Inline Indentation".
        let partial = "|\n{{{content}}}\n|\n"
        #expect(try render("\\\n {{>partial}}\n/\n", ["content": "<\n->"], partials: ["partial": partial]) == "\\\n |\n <\n->\n |\n/\n")
        #expect(try render("  {{data}}  {{> partial}}\n", ["data": "|"], partials: ["partial": ">\n>"]) == "  |  >\n>\n")
        #expect(try render("{{#list}}{{>row}}{{/list}}", ["list": [["n": "1"] as TemplateContext, ["n": "2"] as TemplateContext]], partials: ["row": "<{{n}}>"]) == "<1><2>")
        #expect(try render("[{{>nope}}]") == "[]")
    }

    @Test func parentsFillTheirBlocks() throws {
        let base = "<h1>{{$title}}Default{{/title}}</h1>\n{{$body}}\nnothing\n{{/body}}\n"
        #expect(try render("{{<base}}\n{{$title}}Mine{{/title}}\n{{$body}}\n  <p>{{x}}</p>\n  <p>two</p>\n{{/body}}\n{{/base}}\n", ["x": "&"],
                           partials: ["base": base]) == "<h1>Mine</h1>\n<p>&amp;</p>\n<p>two</p>\n")
        #expect(try render("{{<base}}{{/base}}", partials: ["base": base]) == "<h1>Default</h1>\nnothing\n")
    }

    @Test func mistakesAreSyntaxErrorsWithLineAndColumn() {
        func error(_ source: String) -> TemplateSyntaxError? {
            do { _ = try Template(parsing: source); return nil } catch { return error }
        }
        #expect(error("a\nb {{/x}}")?.line == 2)
        #expect(error("a\n{{#x}}{{/y}}")?.column == 10)
        #expect(error("one\n  {{#open}}\nthree")?.message.contains("never closed") == true)
        #expect(error("one\n  {{#open}}\nthree").map { [$0.line, $0.column] } == [2, 3])
        #expect(error("{{title") != nil)
        #expect(error("{{{title}}") != nil)
        #expect(error("{{count(plural)}}")?.message.contains("transforms") == true)
        #expect(error("{{=<% %>=}}")?.message.contains("not allowed") == true)
        #expect(error("{{%CONTENT_TYPE: TEXT}}")?.message.contains("not allowed") == true)
        #expect(error("{{<base}}{{#x}}{{/x}}{{/base}}") != nil)
        #expect(error("{{! unclosed comment") != nil)
    }
    func makeLibrary(_ sources: [String: String]) throws -> TemplateLibrary {
        var library = TemplateLibrary()
        for (name, text) in sources { library.register(try Template(parsing: text), named: name) }
        return library
    }

    /// A row rendered once for many pages must read exactly as rendering it in place would,
    /// and is only made where that holds.
    @Test func prerenderedRowsReadAsRenderedInPlace() throws {
        var library = try makeLibrary([
            "row": "<li>{{title}}{{#teaser}} <p lang=\"{{lang}}\">{{.}}</p>{{/teaser}}{{>inner}}</li>\n",
            "inner": "{{#flag}}!{{/flag}}",
            "outer-key": "<li>{{title}} {{site}}</li>",
            "with-block": "<li>{{$b}}{{title}}{{/b}}</li>",
        ])
        library.register(try Template(parsing: "<ul>{{#rows}}{{>row}}{{/rows}}</ul>\n<ol>\n  {{#rows}}\n  {{>row}}\n  {{/rows}}\n</ol>"), named: "page")
        let rows: [TemplateContext] = [["title": "<a>", "teaser": "t", "lang": "en", "flag": true], ["title": "b", "teaser": "", "lang": "zh", "flag": false]]
        let plain = rows.map(\.templateValue)
        let made = plain.map { library.prerendered($0, partial: "row") }
        for value in made { guard case .prerendered = value else { Issue.record("a self-contained row was not prerendered"); return } }
        // Inline, the copy is used; standalone (indented), the partial is rendered again: same text.
        let page = { (rows: [TemplateValue]) in library.render(.object(["rows": .list(rows), "lang": .text("outer")]), template: "page") }
        #expect(page(made) == page(plain))
        #expect(page(made)?.contains("<li>&lt;a&gt; <p lang=\"en\">t</p>!</li>\n") == true)
        #expect(page(made)?.contains("  <li>") == true)
        // A key the value lacks would be looked for in the page, and a block may be overridden: not made.
        #expect(library.prerendered(plain[0], partial: "outer-key") == plain[0])
        #expect(library.prerendered(plain[0], partial: "with-block") == plain[0])
        #expect(library.prerendered(plain[0], partial: "missing") == plain[0])
        #expect(library.prerendered(.text("x"), partial: "row") == .text("x"))
    }

    /// A thread's own copy of the templates renders every kind of node as the shared one does.
    @Test func aDetachedLibraryRendersAsTheOriginal() throws {
        let library = try makeLibrary([
            "base": "<main>\n  {{$body}}default body{{/body}}\n</main>\n",
            "row": "<li>{{title}}{{#teaser}} <p lang=\"{{lang}}\">{{.}}</p>{{/teaser}}</li>\n",
            "page": "{{<base}}{{$body}}<ul>\n  {{#rows}}\n  {{>row}}\n  {{/rows}}\n</ul>{{^rows}}none{{/rows}} {{{rawHTML}}} {{a.b.c}} {{.lang}}{{/body}}{{/base}}",
        ])
        let context: TemplateContext = ["rows": [["title": "<a>", "teaser": "t", "lang": "en"] as TemplateContext, ["title": "b", "teaser": "", "lang": "zh"]],
                                        "rawHTML": "<b>x</b>", "a": ["b": ["c": "deep"] as TemplateContext] as TemplateContext, "lang": "outer"]
        let copy = library.detached
        #expect(copy.templates.keys.sorted() == library.templates.keys.sorted())
        let original = try #require(library.render(context.templateValue, template: "page"))
        #expect(copy.render(context.templateValue, template: "page") == original)
        #expect(original.contains("<li>&lt;a&gt; <p lang=\"en\">t</p></li>") && original.contains("<b>x</b> deep"))
    }
}
