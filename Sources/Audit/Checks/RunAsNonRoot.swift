import ReachModel

/// POD-SEC-005: containers must not run as root.
struct RunAsNonRoot: PodCheck {
    let info = CheckInfo(
        id: "POD-SEC-005", severity: .medium, input: .manifests,
        title: "Container may run as root",
        rationale: "A container running as UID 0 turns any escape or writable host mount into root on the node.",
        remediation: "Set `securityContext.runAsNonRoot: true` (pod or container) and a non-zero `runAsUser`; build images with a non-root USER.",
        recommendation: "Container security contexts: runAsNonRoot")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let names = pod.containers { c in
            let user = pod.effective(c, \.runAsUser)
            if user == 0 { return true }
            return pod.effective(c, \.runAsNonRoot) != true && (user ?? 0) == 0
        }
        return names.isEmpty ? nil : "runAsNonRoot not true (or runAsUser 0) for container \(names.listText)"
    }
}
