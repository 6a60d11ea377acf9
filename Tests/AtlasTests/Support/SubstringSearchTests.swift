import Testing
@testable import Atlas

@Suite struct SubstringSearchTests {
    @Test func byteSearchFindsLiteralWords() {
        #expect("生产90%的稀土".includes("稀土"))
        #expect("reserves of China".includes("of C"))
        #expect(!"reserves of China".includes("of c"))
        #expect(!"reserve".includes("reserves"))
        #expect("anything".includes(""))
        #expect(Substring("abc").includes("bc"))
    }
}
