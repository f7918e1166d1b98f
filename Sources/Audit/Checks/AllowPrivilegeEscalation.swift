import ReachModel

/// POD-SEC-006: allowPrivilegeEscalation is false.
struct AllowPrivilegeEscalation: PodCheck {
    let info = CheckInfo(
        id: "POD-SEC-006", severity: .medium, input: .manifests,
        title: "Container allows privilege escalation",
        rationale: "Unless allowPrivilegeEscalation is false, setuid binaries and file capabilities in the image can raise a process's privileges.",
        remediation: "Set `securityContext.allowPrivilegeEscalation: false` on every container.",
        recommendation: "Container security contexts: allowPrivilegeEscalation")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let names = pod.containers { $0.securityContext?.allowPrivilegeEscalation != false }
        return names.isEmpty ? nil : "allowPrivilegeEscalation not false in container \(names.listText)"
    }
}
