import Foundation
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// YAML 1.1 as Kubernetes reads it (sigs.k8s.io/yaml → go-yaml v2 → JSON): merge keys and
/// integer forms. Each expectation is documented in docs/yaml-1.1.md with its upstream source.
@Suite struct YAML11Tests {
    static func policyPort(_ value: String, json: Bool = false) -> (PortValue?, [Diagnostic]) {
        let text = json
            ? """
            {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "p", "namespace": "x"},
             "spec": {"podSelector": {}, "ingress": [{"ports": [{"port": \(value)}]}]}}
            """
            : """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: x}
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: \(value)
            """
        let s = load(text, name: json ? "p.json" : "p.yaml")
        return (s.networkPolicies.first?.ingress?.first?.ports?.first?.port, s.errors)
    }

    /// Before: `0x50` read as a named port, `0120` as 120, `1e2` as a named port.
    @Test(arguments: [
        ("80", 80), ("0x50", 80), ("0X50", 80), ("0120", 80), ("0o120", 80), ("0b1010000", 80), ("+80", 80),
        ("1_000", 1000), ("8_0", 80), ("1e2", 100), ("1E2", 100), ("1.0e2", 100), ("80.0", 80), ("08", 8),
    ])
    func yamlIntegerForms(text: String, expected: Int) {
        let (port, errors) = Self.policyPort(text)
        #expect(port == .number(expected), "\(text): \(errors)")
        #expect(errors.isEmpty)
    }

    @Test(arguments: [
        ("1.5", "expected an integer or a string, found a number"),
        (".inf", "expected an integer or a string, found a number"),
        ("yes", "expected an integer or a string, found a boolean"),
        ("'80'", "'80' is not a valid port name"),                 // quoted digits: a name without a letter
        ("-0x50", "port -80 out of range"),
    ])
    func yamlNonIntegers(text: String, message: String) {
        let (port, errors) = Self.policyPort(text)
        #expect(port == nil)
        #expect(errors.contains { $0.message.contains(message) }, "\(text): \(errors)")
    }

    @Test func quotedNamesStayNames() {
        #expect(Self.policyPort("\"http\"").0 == .name("http"))
        #expect(Self.policyPort("http").0 == .name("http"))
        // Quoted "0x50" is a string: a named port, and a valid IANA_SVC_NAME (it has a letter).
        #expect(Self.policyPort("\"0x50\"").0 == .name("0x50"))
    }

    /// JSON documents are JSON: only `-?(0|[1-9][0-9]*)` is an integer.
    @Test func jsonNumbersAreJSON() {
        #expect(Self.policyPort("80", json: true).0 == .number(80))
        #expect(Self.policyPort("\"http\"", json: true).0 == .name("http"))
        #expect(Self.policyPort("1e2", json: true).0 == nil)     // Go's encoding/json: not an int32
        #expect(Self.policyPort("80.0", json: true).0 == nil)
    }

    @Test func containerPortAndOtherIntegers() {
        let s = load("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: x}
        spec:
          securityContext: {runAsUser: 0o1750}
          containers: [{name: c, ports: [{containerPort: 0x1F90}]}]
        """)
        #expect(s.errors.isEmpty, "\(s.errors)")
        #expect(s.pods.first?.spec.containers.first?.ports.first?.containerPort == 8080)
        #expect(s.pods.first?.spec.securityContext?.runAsUser == 1000)
    }

    // MARK: merge keys

    /// Before: `<<` was kept as a literal key, so the policy lost its podSelector and isolated every pod.
    @Test func mergeKeyGivesThePolicyItsSelector() throws {
        let s = load(try String(contentsOfFile: TestPaths.fixture("invalid/merge-keys.yaml"), encoding: .utf8))
        #expect(s.errors.isEmpty, "\(s.errors)")
        let p = try #require(s.networkPolicies.first)
        #expect(p.podSelector.matchLabels == ["app": "web"])
        #expect(p.policyTypes == [.ingress])
    }

    @Test func mergeListPrecedence() throws {
        let s = load("""
        apiVersion: v1
        kind: Pod
        x0: [&a {app: first, tier: merged}, &b {app: second, role: db}]
        metadata:
          name: p
          namespace: x
          labels:
            <<: [*a, *b]
            tier: explicit
        spec: {containers: [{name: c}]}
        """)
        #expect(s.errors.isEmpty, "\(s.errors)")
        let labels = try #require(s.pods.first?.meta.labels)
        // Earlier maps in the list win over later ones; explicit keys after `<<` win over merged ones.
        #expect(labels == ["app": "first", "role": "db", "tier": "explicit"])
    }

    /// go-yaml v2 applies `<<` in document order: an explicit key before it is replaced (warned).
    @Test func explicitKeyBeforeMergeIsReplacedWithAWarning() throws {
        let s = load("""
        apiVersion: v1
        kind: Pod
        x0: &a {app: merged}
        metadata:
          name: p
          namespace: x
          labels:
            app: explicit
            <<: *a
        spec: {containers: [{name: c}]}
        """)
        #expect(s.pods.first?.meta.labels == ["app": "merged"])
        #expect(s.warnings.contains { $0.message.contains("key 'app' is replaced by the '<<' merge") && $0.location?.line == 8 })
    }

    @Test func quotedMergeKeyIsAnOrdinaryKeyAndBadMergeValuesAreErrors() {
        let quoted = load("apiVersion: v1\nkind: Namespace\nmetadata: {name: n, labels: {\"<<\": x}}\n")
        #expect(quoted.namespaces.first?.meta.labels == ["<<": "x"])
        let bad = load("apiVersion: v1\nkind: Namespace\nmetadata: {name: n, labels: {<<: [x]}}\n")
        #expect(bad.errors.contains { $0.message.contains("map merge requires map or sequence of maps") })
        // go-yaml merges `<<: *map` and `<<: [*a, *b]`, but not an alias to a list of maps.
        let aliasedList = load("apiVersion: v1\nkind: Namespace\nx: &l [{a: b}]\nmetadata: {name: n, labels: {<<: *l}}\n")
        #expect(aliasedList.errors.contains { $0.message.contains("map merge requires map or sequence of maps") })
    }
}
