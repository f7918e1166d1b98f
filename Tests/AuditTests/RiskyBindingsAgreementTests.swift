@testable import Audit
import RBACEngine
import ReachKit
import ReachModel
import ReachTestSupport
import Testing

/// The report's risky bindings (``ReachKit/Analyzer/riskyBindings()``) and the least-privilege
/// audit come from one catalog (``RiskyGrants``): on every fixture, a subject appears under a
/// risk in the report exactly when the audit reports it with one of that risk's checks.
@Suite struct RiskyBindingsAgreementTests {
    static let inputs = ["example", "rbac/basics/input", "rbac/aggregation/input"]
        + ["001", "002", "003", "005", "006", "007", "012"].flatMap { id in
            ["positive", "negative"].map { "audit/K8S-RBAC-\(id)/\($0)" }
        }

    @Test(arguments: inputs)
    func reportAndAuditAgree(input: String) {
        let analyzer = Analyzer.load(paths: [TestPaths.fixture(input)])
        var fromReport = Set<String>()
        for b in analyzer.riskyBindings() {
            for written in b.subjects where written != "Group:system:masters" {
                // The audit names subjects as the authorizer sees them (a User
                // `system:serviceaccount:ns:name` is that ServiceAccount); the report as written.
                let s = written.hasPrefix("User:") ? Principal.forUsername(String(written.dropFirst(5))).description : written
                for r in b.risks { fromReport.insert("\(s) \(r)") }
            }
        }
        let report = AuditEngine.run(AuditContext(snapshot: analyzer.snapshot, cluster: nil,
                                                  options: AuditOptions(leastPrivilege: true)))
        var fromAudit = Set<String>()
        for f in report.allFindings + report.systemFindings {
            for r in RuleRisk.allCases where r.checkIDs.contains(f.checkID) { fromAudit.insert("\(f.subject) \(r)") }
        }
        #expect(fromReport == fromAudit, "\(input): report only \(fromReport.subtracting(fromAudit).sorted()), audit only \(fromAudit.subtracting(fromReport).sorted())")
        if input.hasSuffix("positive") { #expect(!fromAudit.isEmpty, "\(input): the positive fixture finds nothing") }
    }

    /// Each catalog entry names the check that reports it, and every risk has a check.
    @Test func catalogMatchesTheChecks() {
        let ids = Set(CheckRegistry.rbacRisks.map(\.info.id))
        #expect(Set(RiskyGrants.all.map(\.checkID)) == ids)
        for check in CheckRegistry.rbacRisks { #expect(check.grant.checkID == check.info.id) }
        for r in RuleRisk.allCases { #expect(!r.checkIDs.isEmpty, "\(r)") }
    }
}
