import ReachModel

/// POD-RES-001: containers declare resource requests and limits.
struct ResourceRequestsLimits: PodCheck {
    let info = CheckInfo(
        id: "POD-RES-001", severity: .low, input: .manifests,
        title: "Container without resource requests or limits",
        rationale: "Without requests the scheduler overcommits nodes; without limits one container can starve its neighbours (a cheap denial of service).",
        remediation: "Set `resources.requests` (cpu, memory) and `resources.limits` (at least memory) on every container, or a namespace LimitRange.",
        recommendation: "Resource requests/limits")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let items = pod.spec.containers.compactMap { c -> String? in
            switch (c.hasResourceRequests, c.hasResourceLimits) {
            case (true, true): nil
            case (false, false): "\(c.name) (requests, limits)"
            case (false, true): "\(c.name) (requests)"
            case (true, false): "\(c.name) (limits)"
            }
        }
        return items.isEmpty ? nil : "missing resources in container \(items.listText)"
    }
}
