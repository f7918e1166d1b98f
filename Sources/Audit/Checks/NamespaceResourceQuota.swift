import ReachModel

/// K8S-NS-002: every namespace with workloads has a ResourceQuota.
struct NamespaceResourceQuota: NamespaceCheck {
    let info = CheckInfo(
        id: "K8S-NS-002", severity: .low, input: .manifests,
        title: "Namespace has no ResourceQuota",
        rationale: "Without a quota one namespace (or one compromised deployment) can exhaust the cluster's CPU, memory or object counts and starve the others.",
        remediation: "Add a ResourceQuota with `requests.cpu`, `requests.memory`, `limits.*` and `pods` to the namespace.",
        recommendation: "ResourceQuota per namespace")

    func problem(_ ns: NamespaceScope.Entry, _ snapshot: ClusterSnapshot) -> String? {
        snapshot.resourceQuotas.contains { $0.meta.namespace == ns.name } ? nil : "no ResourceQuota in namespace \(ns.name)"
    }
}
