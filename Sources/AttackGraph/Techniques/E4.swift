import RBACEngine

/// E4 — TokenRequest.
///
/// Condition: `(create, "", serviceaccounts/token, name=a, ns=N)`.
/// Target: `ServiceAccount:N/a`.
public enum E4: EscalationTechnique {
    public static let id = TechniqueID("E4")
    public static let title = "TokenRequest"
    public static let condition = "`(create, \"\", serviceaccounts/token, name=a, ns=N)`"
    public static let targets = "`ServiceAccount:N/a`"

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        for sa in context.candidates.serviceAccounts {
            guard case .serviceAccount(let ns, let name) = sa else { continue }
            let r = AccessRequest.r("create", "", "serviceaccounts", sub: "token", name: name, ns: ns)
            edges.add(from: context.allowed(r), to: sa, requests: [r])
        }
    }
}
