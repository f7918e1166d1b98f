import ReachModel

/// K8S-NS-001: declared namespaces enforce a Pod Security Standard.
struct PodSecurityAdmission: NamespaceCheck {
    let info = CheckInfo(
        id: "K8S-NS-001", severity: .medium, input: .manifests,
        title: "Namespace does not enforce a Pod Security Standard",
        rationale: "The `pod-security.kubernetes.io/enforce` label makes the API server reject privileged or host-access pods in the namespace; without it (or at `privileged`) nothing stops them.",
        remediation: "Label the namespace `pod-security.kubernetes.io/enforce: restricted` (or `baseline` where needed) and pin `enforce-version`.",
        recommendation: "Pod Security Admission labels on namespaces")

    var onlyWithWorkloads: Bool { false }

    func problem(_ ns: NamespaceScope.Entry, _ snapshot: ClusterSnapshot) -> String? {
        guard let object = ns.object else { return nil }  // labels unknown when the Namespace is not in the inputs
        let level = object.meta.labels["pod-security.kubernetes.io/enforce"]
        switch level {
        case "baseline", "restricted": return nil
        case nil: return "namespace \(ns.name) has no pod-security.kubernetes.io/enforce label"
        case let other?: return "namespace \(ns.name) enforces pod security level \(other)"
        }
    }
}
