import Foundation
import Testing
@testable import Atlas

@Suite struct TemplateSetTests {
    func templates(_ files: [String: String]) -> (TemplateSet?, DiagnosticLog) {
        let folder = TemporaryFolder()
        for name in TemplateSet.required { folder.write("templates/\(name).mustache", "ok") }
        for (name, text) in files { folder.write("templates/\(name)", text) }
        var log = DiagnosticLog()
        let set = TemplateSet.load(root: folder.url, log: &log)
        return (set, log)
    }

    @Test func theRealTemplatesLoad() {
        var log = DiagnosticLog()
        #expect(TemplateSet.load(root: TestPaths.repository, log: &log) != nil)
        #expect(log.items.isEmpty, "\(log.items)")
    }

    @Test func missingPartialNamesFileAndLine() throws {
        let (set, log) = templates(["page.mustache": "line one\n<p>{{> partials/nope}}</p>\n"])
        #expect(set == nil)
        let error = try #require(log.errors.first)
        #expect(error.location == SourceLocation(file: "templates/page.mustache", line: 2, column: 4))
        #expect(error.message.contains("partials/nope"))
    }

    @Test func syntaxErrorNamesFileAndLine() throws {
        let (set, log) = templates(["article.mustache": "a\nb\n{{#section}}{{/other}}\n"])
        #expect(set == nil)
        #expect(log.errors.count == 1)
        #expect(log.errors.first?.location?.file == "templates/article.mustache")
        #expect(log.errors.first?.location?.line == 3)
        #expect(log.errors.first?.message.contains("syntax") == true)
    }

    @Test func aBrokenParentIsOneErrorNotOnePerChild() {
        let (_, log) = templates(["base.mustache": "{{#a}}\n", "home.mustache": "{{<base}}{{/base}}", "page.mustache": "{{<base}}{{/base}}"])
        #expect(log.errors.count == 1)
        #expect(log.errors.first?.location?.file == "templates/base.mustache")
    }

    @Test func indexingAListIsRefused() {
        // `tags.0` is looked up as a key, which a list does not have: the section would silently never render.
        let (set, log) = templates(["article.mustache": "{{#tags.0}}x{{/tags.0}}"])
        #expect(set == nil)
        #expect(log.errors.first?.message.contains("indexes a list") == true)
    }

    @Test func pragmasAndDelimiterChangesAreRefused() {
        let (set, log) = templates(["home.mustache": "{{%CONTENT_TYPE: TEXT}}{{pageTitle}}", "page.mustache": "{{=<% %>=}}<%&pageTitle%>"])
        #expect(set == nil)
        #expect(log.errors.map { $0.location!.file }.sorted() == ["templates/home.mustache", "templates/page.mustache"])
    }

    @Test func missingRequiredTemplateIsAnError() {
        let folder = TemporaryFolder()
        folder.write("templates/home.mustache", "x")
        var log = DiagnosticLog()
        #expect(TemplateSet.load(root: folder.url, log: &log) == nil)
        #expect(log.errors.contains { $0.message.contains("article.mustache") })
    }

    @Test func unescapedOutputOnlyForBuilderHTML() throws {
        let (set, log) = templates(["topic.mustache": "{{{title}}} {{&name}} {{{bodyHTML}}}"])
        #expect(set == nil)
        #expect(log.errors.map { $0.location!.column } == [1, 13])
        #expect(log.errors.allSatisfy { $0.message.contains("not builder-made HTML") })
    }
}
