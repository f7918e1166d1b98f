import ReachModel

/// POD-SEC-003: no hostPath volumes.
struct HostPathVolumes: PodCheck {
    let info = CheckInfo(
        id: "POD-SEC-003", severity: .high, input: .manifests,
        title: "Pod mounts a hostPath volume",
        rationale: "hostPath mounts give the container the node's file system: kubelet credentials, container runtime sockets and other pods' data.",
        remediation: "Replace hostPath volumes with emptyDir, ConfigMap, Secret, CSI or persistent volumes.",
        recommendation: "Container security contexts: host paths")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let paths = pod.spec.volumes.flatMap { v in
            v.sources.compactMap { if case .hostPath(let path) = $0 { "\(v.name)=\(path)" } else { nil } }
        }
        return paths.isEmpty ? nil : "hostPath volume \(paths.listText)"
    }
}
