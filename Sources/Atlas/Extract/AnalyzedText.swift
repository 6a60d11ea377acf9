/// What both extractors read first in a body: its characters, entity mentions, numbers and
/// clauses. Found once per article and shared by the claim and event rules.
struct AnalyzedText: Sendable {
    let text: ScanText
    let mentions: [EntityMatcher.Mention]
    let figures: [FigureMention]
    let clauses: [Range<Int>]

    init(_ body: String, matcher: EntityMatcher) {
        text = ScanText(body).withLowerCase()
        mentions = matcher.mentions(in: text)
        figures = FigureScanner.scan(text)
        clauses = ClauseSplitter.clauses(text)
    }
}
