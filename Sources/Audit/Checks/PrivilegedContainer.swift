import ReachModel

/// POD-SEC-001: no privileged containers.
struct PrivilegedContainer: PodCheck {
    let info = CheckInfo(
        id: "POD-SEC-001", severity: .high, input: .manifests,
        title: "Privileged container",
        rationale: "A privileged container has every capability and all host devices: escaping to the node is trivial.",
        remediation: "Remove `securityContext.privileged: true`; grant only the specific capability the container needs.",
        recommendation: "Container security contexts: privileged")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let names = pod.containers { $0.securityContext?.privileged == true }
        return names.isEmpty ? nil : "privileged: true in container \(names.listText)"
    }
}
