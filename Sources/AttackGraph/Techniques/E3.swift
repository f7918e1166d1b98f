import RBACEngine

/// E3 — mint a legacy token Secret.
///
/// Condition: `(create, "", secrets, "", N)` and (`(get, "", secrets, name=<fresh>, N)` or
/// `(list, "", secrets, "", N)`); the token controller fills any Secret of that type annotated with
/// an existing SA.
/// Target: every `ServiceAccount:N/*`.
public enum E3: EscalationTechnique {
    public static let id = TechniqueID("E3")
    public static let title = "mint a legacy token Secret"
    public static let condition = """
        `(create, "", secrets, "", N)` and (`(get, "", secrets, name=<fresh>, N)` or `(list, "", secrets, "", N)`); \
        the token controller fills any Secret of that type annotated with an existing SA
        """
    public static let targets = "every `ServiceAccount:N/*`"

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        for (ns, sas) in context.candidates.serviceAccountsByNamespace.sorted(by: { $0.key < $1.key }) {
            let create = AccessRequest.r("create", "", "secrets", ns: ns)
            let reads: [AccessRequest] = [.r("get", "", "secrets", name: AttackContext.freshName, ns: ns),
                                          .r("list", "", "secrets", ns: ns)]
            let from = context.allowed(create).intersection(context.anyAllowed(reads))
            edges.add(from: from, to: sas, requests: [create] + reads)
        }
    }
}
