import RBACEngine

/// E6a — create a pod controller.
///
/// Condition: `(create, G, R, "", N)` for `(apps, deployments)`, `(apps, daemonsets)`,
/// `(apps, statefulsets)`, `(apps, replicasets)`, `(batch, jobs)`, `(batch, cronjobs)`,
/// `("", replicationcontrollers)`.
/// Target: every `ServiceAccount:N/*`.
public enum E6a: EscalationTechnique {
    public static let id = TechniqueID("E6a")
    public static let title = "create a pod controller"
    public static let condition = """
        `(create, G, R, "", N)` for `(apps, deployments)`, `(apps, daemonsets)`, `(apps, statefulsets)`, \
        `(apps, replicasets)`, `(batch, jobs)`, `(batch, cronjobs)`, `("", replicationcontrollers)`
        """
    public static let targets = "every `ServiceAccount:N/*`"

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        for ns in context.candidates.serviceAccountsByNamespace.keys.sorted() {
            let rs = ControllerKinds.all.map { AccessRequest.r("create", $0.apiGroup, $0.resource, ns: ns) }
            let from = context.anyAllowed(rs)
            edges.add(from: from, toStates: context.serviceAccountStates(in: ns), requests: rs)
        }
    }
}
