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

    /// The bit filter and the signatures never hide a name: random names (many sharing a length and a last
    /// byte, so their bits collide) written, overwritten and removed read as a dictionary does.
    /// Names are compared byte for byte (`é` is not `e` with a combining accent), as they always were.
    @Test func readsAsADictionaryWhateverTheNames() {
        let names = ["a", "b", "ab", "ba", "url", "uri", "title", "tilde", "hasTopics", "hasTags", "稀土", "土", "é", "e\u{301}", "x.y", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var object = TemplateObject(minimumCapacity: 0)
            var reference: [[UInt8]: TemplateValue] = [:]
            for step in 0..<Int.random(in: 0...30, using: &generator) {
                let name = names.randomElement(using: &generator)!
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: object.append(name, .text("\(step)")); reference[Array(name.utf8)] = .text("\(step)")
                case 1: object[name] = .flag(step.isMultiple(of: 2)); reference[Array(name.utf8)] = .flag(step.isMultiple(of: 2))
                case 2: object[name] = nil; reference[Array(name.utf8)] = nil
                default: break
                }
                for probe in names {
                    #expect(object[probe] == reference[Array(probe.utf8)], "\(probe)")
                    #expect(object[probe, signature: TemplateObject.Signature(probe)] == reference[Array(probe.utf8)], "\(probe)")
                }
            }
        }
    }
}
