import ReachModel

/// K8S-NET-001: every namespace with workloads has a NetworkPolicy.
struct NamespaceNetworkPolicy: NamespaceCheck {
    let info = CheckInfo(
        id: "K8S-NET-001", severity: .medium, input: .manifests,
        title: "Namespace has no NetworkPolicy",
        rationale: "Pods not selected by any NetworkPolicy accept traffic from every pod in the cluster and can reach anything, so one compromised pod reaches them all.",
        remediation: "Add NetworkPolicies to the namespace, starting with a default-deny policy and explicit allows.",
        recommendation: "Every namespace has a NetworkPolicy")

    func problem(_ ns: NamespaceScope.Entry, _ snapshot: ClusterSnapshot) -> String? {
        snapshot.networkPolicies.contains { $0.meta.namespace == ns.name } ? nil : "no NetworkPolicy in namespace \(ns.name)"
    }
}
