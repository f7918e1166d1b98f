import ReachModel

/// K8S-NS-004: no workloads in the `default` namespace.
struct DefaultNamespaceWorkloads: AuditCheck {
    let info = CheckInfo(
        id: "K8S-NS-004", severity: .low, input: .manifests,
        title: "Workload runs in the default namespace",
        rationale: "The `default` namespace usually has no NetworkPolicies, quotas or Pod Security labels, and whatever lands there shares them with every unscoped `kubectl apply`.",
        remediation: "Move the workload to a dedicated namespace with its own policies (set `metadata.namespace`).",
        recommendation: "Workloads in `default`")

    func evaluate(_ context: AuditContext) -> [Finding] {
        context.podSubjects.filter { $0.namespace == "default" }.map { pod in
            let how = pod.meta.namespaceDefaulted ? " (no metadata.namespace; defaulted)" : ""
            return finding(pod.subject, "runs in namespace default\(how)", at: [pod.location], annotations: pod.annotations)
        }
    }
}
