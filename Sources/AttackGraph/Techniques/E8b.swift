import RBACEngine

/// E8b — add an ephemeral container to `P`.
///
/// Condition: `(patch or update, "", pods/ephemeralcontainers, name=P, N)`; token mounted.
/// Target: the SA of P.
public enum E8b: EscalationTechnique {
    public static let id = TechniqueID("E8b")
    public static let title = "add an ephemeral container to `P`"
    public static let condition = "`(patch or update, \"\", pods/ephemeralcontainers, name=P, N)`; token mounted"
    public static let targets = "SA of P"

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        var shared = ObjectRequests()
        for pod in context.candidates.pods where pod.tokenMounted {
            let rs: [AccessRequest] = [
                .r("patch", "", "pods", sub: "ephemeralcontainers", name: pod.name, ns: pod.namespace),
                .r("update", "", "pods", sub: "ephemeralcontainers", name: pod.name, ns: pod.namespace),
            ]
            let from = shared.anyAllowed(rs, name: pod.name, namespace: pod.namespace, in: context)
            edges.add(from: from, to: pod.serviceAccount, requests: rs,
                        object: "Pod/\(pod.namespace)/\(pod.name)")
        }
    }
}
