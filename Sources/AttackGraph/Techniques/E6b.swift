import RBACEngine

/// E6b — patch/update an existing pod controller `W`.
///
/// Condition: `(patch or update, G, R, name=W, N)` for the kinds of E6a **except** `(batch, jobs)`
/// (a Job's pod template is immutable); the template, including `serviceAccountName`, is mutable
/// and new pods roll out (ReplicaSet/RC: raise `spec.replicas` in the same patch).
/// Target: every `ServiceAccount:N/*`.
public enum E6b: EscalationTechnique {
    public static let id = TechniqueID("E6b")
    public static let title = "patch/update an existing pod controller `W`"
    public static let condition = """
        `(patch or update, G, R, name=W, N)` for the kinds above **except** `(batch, jobs)` (a Job's pod \
        template is immutable); the template, including `serviceAccountName`, is mutable and new pods roll out \
        (ReplicaSet/RC: raise `spec.replicas` in the same patch)
        """
    public static let targets = "every `ServiceAccount:N/*`"

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        for w in context.candidates.controllers where w.kind != .job {
            guard let (group, resource) = ControllerKinds.kind(of: w.kind), let ns = w.namespace,
                  context.candidates.serviceAccountsByNamespace[ns] != nil else { continue }
            let rs: [AccessRequest] = [.r("patch", group, resource, name: w.name, ns: ns),
                                       .r("update", group, resource, name: w.name, ns: ns)]
            let from = context.anyAllowed(rs)
            edges.add(from: from, toStates: context.serviceAccountStates(in: ns), requests: rs, object: w.ref.description)
        }
    }
}
