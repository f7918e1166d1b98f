@testable import Audit
import Foundation
import ReachKit
import ReachModel
import ReachTestSupport
import Testing

/// Unit tests of the pieces checks share: image references, pod subjects, suppression, ordering.
@Suite struct CheckLogicTests {
    @Test(arguments: [
        ("nginx", "docker.io", "nginx", nil, nil),
        ("library/nginx:1.27", "docker.io", "library/nginx", "1.27", nil),
        ("contoso.azurecr.io/shop/web:1.4.2", "contoso.azurecr.io", "shop/web", "1.4.2", nil),
        ("localhost:5000/app", "localhost:5000", "app", nil, nil),
        ("MCR.microsoft.com/oss/nginx@sha256:abc", "mcr.microsoft.com", "oss/nginx", nil, "sha256:abc"),
        ("ghcr.io/org/img:v1@sha256:def", "ghcr.io", "org/img", "v1", "sha256:def"),
    ] as [(String, String, String, String?, String?)])
    func imageReferences(_ text: String, _ registry: String, _ repository: String, _ tag: String?, _ digest: String?) {
        let ref = ImageReference(text)
        #expect(ref.registry == registry)
        #expect(ref.repository == repository)
        #expect(ref.tag == tag)
        #expect(ref.digest == digest)
    }

    @Test func trustedRegistryPatterns() {
        let defaults = AuditOptions.defaultTrustedRegistries
        #expect(ImageReference("contoso.azurecr.io/a:1").isTrusted(by: defaults))
        #expect(ImageReference("mcr.microsoft.com/a:1").isTrusted(by: defaults))
        #expect(!ImageReference("azurecr.io.evil.com/a:1").isTrusted(by: defaults))
        #expect(!ImageReference("evilazurecr.io/a:1").isTrusted(by: defaults))
        #expect(!ImageReference("nginx:1").isTrusted(by: defaults))
        #expect(ImageReference("nginx:1").isTrusted(by: ["docker.io"]))
    }

    static func snapshot(_ yaml: String) -> ClusterSnapshot {
        Analyzer.load(sources: [(name: "t.yaml", text: yaml)]).snapshot
    }

    @Test func podsOwnedByAuditedWorkloadsAreNotCountedTwice() {
        let s = Self.snapshot("""
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: web-1, namespace: a}
        spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: x}]}}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web-1-abc, namespace: a, ownerReferences: [{kind: ReplicaSet, name: web-1, apiVersion: apps/v1, uid: u}]}
        spec: {containers: [{name: c, image: x}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: lonely, namespace: a}
        spec: {containers: [{name: c, image: x}]}
        """)
        #expect(PodSubject.all(s).map(\.subject) == ["Pod/a/lonely", "ReplicaSet/a/web-1"])
    }

    @Test func podLevelSecurityContextIsInherited() throws {
        let s = Self.snapshot("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: a}
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          containers:
          - {name: ok, image: x}
          - {name: root, image: x, securityContext: {runAsUser: 0}}
        """)
        let pod = try #require(PodSubject.all(s).first)
        #expect(RunAsNonRoot().problem(pod, AuditOptions()) == "runAsNonRoot not true (or runAsUser 0) for container root")
        #expect(SeccompProfile().problem(pod, AuditOptions()) == nil)
    }

    @Test func systemNamespacesAreOutOfScopeForNamespaceChecks() {
        let s = Self.snapshot("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: kube-system}
        spec: {containers: [{name: c, image: x}]}
        """)
        let report = AuditEngine.run(AuditContext(snapshot: s, cluster: nil))
        #expect(!report.findings.contains { $0.checkID.hasPrefix("K8S-") })
        #expect(report.findings.contains { $0.checkID == "POD-SEC-005" })
    }

    @Test func findingsAreSortedBySeverityThenID() {
        let (context, _) = AuditFixtures.context("AKS-IAM-005", "positive")
        let report = AuditEngine.run(AuditContext(snapshot: Self.snapshot("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: default}
        spec: {hostNetwork: true, containers: [{name: c, image: nginx}]}
        """), cluster: context.cluster))
        #expect(report.findings == report.findings.sorted())
        #expect(report.findings.first?.severity == .high)
        #expect(report.findings.last?.severity == .low)
    }
}
