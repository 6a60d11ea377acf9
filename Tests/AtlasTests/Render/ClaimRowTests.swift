import Foundation
import Testing
@testable import Atlas

/// Claim rows are made once per claim when the renderer is made; every page must show the row
/// it would have made itself.
@Suite struct ClaimRowTests {
    @Test func everyRowMadeInAdvanceIsTheRowOfItsClaim() throws {
        var log = DiagnosticLog()
        let prepared = try #require(Builder(options: .init(root: TestPaths.repository)).prepare(log: &log))
        let templates = try #require(TemplateSet.load(root: TestPaths.repository, log: &log))
        let renderer = SiteRenderer(site: prepared.site, templates: templates)
        #expect(renderer.claimRows.count == Set(prepared.site.claims.map(\.id)).count)
        for claim in prepared.site.claims {
            #expect(renderer.claimRows[claim.id] == renderer.makeClaimRow(claim), "\(claim.id)")
        }
        // The real bodies mark every quote, so no row anchors its own.
        #expect(renderer.claimRows.values.allSatisfy { !$0.anchorHere && renderer.highlighted.contains($0.claim.id) })
        // A claim the renderer was not made with (here, one changed after) gets a row of its own.
        var changed = try #require(prepared.site.claims.first { $0.entity != nil })
        changed.entity = nil
        #expect(renderer.claimRow(changed).entityName != renderer.claimRow(try #require(prepared.site.claims.first { $0.id == changed.id })).entityName)
    }
}
