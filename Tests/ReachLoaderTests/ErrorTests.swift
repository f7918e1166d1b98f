import Foundation
import ReachLoader
import ReachModel
import Testing

/// Bad input: located diagnostics, the rest still loads, never a crash.
@Suite struct ErrorTests {
    @Test func syntaxErrorInOneDocumentDoesNotAbortTheOthers() throws {
        let s = load("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: first}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: [broken
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: third}
        """, name: "f.yaml")
        #expect(s.namespaces.map(\.name) == ["first", "third"])
        let error = try #require(s.errors.first)
        #expect(error.id == DiagnosticID.syntax)
        #expect(error.location?.document == 2)
        #expect(error.location?.file == "f.yaml")
        #expect((error.location?.line ?? 0) >= 7)
        #expect(error.description.hasPrefix("f.yaml#2:"))
    }

    @Test func wrongTypeIsLocatedWithItsFieldPathAndDropsOnlyThatObject() throws {
        let s = load("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: bad, namespace: x}
        spec:
          podSelector: {}
          ingress:
          - ports:
            - port: [1]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: good, namespace: x}
        spec:
          podSelector: {}
        """, name: "np.yaml")
        #expect(s.networkPolicies.map(\.name) == ["good"])
        let error = try #require(s.errors.first)
        #expect(error.description == "np.yaml#1:8:13: spec.ingress[0].ports[0].port: expected an integer or a string, found a list")
        #expect(s.warnings.contains { $0.id == DiagnosticID.objectSkipped })
    }

    @Test(arguments: [
        ("port: 0", "port 0 out of range 1-65535"),
        ("port: 70000", "port 70000 out of range 1-65535"),
        ("{port: 80, endPort: 79}", "endPort 79 must be ≥ port 80 and ≤ 65535"),
        ("{port: http, endPort: 90}", "endPort may not be set with a named port"),
        ("{protocol: ICMP, port: 1}", "unsupported protocol 'ICMP' (TCP, UDP, SCTP)"),
        ("{port: Not_A_Name}", "is not a valid port name"),
    ])
    func invalidPolicyPorts(entry: String, message: String) {
        let text = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: x}
        spec:
          podSelector: {}
          ingress:
          - ports:
            - \(entry.hasPrefix("{") ? entry : "{\(entry)}")
        """
        let s = load(text)
        #expect(s.networkPolicies.isEmpty)
        #expect(s.errors.contains { $0.message.contains(message) && $0.location?.line == 8 }, "\(s.errors)")
    }

    @Test(arguments: [
        ("{ipBlock: {cidr: 10.0.0.0/33}}", "invalid CIDR"),
        ("{ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/16]}}", "strict subset"),
        ("{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}", "may not specify both"),
        ("{}", "must specify a peer"),
        ("{podSelector: {matchExpressions: [{key: a, operator: Like}]}}", "not a valid selector operator"),
    ])
    func invalidPeers(peer: String, message: String) {
        let s = load("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: x}
        spec:
          podSelector: {}
          egress:
          - to:
            - \(peer)
        """)
        #expect(s.networkPolicies.isEmpty)
        #expect(s.errors.contains { $0.message.contains(message) }, "\(s.errors)")
    }

    @Test func missingRequiredFields() {
        let s = load("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: rb, namespace: x}
        subjects: [{kind: User, name: u}]
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {namespace: x}
        ---
        kind: Namespace
        metadata: {name: noversion}
        ---
        apiVersion: v1
        metadata: {name: nokind}
        """)
        #expect(s.allObjects.isEmpty)
        let paths = s.errors.compactMap(\.path)
        #expect(paths == ["roleRef", "metadata.name", "apiVersion", "kind"])
    }

    @Test func duplicateObjectsWarnAndTheLastWins() {
        let s = load("""
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: sa, namespace: x}
        automountServiceAccountToken: true
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: sa, namespace: x}
        automountServiceAccountToken: false
        """)
        #expect(s.serviceAccounts.count == 1)
        #expect(s.serviceAccounts.first?.automountServiceAccountToken == false)
        #expect(s.warnings.map(\.id) == [DiagnosticID.duplicate])
    }

    /// Go's YAML decoding (sigs.k8s.io/yaml, non-strict) keeps the last duplicate; kubectl's strict
    /// mode only warns. Same here: a located warning, the last value wins.
    @Test func duplicateMappingKeysWarnAndTheLastWins() {
        let s = load("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: first\n  name: second\n")
        #expect(s.namespaces.map(\.name) == ["second"])
        #expect(s.warnings.first?.id == DiagnosticID.syntax)
        #expect(s.warnings.first?.location?.line == 5)
        #expect(s.errors.isEmpty)
    }

    @Test func unquotedNumberInAStringFieldWarnsButLoads() {
        let s = load("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels: {version: 1.0}\n")
        #expect(s.namespaces.first?.meta.labels["version"] == "1.0")
        #expect(s.errors.isEmpty)
    }

    @Test func wrongTypeInBoolFieldIsAnError() {
        let s = load("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a, namespace: b}\nautomountServiceAccountToken: maybe\n")
        #expect(s.serviceAccounts.isEmpty)
        #expect(s.errors.first?.path == "automountServiceAccountToken")
    }

    @Test func missingFileIsAnError() {
        let s = ManifestLoader().load(paths: ["/nonexistent/kube-reach/x.yaml"])
        #expect(s.errors.first?.id == DiagnosticID.unreadable)
    }

    @Test func filesOverTheSizeLimitAreRefused() throws {
        let dir = FileManagerHelpers.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/big.yaml"
        try String(repeating: "# padding\n", count: 200).write(toFile: path, atomically: true, encoding: .utf8)
        let s = ManifestLoader(options: LoadOptions(maxFileBytes: 100)).load(paths: [path])
        #expect(s.errors.first?.id == DiagnosticID.tooLarge)
    }
}
