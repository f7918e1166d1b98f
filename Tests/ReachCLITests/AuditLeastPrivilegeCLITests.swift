import Foundation
@testable import ReachCLI
import ReachTestSupport
import Testing

/// `audit --least-privilege` and `audit --help` through the command line (moved from AuditTests,
/// which tests the checks themselves).
@Suite struct AuditLeastPrivilegeCLITests {
    static func fixture(_ id: String, _ variant: String = "positive") -> String { TestPaths.fixture("audit/\(id)/\(variant)") }

    /// System findings are counted, hidden unless --include-system, and never fail the run.
    @Test func systemFindingsAreSeparate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-lp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: "system:controller:pod-maker", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
        rules: [{apiGroups: [""], resources: [pods], verbs: [create]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:controller:pod-maker", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:controller:pod-maker"}
        subjects: [{kind: ServiceAccount, name: pod-maker, namespace: kube-system}]
        """
        try yaml.write(to: dir.appendingPathComponent("rbac.yaml"), atomically: true, encoding: .utf8)
        let hidden = KubeReach.execute(["audit", "-f", dir.path, "--least-privilege", "--fail-on", "low"])
        #expect(hidden.exitCode == 0)
        #expect(hidden.output.contains("0 findings"))
        #expect(hidden.output.contains("1 on system RBAC hidden (--include-system shows them)"))
        #expect(!hidden.output.contains("K8S-RBAC-004"))
        let shown = KubeReach.execute(["audit", "-f", dir.path, "--least-privilege", "--include-system", "--fail-on", "low"])
        #expect(shown.exitCode == 0)
        #expect(shown.output.contains("SYSTEM RBAC (1)"))
        #expect(shown.output.contains("ServiceAccount:kube-system/pod-maker: create pods cluster-wide"))
        let json = KubeReach.execute(["audit", "-f", dir.path, "--least-privilege", "-o", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let summary = try #require(doc["summary"] as? [String: Any])
        #expect(summary["system"] as? Int == 1 && summary["systemShown"] as? Bool == false)
        #expect((doc["systemFindings"] as? [Any])?.isEmpty == true)
        let sarif = KubeReach.execute(["audit", "-f", dir.path, "--least-privilege", "--include-system", "-o", "sarif"])
        #expect(sarif.output.contains("\"system\" : true") || sarif.output.contains("\"system\":true"))
    }

    /// The CLI: --fail-on counts RBAC findings; JSON carries the per-finding fix; SARIF locates results.
    @Test func commandLine() throws {
        let path = Self.fixture("K8S-RBAC-005")
        #expect(KubeReach.execute(["audit", "-f", path, "--fail-on", "high"]).exitCode == 0)
        #expect(KubeReach.execute(["audit", "-f", path, "--least-privilege", "--fail-on", "high"]).exitCode == 1)
        #expect(KubeReach.execute(["audit", "-f", Self.fixture("K8S-RBAC-005", "negative"), "--least-privilege", "--fail-on", "low"]).exitCode == 0)
        let json = KubeReach.execute(["audit", "-f", path, "--least-privilege", "-o", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let f = try #require((doc["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "K8S-RBAC-005" })
        #expect((f["fix"] as? String)?.contains("impersonate") == true)
        #expect((f["locations"] as? [Any])?.count == 2)
        let sarif = KubeReach.execute(["audit", "-f", path, "--least-privilege", "-o", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let r = try #require(results.first { $0["ruleId"] as? String == "K8S-RBAC-005" })
        #expect((r["locations"] as? [Any])?.count == 2)
        let aksOnly = KubeReach.execute(["audit", "--aks", TestPaths.fixture("audit/AKS-IAM-001/negative/cluster.json"), "--least-privilege"])
        let needsLine = aksOnly.output.split(separator: "\n").first { $0.contains("needs manifests (-f PATH)") } ?? ""
        #expect(needsLine.contains("K8S-RBAC-001") && needsLine.contains("K8S-RBAC-022"))
    }

    @Test func auditHelpIsStable() {
        let help = KubeReach.helpMessage(for: AuditCommand.self, columns: 100) + "\n"
        #expect(Golden.check(help, against: "audit/expected/help-audit.txt") == nil)
    }
}
