import Testing
@testable import Atlas

@Suite struct RelatedArticlesTests {
    /// The kept short list is the full sort's first ones: random scores, many tied (shared
    /// topics score 3, entities 1 plus a fraction), every limit from none to more than there are.
    @Test func theBestAreTheSortedScoresFirst() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var scores: [Int: Double] = [:]
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                scores[Int.random(in: 0..<60, using: &generator), default: 0] += [3, 1.5, 1.25, 1.0 + 1.0 / 3].randomElement(using: &generator)!
            }
            for limit in 0...8 {
                let sorted = scores.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(limit).map(\.key)
                #expect(RelatedArticles.top(limit, of: scores) == Array(sorted), "\(scores) \(limit)")
            }
        }
    }
}
