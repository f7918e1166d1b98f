import RBACEngine

/// E7 — exec / attach into a running pod `P`.
///
/// Condition: `(create, "", pods/exec, name=P, N)` or `(create, "", pods/attach, name=P, N)`;
/// token mounted.
/// Target: the SA of P.
public enum E7: EscalationTechnique {
    public static let id = TechniqueID("E7")
    public static let title = "exec / attach into a running pod `P`"
    public static let condition = "`(create, \"\", pods/exec, name=P, N)` or `(create, \"\", pods/attach, name=P, N)`; token mounted"
    public static let targets = "SA of P"

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        var shared = ObjectRequests()
        for pod in context.candidates.pods where pod.tokenMounted {
            let rs: [AccessRequest] = [.r("create", "", "pods", sub: "exec", name: pod.name, ns: pod.namespace),
                                       .r("create", "", "pods", sub: "attach", name: pod.name, ns: pod.namespace)]
            let from = shared.anyAllowed(rs, name: pod.name, namespace: pod.namespace, in: context)
            edges.add(from: from, to: pod.serviceAccount, requests: rs,
                        object: "Pod/\(pod.namespace)/\(pod.name)")
        }
    }
}
