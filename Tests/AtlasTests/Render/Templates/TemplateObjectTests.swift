import Testing
@testable import Atlas

@Suite struct TemplateObjectTests {
    /// Read as a dictionary reads: a name set twice has its last value, a name set to nil is
    /// gone, and equality ignores the order names were written in.
    @Test func readsAsADictionary() {
        var object: TemplateObject = ["title": .text("a"), "count": .text("2"), "flagged": .flag(true)]
        object.append("title", .text("b"))
        #expect(object["title"] == .text("b"))
        #expect(object["count"] == .text("2"))
        #expect(object["missing"] == nil)
        #expect(object["titl"] == nil)
        object["count"] = .text("3")
        object["new"] = .flag(false)
        object["flagged"] = nil
        #expect(object["flagged"] == nil)
        #expect(Dictionary(object.map { ($0.key, $0.value) }, uniquingKeysWith: { _, _ in Issue.record("a name listed twice"); return .flag(false) })
                == ["title": .text("b"), "count": .text("3"), "new": .flag(false)])
        #expect(object == ["new": .flag(false), "count": .text("3"), "title": .text("b")])
        #expect(object != ["new": .flag(false), "count": .text("3")])
        #expect(object != ["new": .flag(false), "count": .text("3"), "title": .text("a")])
        #expect(object != ["new": .flag(false), "count": .text("3"), "title": .text("b"), "extra": .flag(true)])
    }
}
