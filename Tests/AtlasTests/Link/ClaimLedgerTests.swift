import Foundation
import Testing
@testable import Atlas

@Suite struct ClaimLedgerTests {
    let body = "Core Insights - China holds 34% of the world's total reserves [1] - The U.S. relies on China for 80% of its imports [2]"

    func setup(_ yaml: String, title: String = "T", day: Int = 1) -> (claims: [Claim], log: DiagnosticLog, extracted: [Claim]) {
        var log = DiagnosticLog()
        let entities = EntityRegistryReader.read(ContentLoader.read(TestPaths.repository, EntityRegistryReader.path, log: &log, missingHint: nil)!, log: &log) ?? []
        let article = Article(slug: "test-article", title: title, source: "S", sourceURL: nil,
                              published: Timestamp(LocalDateTime(year: 2025, month: 1, day: day), zone: TimeZone(identifier: "UTC")!)!,
                              topics: [], tags: [], summary: nil, body: .imported(BodyStructurer.structure(body)), isDraft: false,
                              origins: [SourceLocation(file: "x.txt", line: 3)])
        let extracted = ClaimExtractor(entities: entities).claims(articleID: article.id, body: body, published: article.published.local)
        let edits = ClaimEditsReader.read(TextFile(path: "content/data/claims.edits.yml", text: yaml), log: &log)
        let claims = ClaimLedger.apply(edits, to: extracted, articles: [article], entities: entities, log: &log)
        return (claims, log, extracted)
    }

    @Test func dropCorrectAndAdd() throws {
        let (_, _, extracted) = setup("")
        #expect(extracted.count == 2)
        let yaml = """
        drop:
          - id: \(extracted[0].id)
            reason: testing
        correct:
          - id: \(extracted[1].id)
            value: 80-85
            qualifier: about
            year: 2024
        add:
          - article: test-article
            quote: "China holds 34% of the world's total reserves"
            metric: reserves_share
            entity: china
            value: 34
            year: 2023
        """
        let (claims, log, _) = setup(yaml)
        #expect(log.items.isEmpty, "\(log.items)")
        #expect(claims.count == 2)
        let corrected = try #require(claims.first { $0.id == extracted[1].id })
        #expect((corrected.low, corrected.high, corrected.qualifier, corrected.period, corrected.rule) == (80, 85, .about, .year(2024), "editor"))
        let added = try #require(claims.first { $0.id.hasPrefix("e") })
        #expect((added.metric, added.entity, added.low, added.period) == (.reservesShare, "china", 34, .year(2023)))
        #expect(String(Array(body)[added.quoteRange]) == added.quote)
    }

    /// Ids hash the article's title and date; an entry keyed by the article's slug and words of
    /// the sentence still finds its claim when an editor corrects either.
    @Test func correctionsKeyedByArticleAndQuoteSurviveTitleAndDateEdits() throws {
        let (_, _, before) = setup("")
        let yaml = """
        drop:
          - article: test-article
            quote: relies on China
        correct:
          - article: test-article
            quote: "China holds 34% of the world's"
            figure: 34 %
            year: 2024
        """
        let (claims, log, extracted) = setup(yaml, title: "T, retitled", day: 2)
        #expect(log.items.isEmpty, "\(log.items)")
        #expect(Set(extracted.map(\.id)).isDisjoint(with: before.map(\.id)))
        #expect(claims.count == 1)
        #expect((claims.first?.figureText, claims.first?.period, claims.first?.rule) == ("34%", .year(2024), "editor"))
        // The old id no longer names a claim: the error says why and how to key it instead.
        let (_, broken, _) = setup("correct:\n  - id: \(before[0].id)\n    year: 2024\n", title: "T, retitled")
        #expect(broken.errors.count == 1)
        #expect(broken.errors.first?.hint?.contains("`article: SLUG` and `quote:`") == true)
    }

    @Test func aKeyThatMatchesNoClaimOrSeveralNamesTheArticleAndItsCandidates() throws {
        let yaml = """
        correct:
          - article: test-article
            quote: China holds 35%
            year: 2024
          - article: test-article
            quote: China
            year: 2024
          - id: cnosuch
            article: test-article
            year: 2024
        """
        let (claims, log, extracted) = setup(yaml)
        #expect(claims.map(\.rule).allSatisfy { $0 != "editor" })
        #expect(log.errors.count == 3, "\(log.errors)")
        #expect(log.errors.map { $0.location!.line } == [3, 6, 8])
        #expect(log.errors[0].message == "no claim of the article `test-article` has the quote `China holds 35%`")
        #expect(log.errors[1].message.contains("2 claims of the article `test-article` have the quote `China`; add `figure:`"))
        #expect(log.errors[2].message == "the article `test-article` has no claim with the id `cnosuch`")
        for error in log.errors {
            let hint = try #require(error.hint)
            #expect(hint.hasPrefix("claims of `test-article` (T): "))
            for claim in extracted { #expect(hint.contains("\(claim.id) \(claim.figureText) “\(claim.quote)”")) }
        }
    }

    @Test func everyBadEntryIsAnErrorAtItsLine() {
        let yaml = """
        drop:
          - id: cnosuch
        correct:
          - id: cnosuch2
            metric: reserves_share
        add:
          - article: test-article
            quote: "words that are not in the body"
            metric: reserves_share
            value: 3
          - article: no-such-article
            quote: x
            metric: reserves_share
            value: 3
          - article: test-article
            quote: "China holds 34%"
            metric: reserve_share
            entity: atlantis
            value: 3
        """
        let (_, log, _) = setup(yaml)
        let places = log.errors.map { "\($0.location!.line):\($0.message.prefix(20))" }
        #expect(log.errors.count == 6, "\(places)")
        #expect(log.errors.allSatisfy { $0.location?.file == "content/data/claims.edits.yml" && $0.hint != nil })
        #expect(log.errors.map { $0.location!.line } == [2, 4, 8, 11, 17, 18])
    }

    @Test func oneEntryPerClaim() throws {
        let (_, _, extracted) = setup("")
        let (first, second) = (extracted[0].id, extracted[1].id)
        let yaml = """
        drop:
          - id: \(first)
          - id: \(first)
        correct:
          - id: \(second)
            year: 2024
          - id: \(second)
            commodity: Gallium
          - id: \(first)
            year: 2023
        """
        let (_, log, _) = setup(yaml)
        #expect(log.errors.map { "\($0.location!.line): \($0.message)" } == [
            "3: the claim `\(first)` is already dropped at line 2",
            "7: the claim `\(second)` is already corrected at line 5",
            "9: the claim `\(first)` is also dropped at line 2",
        ])
        // A material is one name whatever its case.
        let (claims, clean, _) = setup("correct:\n  - id: \(second)\n    commodity: Gallium\n")
        #expect(clean.errors.isEmpty)
        #expect(claims.first { $0.id == second }?.scope.commodity == "gallium")
    }

    @Test func theRealEditsFileApplies() throws {
        var log = DiagnosticLog()
        guard let prepared = Builder(options: .init(root: TestPaths.repository)).prepare(log: &log) else {
            Issue.record("\(log.items)"); return
        }
        let corrected = try #require(prepared.site.claims.first { $0.id == "c3m3l89e3ekaca" })
        #expect(corrected.entity == "united-states")
        #expect(corrected.rule == "editor")
    }
}
