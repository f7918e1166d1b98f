@testable import Audit
import Foundation
import ReachKit
import ReachModel
import ReachTestSupport
import Testing

/// `audit --least-privilege`: the RBAC checks' wiring, their messages and locations, system-RBAC
/// separation, and the three output formats.
@Suite struct LeastPrivilegeTests {
    static func fixture(_ id: String, _ variant: String = "positive") -> String { TestPaths.fixture("audit/\(id)/\(variant)") }

    static func run(_ id: String, _ variant: String = "positive", options: AuditOptions = AuditOptions(leastPrivilege: true)) -> AuditReport {
        let snapshot = Analyzer.load(paths: [fixture(id, variant)]).snapshot
        return AuditEngine.run(AuditContext(snapshot: snapshot, cluster: nil, options: options))
    }

    static func findings(_ report: AuditReport, _ id: String) -> [Finding] { report.findings.filter { $0.checkID == id } }

    /// The hardened manifests plus a narrowly bound ServiceAccount pass every check.
    @Test func hardenedRBACBaselinePassesEverything() {
        let report = Self.run("K8S-RBAC-018", "negative")
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        #expect(report.systemFindings.isEmpty)
        #expect(report.checks.contains { $0.id == "K8S-RBAC-022" })
    }

    @Test func rbacChecksRunOnlyWithTheFlag() {
        let without = Self.run("K8S-RBAC-003", options: AuditOptions())
        #expect(!without.checks.contains { $0.input == .rbac })
        #expect(without.findings.allSatisfy { !$0.checkID.hasPrefix("K8S-RBAC") })
        #expect(!without.notEvaluated.contains { $0.checkID.hasPrefix("K8S-RBAC") })
        let check = RBACPodsExec()
        let snapshot = Analyzer.load(paths: [Self.fixture("K8S-RBAC-003")]).snapshot
        #expect(AuditEngine.outcome(of: check, AuditContext(snapshot: snapshot, cluster: nil)) == .notEvaluated("needs --least-privilege"))
        let noManifests = AuditContext(snapshot: nil, cluster: nil, options: AuditOptions(leastPrivilege: true))
        #expect(AuditEngine.outcome(of: check, noManifests) == .notEvaluated("needs manifests (-f PATH)"))
    }

    /// A finding names the RBAC subject, the binding → role, and points at both objects' lines.
    @Test func riskFindingNamesSubjectBindingAndRole() throws {
        let f = try #require(Self.findings(Self.run("K8S-RBAC-003"), "K8S-RBAC-003").first)
        #expect(f.subject == "ServiceAccount:shop/web")
        #expect(f.message == "create pods/exec in namespace shop via RoleBinding/shop/web → Role/shop/web")
        #expect(f.locations.count == 2)
        #expect(f.locations.allSatisfy { $0.file.hasSuffix("K8S-RBAC-003/positive/manifests.yaml") && $0.line > 1 })
        #expect(f.fix?.contains("Role/shop/web") == true)
    }

    /// Cluster-wide only: the same secret-reading role bound in one namespace is not K8S-RBAC-002.
    @Test func secretReadIsClusterWideOnly() throws {
        let f = try #require(Self.findings(Self.run("K8S-RBAC-002"), "K8S-RBAC-002").first)
        #expect(f.message == "get secrets, list secrets cluster-wide via ClusterRoleBinding/web-cluster → ClusterRole/web-cluster")
        #expect(Self.findings(Self.run("K8S-RBAC-002", "negative"), "K8S-RBAC-002").isEmpty)
    }

    /// A cluster-admin subject gets K8S-RBAC-012, not one finding per risk its wildcard implies.
    @Test func fullWildcardIsReportedOnce() {
        let report = Self.run("K8S-RBAC-012")
        let ids = Set(report.findings.filter { $0.subject == "ServiceAccount:shop/web" }.map(\.checkID))
        #expect(ids == ["K8S-RBAC-012"])
    }

    @Test func transitivePathIsInTheMessage() throws {
        let admin = try #require(Self.findings(Self.run("K8S-RBAC-020"), "K8S-RBAC-020").first)
        #expect(admin.subject == "ServiceAccount:shop/web")
        #expect(admin.message == "can become cluster-admin-equivalent in 1 step: E1 (create pods -n shop) → ServiceAccount:shop/ops")
        #expect(!admin.locations.isEmpty)
        #expect(admin.fix == "remove create pods -n shop from Role/shop/web (step 1, E1), or take cluster-admin away from ServiceAccount:shop/ops")
        let wide = try #require(Self.findings(Self.run("K8S-RBAC-021"), "K8S-RBAC-021").first)
        #expect(wide.message.hasPrefix("can read Secrets cluster-wide in 1 step: E1"))
        // Reaching cluster-wide read is not repeated per namespace.
        #expect(Self.findings(Self.run("K8S-RBAC-021"), "K8S-RBAC-022").allSatisfy { $0.subject != "ServiceAccount:shop/web" })
        let ns = try #require(Self.findings(Self.run("K8S-RBAC-022"), "K8S-RBAC-022").first)
        #expect(ns.message == "can read Secrets in namespace shop in 1 step: E1 (create pods -n shop) → ServiceAccount:shop/reader")
    }

    @Test(arguments: [
        (["name": "system:controller:x"], [String: String](), true),
        (["name": "cluster-admin"], ["kubernetes.io/bootstrapping": "rbac-defaults"], true),
        (["name": "aks-service"], [:], true),
        (["name": "aks-service", "namespace": "shop"], [:], false),
        (["name": "coredns"], ["addonmanager.kubernetes.io/mode": "Reconcile"], true),
        (["name": "web-admin"], [:], false),
    ])
    func systemRule(_ meta: [String: String], _ labels: [String: String], _ expected: Bool) {
        let m = ObjectMeta(name: meta["name"] ?? "", namespace: meta["namespace"], labels: labels, annotations: [:],
                           location: SourceLocation(file: "x", document: 1, line: 1, column: 1))
        #expect(SystemRBAC.isManaged(m) == expected)
    }

    @Test func hygieneFindings() throws {
        let missing = try #require(Self.findings(Self.run("K8S-RBAC-016"), "K8S-RBAC-016").first)
        #expect(missing.subject == "RoleBinding/shop/web" && missing.message == "roleRef Role/shop/web-missing is not in the input")
        let sa = try #require(Self.findings(Self.run("K8S-RBAC-017"), "K8S-RBAC-017").first)
        #expect(sa.subject == "ServiceAccount:shop/web-old")
        let unused = try #require(Self.findings(Self.run("K8S-RBAC-018"), "K8S-RBAC-018").first)
        #expect(unused.subject == "Role/shop/web-unused")
        let dup = try #require(Self.findings(Self.run("K8S-RBAC-019"), "K8S-RBAC-019").first)
        #expect(dup.message == "granted Role/shop/web in namespace shop by RoleBinding/shop/web, RoleBinding/shop/web-again")
    }
}
