import ReachModel

/// POD-SEC-009: read-only root file systems.
struct ReadOnlyRootFilesystem: PodCheck {
    let info = CheckInfo(
        id: "POD-SEC-009", severity: .low, input: .manifests,
        title: "Container root file system is writable",
        rationale: "A writable root file system lets an attacker drop tools and modify binaries inside the container.",
        remediation: "Set `securityContext.readOnlyRootFilesystem: true`; mount emptyDir volumes where the application writes.",
        recommendation: "Container security contexts: readOnlyRootFilesystem")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let names = pod.containers { $0.securityContext?.readOnlyRootFilesystem != true }
        return names.isEmpty ? nil : "readOnlyRootFilesystem not true in container \(names.listText)"
    }
}
