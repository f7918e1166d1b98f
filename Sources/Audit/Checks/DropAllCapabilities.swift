import ReachModel

/// POD-SEC-008: containers drop ALL capabilities.
struct DropAllCapabilities: PodCheck {
    let info = CheckInfo(
        id: "POD-SEC-008", severity: .low, input: .manifests,
        title: "Container does not drop all capabilities",
        rationale: "The runtime's default set (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID, …) is more than most applications need; NET_RAW alone allows ARP and DNS spoofing.",
        remediation: "Set `securityContext.capabilities.drop: [ALL]` and add back only what is needed.",
        recommendation: "Container security contexts: capabilities")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let names = pod.containers { c in
            !(c.securityContext?.capabilitiesDrop ?? []).contains { AddedCapabilities.normalized($0) == "ALL" }
        }
        return names.isEmpty ? nil : "capabilities.drop lacks ALL in container \(names.listText)"
    }
}
