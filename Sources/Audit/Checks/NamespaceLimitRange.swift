import ReachModel

/// K8S-NS-003: every namespace with workloads has a LimitRange.
struct NamespaceLimitRange: NamespaceCheck {
    let info = CheckInfo(
        id: "K8S-NS-003", severity: .low, input: .manifests,
        title: "Namespace has no LimitRange",
        rationale: "A LimitRange gives containers that declare no requests or limits sane defaults, so they are scheduled fairly and cannot grow without bound.",
        remediation: "Add a LimitRange with `type: Container` default requests and limits to the namespace.",
        recommendation: "LimitRange per namespace")

    func problem(_ ns: NamespaceScope.Entry, _ snapshot: ClusterSnapshot) -> String? {
        snapshot.limitRanges.contains { $0.meta.namespace == ns.name } ? nil : "no LimitRange in namespace \(ns.name)"
    }
}
