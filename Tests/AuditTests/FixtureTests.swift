import Foundation
import ReachKit
import ReachModel
import Testing
@testable import Audit

/// Every check against its own fixtures: `positive` triggers it, `negative` does not.
@Suite struct FixtureTests {
    static let ids = CheckRegistry.all.map(\.info.id).sorted()

    @Test(arguments: ids) func positiveFixtureTriggers(_ id: String) throws {
        let check = try #require(CheckRegistry.check(id))
        let (context, diagnostics) = AuditFixtures.context(id, "positive")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        switch AuditEngine.outcome(of: check, context) {
        case .failed(let findings):
            #expect(findings.allSatisfy { $0.checkID == id && !$0.locations.isEmpty && !$0.message.isEmpty })
        case .notEvaluated(let reason):
            // Only checks that need data outside the inputs may stay unevaluated.
            let needs = try #require(check.info.needs, "\(id) positive fixture not evaluated: \(reason)")
            #expect(reason == "needs \(needs)")
        case .passed:
            Issue.record("\(id): positive fixture did not trigger the check")
        }
    }

    @Test(arguments: ids) func negativeFixturePasses(_ id: String) throws {
        let check = try #require(CheckRegistry.check(id))
        let (context, diagnostics) = AuditFixtures.context(id, "negative")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        switch AuditEngine.outcome(of: check, context) {
        case .failed(let findings):
            Issue.record("\(id): negative fixture triggered: \(findings.map(\.message))")
        case .notEvaluated(let reason):
            #expect(check.info.needs != nil, "\(id) negative fixture not evaluated: \(reason)")
        case .passed:
            break
        }
    }

    /// The hardened baselines behind the fixtures pass every check.
    @Test func hardenedBaselinePassesEverything() {
        let (context, _) = AuditFixtures.context("AKS-IAM-001", "negative")
        let (manifests, _) = AuditFixtures.context("POD-SEC-001", "negative")
        let report = AuditEngine.run(AuditContext(snapshot: manifests.snapshot, cluster: context.cluster))
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        #expect(Set(report.notEvaluated.map(\.checkID)) == Set(CheckRegistry.all.filter { $0.info.needs != nil }.map(\.info.id)))
    }
}
