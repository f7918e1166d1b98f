import RBACEngine

/// E8a — replace a container image of pod `P`.
///
/// Condition: `(patch or update, "", pods, name=P, N)` (`spec.containers[*].image` is mutable);
/// token mounted.
/// Target: the SA of P.
public enum E8a: EscalationTechnique {
    public static let id = TechniqueID("E8a")
    public static let title = "replace a container image of pod `P`"
    public static let condition = "`(patch or update, \"\", pods, name=P, N)` (`spec.containers[*].image` is mutable); token mounted"
    public static let targets = "SA of P"

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        var shared = ObjectRequests()
        for pod in context.candidates.pods where pod.tokenMounted {
            let rs: [AccessRequest] = [.r("patch", "", "pods", name: pod.name, ns: pod.namespace),
                                       .r("update", "", "pods", name: pod.name, ns: pod.namespace)]
            let from = shared.anyAllowed(rs, name: pod.name, namespace: pod.namespace, in: context)
            edges.add(from: from, to: pod.serviceAccount, requests: rs,
                        object: "Pod/\(pod.namespace)/\(pod.name)")
        }
    }
}
