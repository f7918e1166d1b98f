import Testing
@testable import ReachModel

/// Selector semantics (networkpolicy.md rule 6, rbac.md rule 7; apimachinery labels.Selector).
@Suite struct LabelSelectorTests {
    typealias R = LabelSelector.Requirement

    @Test(arguments: [
        // (selector, labels, matches)
        (LabelSelector(), [:], true),
        (LabelSelector(), ["a": "b"], true),
        (LabelSelector(matchLabels: ["app": "web"]), ["app": "web", "x": "y"], true),
        (LabelSelector(matchLabels: ["app": "web"]), ["app": "db"], false),
        (LabelSelector(matchLabels: ["app": "web"]), [:], false),
        (LabelSelector(matchExpressions: [R(key: "t", op: .in, values: ["a", "b"])]), ["t": "b"], true),
        (LabelSelector(matchExpressions: [R(key: "t", op: .in, values: ["a"])]), [:], false),
        (LabelSelector(matchExpressions: [R(key: "t", op: .in, values: [])]), ["t": ""], false),
        (LabelSelector(matchExpressions: [R(key: "t", op: .notIn, values: ["a"])]), [:], true),
        (LabelSelector(matchExpressions: [R(key: "t", op: .notIn, values: ["a"])]), ["t": "a"], false),
        (LabelSelector(matchExpressions: [R(key: "t", op: .exists)]), ["t": ""], true),
        (LabelSelector(matchExpressions: [R(key: "t", op: .exists)]), [:], false),
        (LabelSelector(matchExpressions: [R(key: "t", op: .doesNotExist)]), [:], true),
        (LabelSelector(matchExpressions: [R(key: "t", op: .doesNotExist)]), ["t": "x"], false),
        (LabelSelector(matchLabels: ["a": "1"], matchExpressions: [R(key: "b", op: .exists)]), ["a": "1"], false),
        (LabelSelector(matchLabels: ["a": "1"], matchExpressions: [R(key: "b", op: .exists)]), ["a": "1", "b": "2"], true),
    ])
    func matching(selector: LabelSelector, labels: [String: String], expected: Bool) {
        #expect(selector.matches(labels) == expected)
    }
}

/// policyTypes defaulting exactly as the API server stores it (pkg/apis/networking/v1/defaults.go;
/// networkpolicy.md rule 3).
@Suite struct PolicyTypeDefaultingTests {
    static let meta = ObjectMeta(name: "p", namespace: "x", location: SourceLocation(file: "f", document: 1, line: 1))

    @Test func omittedWithoutEgressIsIngressOnly() {
        #expect(NetworkPolicy(meta: Self.meta).effectivePolicyTypes == [.ingress])
    }

    @Test func emptyEgressListStaysIngressOnly() {
        #expect(NetworkPolicy(meta: Self.meta, egress: []).effectivePolicyTypes == [.ingress])
    }

    @Test func nonEmptyEgressAddsEgress() {
        #expect(NetworkPolicy(meta: Self.meta, egress: [NetworkPolicyRule()]).effectivePolicyTypes == [.ingress, .egress])
    }

    @Test func explicitListIsUsedAsIs() {
        let p = NetworkPolicy(meta: Self.meta, policyTypes: [.egress], ingress: [NetworkPolicyRule()])
        #expect(p.effectivePolicyTypes == [.egress])
    }

    @Test func explicitEmptyListIsDefaulted() {
        #expect(NetworkPolicy(meta: Self.meta, policyTypes: [], egress: [NetworkPolicyRule()]).effectivePolicyTypes == [.ingress, .egress])
    }

    @Test func namespacesAlwaysCarryTheirNameLabel() {
        let ns = Namespace(meta: ObjectMeta(name: "prod", labels: ["env": "p"], location: Self.meta.location))
        #expect(ns.effectiveLabels == ["env": "p", "kubernetes.io/metadata.name": "prod"])
    }
}
