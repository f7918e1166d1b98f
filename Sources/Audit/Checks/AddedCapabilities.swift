import ReachModel

/// POD-SEC-007: no capabilities added beyond NET_BIND_SERVICE.
struct AddedCapabilities: PodCheck {
    let info = CheckInfo(
        id: "POD-SEC-007", severity: .high, input: .manifests,
        title: "Container adds Linux capabilities",
        rationale: "Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or ALL give kernel-level powers that enable container escape or node network tampering.",
        remediation: "Remove `capabilities.add` entries other than NET_BIND_SERVICE; redesign what needs them.",
        recommendation: "Container security contexts: capabilities")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let added = pod.spec.containers.flatMap { c in
            (c.securityContext?.capabilitiesAdd ?? []).filter { Self.normalized($0) != "NET_BIND_SERVICE" }.map { "\(c.name):\($0)" }
        }
        return added.isEmpty ? nil : "capabilities added: \(added.listText)"
    }

    static func normalized(_ capability: String) -> String {
        let upper = capability.uppercased()
        return upper.hasPrefix("CAP_") ? String(upper.dropFirst(4)) : upper
    }
}
