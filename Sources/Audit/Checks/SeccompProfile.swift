import ReachModel

/// POD-SEC-010: a seccomp profile is set.
struct SeccompProfile: PodCheck {
    let info = CheckInfo(
        id: "POD-SEC-010", severity: .medium, input: .manifests,
        title: "Container runs without a seccomp profile",
        rationale: "Without seccomp (Unconfined, or unset on older nodes) every system call is available, including those used by kernel exploits.",
        remediation: "Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (or Localhost with a tuned profile).",
        recommendation: "Container security contexts: seccomp")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let names = pod.containers { c in
            let type = pod.effective(c, \.seccompProfileType)
            return type != "RuntimeDefault" && type != "Localhost"
        }
        return names.isEmpty ? nil : "seccompProfile not RuntimeDefault or Localhost for container \(names.listText)"
    }
}
