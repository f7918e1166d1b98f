import ReachModel

/// POD-SEC-002: no host network, PID or IPC namespace.
struct HostNamespaces: PodCheck {
    let info = CheckInfo(
        id: "POD-SEC-002", severity: .high, input: .manifests,
        title: "Pod shares host namespaces",
        rationale: "hostNetwork bypasses NetworkPolicies and sees node traffic; hostPID and hostIPC expose every process and shared memory on the node.",
        remediation: "Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them false); run node agents in a dedicated, restricted namespace.",
        recommendation: "Container security contexts: host namespaces")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        var shared: [String] = []
        if pod.spec.hostNetwork { shared.append("hostNetwork") }
        if pod.spec.hostPID { shared.append("hostPID") }
        if pod.spec.hostIPC { shared.append("hostIPC") }
        return shared.isEmpty ? nil : "\(shared.listText) set to true"
    }
}
