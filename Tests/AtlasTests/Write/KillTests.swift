import Foundation
import Testing
@testable import Atlas

/// A build killed at any moment (SIGKILL: no cleanup runs) leaves the previous site or the new
/// one, never a mix, and the next build clears what the killed one left beside the output.
@Suite struct KillTests {
    @Test func aBuildKilledAtARandomMomentLeavesTheOldOrTheNewSite() throws {
        let binary = TestPaths.repository.appendingPathComponent(".build/debug/atlas").path
        let site = TemporaryFolder.siteCopy()
        let public_ = site.url.appendingPathComponent("public")
        #expect(Builder(options: .init(root: site.url)).build().succeeded)
        let old = snapshot(public_)
        // The new inputs: one more article, so every list and many pages differ.
        site.write("content/articles/arrival.md", """
            ---
            title: "A new arrival"
            date: 2025-11-02 09:00
            source: Test Wire
            topics: [稀土供应链]
            ---
            China holds 44% of the world's rare earth reserves, the ministry said on November 1, 2025.
            """)
        let reference = site.url.appendingPathComponent("reference")
        #expect(Builder(options: .init(root: site.url, output: reference)).build().succeeded)
        let new = snapshot(reference)
        #expect(old != new)

        // How long a whole build takes here, to spread the kills over it.
        let started = Date()
        _ = try run(binary, ["build", "--root", site.url.path, "--output", site.url.appendingPathComponent("timing").path])
        let whole = Date().timeIntervalSince(started)

        let seed = UInt64.random(in: 0...UInt64.max)
        var random = BuildSessionTests.Generator(state: seed)
        var outcomes: [String] = []
        for attempt in 0..<8 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["build", "--root", site.url.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Spread over the whole build, the swap at its end included.
            let delay = Double.random(in: 0...(whole * 2), using: &random)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = snapshot(public_)
            let state = now == old ? "old" : now == new ? "new" : "MIXED"
            outcomes.append("kill \(attempt) after \(Int(delay * 1000)) ms: \(state)")
            #expect(state != "MIXED", "seed \(seed): \(outcomes)")
            // Back to the old site for the next attempt, through a build of the old inputs.
            if state == "new" {
                try FileManager.default.moveItem(at: site.url.appendingPathComponent("content/articles/arrival.md"), to: site.url.appendingPathComponent("arrival.md"))
                #expect(Builder(options: .init(root: site.url)).build().succeeded)
                try FileManager.default.moveItem(at: site.url.appendingPathComponent("arrival.md"), to: site.url.appendingPathComponent("content/articles/arrival.md"))
                #expect(snapshot(public_) == old)
            }
        }
        // The next build cleans whatever the killed builds left beside `public/`.
        #expect(Builder(options: .init(root: site.url)).build().succeeded)
        #expect(snapshot(public_) == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.url.path).filter { $0.hasPrefix("public.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        print("kill test (seed \(seed)): " + outcomes.joined(separator: "; "))
    }
}
