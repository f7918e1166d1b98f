import RBACEngine

/// E1 — create pods.
///
/// Condition: `(create, "", pods, "", N)`.
/// Target: every `ServiceAccount:N/*` (`spec.serviceAccountName`). The attacker writes the pod
/// spec, so the token is mounted whatever the ServiceAccount says.
public enum E1: EscalationTechnique {
    public static let id = TechniqueID("E1")
    public static let title = "create pods"
    public static let condition = "`(create, \"\", pods, \"\", N)`"
    public static let targets = "every `ServiceAccount:N/*` (`spec.serviceAccountName`)"

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        for (ns, sas) in context.candidates.serviceAccountsByNamespace.sorted(by: { $0.key < $1.key }) {
            let r = AccessRequest.r("create", "", "pods", ns: ns)
            let from = context.allowed(r)
            edges.add(from: from, to: sas, requests: [r])
        }
    }
}
