import ReachModel

/// POD-SEC-004: no host ports.
struct HostPorts: PodCheck {
    let info = CheckInfo(
        id: "POD-SEC-004", severity: .medium, input: .manifests,
        title: "Container binds a host port",
        rationale: "hostPort opens the port on the node's address, outside Services and NetworkPolicies, and pins the pod to nodes where the port is free.",
        remediation: "Remove `hostPort`; expose the container through a Service.",
        recommendation: "Container security contexts: host ports")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let ports = pod.spec.containers.flatMap { c in
            c.ports.compactMap { p in p.hostPort.flatMap { $0 > 0 ? "\(c.name):\($0)" : nil } }
        }
        return ports.isEmpty ? nil : "hostPort \(ports.listText)"
    }
}
