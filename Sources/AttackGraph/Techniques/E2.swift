import RBACEngine

/// E2 — read a legacy SA token Secret.
///
/// Condition: a Secret `S` in N with `type: kubernetes.io/service-account-token` and annotation
/// `kubernetes.io/service-account.name: a` (a existing), and one of `(get, "", secrets, name=S, N)`,
/// `(list, "", secrets, "", N)`, `(watch, "", secrets, "", N)`.
/// Target: `ServiceAccount:N/a`.
public enum E2: EscalationTechnique {
    public static let id = TechniqueID("E2")
    public static let title = "read a legacy SA token Secret"
    public static let condition = """
        a Secret `S` in N with `type: kubernetes.io/service-account-token` and annotation \
        `kubernetes.io/service-account.name: a` (a existing), and one of `(get, "", secrets, name=S, N)`, \
        `(list, "", secrets, "", N)`, `(watch, "", secrets, "", N)`
        """
    public static let targets = "`ServiceAccount:N/a`"

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        for secret in context.candidates.tokenSecrets {
            let rs: [AccessRequest] = [.r("get", "", "secrets", name: secret.name, ns: secret.namespace),
                                       .r("list", "", "secrets", ns: secret.namespace),
                                       .r("watch", "", "secrets", ns: secret.namespace)]
            edges.add(from: context.anyAllowed(rs), to: secret.serviceAccount, requests: rs,
                        object: "Secret/\(secret.namespace)/\(secret.name)")
        }
    }
}
