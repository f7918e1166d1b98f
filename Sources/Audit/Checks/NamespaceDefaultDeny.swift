import ReachModel

/// K8S-NET-002: every namespace with workloads has a default-deny ingress policy.
struct NamespaceDefaultDeny: NamespaceCheck {
    let info = CheckInfo(
        id: "K8S-NET-002", severity: .medium, input: .manifests,
        title: "Namespace has no default-deny ingress NetworkPolicy",
        rationale: "Without a policy that selects every pod and allows nothing, new pods start open to the whole cluster until someone writes a policy for them.",
        remediation: "Add `podSelector: {}` with `policyTypes: [Ingress]` and no ingress rules (add Egress too for egress control), then allow what is needed.",
        recommendation: "Every namespace has a default-deny NetworkPolicy")

    /// Selects every pod, applies to ingress, allows nothing.
    static func isDefaultDenyIngress(_ p: NetworkPolicy) -> Bool {
        p.podSelector.matchLabels.isEmpty && p.podSelector.matchExpressions.isEmpty
            && p.effectivePolicyTypes.contains(.ingress) && (p.ingress ?? []).isEmpty
    }

    func problem(_ ns: NamespaceScope.Entry, _ snapshot: ClusterSnapshot) -> String? {
        let policies = snapshot.networkPolicies.filter { $0.meta.namespace == ns.name }
        if policies.contains(where: Self.isDefaultDenyIngress) { return nil }
        return "no default-deny ingress policy in namespace \(ns.name) (\(policies.count) other polic\(policies.count == 1 ? "y" : "ies"))"
    }
}
