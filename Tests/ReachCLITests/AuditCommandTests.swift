import Foundation
import ReachCLI
import ReachTestSupport
import Testing

/// `kube-reach audit` end to end: exit codes, suppression (annotation, --ignore, baseline), JSON.
@Suite struct AuditCommandTests {
    static let podSec001 = TestPaths.fixture("audit/POD-SEC-001/positive")
    static let clean = TestPaths.fixture("audit/POD-SEC-001/negative")

    @Test func failOnSetsTheExitCode() {
        #expect(KubeReach.execute(["audit", "-f", Self.podSec001]).exitCode == 0)
        #expect(KubeReach.execute(["audit", "-f", Self.podSec001, "--fail-on", "high"]).exitCode == 1)
        #expect(KubeReach.execute(["audit", "-f", Self.clean, "--fail-on", "low"]).exitCode == 0)
        let medium = TestPaths.fixture("audit/POD-SEC-006/positive")
        #expect(KubeReach.execute(["audit", "-f", medium, "--fail-on", "high"]).exitCode == 0)
        #expect(KubeReach.execute(["audit", "-f", medium, "--fail-on", "medium"]).exitCode == 1)
    }

    @Test func usageAndInputErrorsExitTwo() throws {
        #expect(KubeReach.execute(["audit"]).exitCode == 2)
        #expect(KubeReach.execute(["audit", "-f", Self.clean, "--fail-on", "critical"]).exitCode == 2)
        let notCluster = KubeReach.execute(["audit", "--aks", Self.podSec001 + "/manifests.yaml"])
        #expect(notCluster.exitCode == 2)
        #expect(notCluster.output.contains("manifests.yaml#1:"), "message names file, document and line")
        #expect(KubeReach.execute(["audit", "-f", Self.clean, "--baseline", "/nonexistent/b.json"]).exitCode == 2)
    }

    @Test func ignoreOptionSuppresses() {
        let all = KubeReach.execute(["audit", "-f", Self.podSec001, "--ignore", "POD-SEC-001", "--fail-on", "high"])
        #expect(all.exitCode == 0)
        #expect(all.output.contains("1 suppressed"))
        let one = KubeReach.execute(["audit", "-f", Self.podSec001, "--ignore", "POD-SEC-001@Deployment/shop/web", "--fail-on", "high"])
        #expect(one.exitCode == 0)
        let other = KubeReach.execute(["audit", "-f", Self.podSec001, "--ignore", "POD-SEC-001@Deployment/shop/api", "--fail-on", "high"])
        #expect(other.exitCode == 1)
    }

    @Test func annotationSuppressesPerObject() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: Self.podSec001 + "/manifests.yaml", encoding: .utf8)
            .replacingOccurrences(of: "  name: web\n  namespace: shop\n",
                                  with: "  name: web\n  namespace: shop\n  annotations:\n    kube-reach.io/ignore: POD-SEC-001, POD-SEC-009\n")
        #expect(text.contains("kube-reach.io/ignore"))
        try text.write(to: dir.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        let result = KubeReach.execute(["audit", "-f", dir.path, "--fail-on", "high", "-o", "json"])
        #expect(result.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let suppressed = try #require(json["suppressed"] as? [[String: Any]])
        #expect(suppressed.map { $0["reason"] as? String } == ["annotation"])
    }

    @Test func baselineRoundTrip() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-baseline-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let first = KubeReach.execute(["audit", "-f", Self.podSec001, "--write-baseline", file.path, "--fail-on", "high"])
        #expect(first.exitCode == 1)
        let baseline = try String(contentsOf: file, encoding: .utf8)
        #expect(baseline.contains("POD-SEC-001|Deployment/shop/web"))
        let second = KubeReach.execute(["audit", "-f", Self.podSec001, "--baseline", file.path, "--fail-on", "low"])
        #expect(second.exitCode == 0)
        #expect(second.output.contains("[baseline]"))
        // A new finding is not covered by the old baseline.
        let newer = KubeReach.execute(["audit", "-f", TestPaths.fixture("audit/POD-SEC-003/positive"), "--baseline", file.path,
                                       "--fail-on", "high"])
        #expect(newer.exitCode == 1)
    }

    @Test func jsonReportShape() throws {
        let result = KubeReach.execute(["audit", "-f", Self.podSec001, "--aks", TestPaths.fixture("audit/AKS-IAM-003/positive/cluster.json"),
                                        "-o", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(Set(findings.compactMap { $0["id"] as? String }) == ["POD-SEC-001", "AKS-IAM-003"])
        for f in findings {
            for key in ["severity", "title", "subject", "message", "rationale", "remediation", "fingerprint", "locations"] {
                #expect(f[key] != nil, "finding lacks \(key)")
            }
        }
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["high"] as? Int == 2)
        #expect((json["notEvaluated"] as? [Any])?.count == 3)
    }

    @Test func clusterDocumentGivenWithInputIsPointedOut() {
        let result = KubeReach.execute(["audit", "-f", TestPaths.fixture("audit/AKS-IAM-001/positive")])
        #expect(result.exitCode == 0)
        #expect(result.output.contains("KR-AUDIT-001"))
    }

    @Test func listChecks() {
        let text = KubeReach.execute(["audit", "--list-checks"])
        #expect(text.exitCode == 0)
        #expect(text.output.contains("POD-SEC-001"))
        #expect(KubeReach.execute(["audit", "-f", Self.clean, "-o", "md"]).exitCode == 2)
    }
}
