import RBACEngine

/// E5a — impersonate a ServiceAccount.
///
/// Condition: `(impersonate, "", serviceaccounts, name=a, ns=N)`.
/// Target: `ServiceAccount:N/a` (SA groups are added when no groups are impersonated).
public enum E5a: EscalationTechnique {
    public static let id = TechniqueID("E5a")
    public static let title = "impersonate a ServiceAccount"
    public static let condition = "`(impersonate, \"\", serviceaccounts, name=a, ns=N)`"
    public static let targets = "`ServiceAccount:N/a` (SA groups are added when no groups are impersonated)"

    /// The request for impersonating `sa`.
    static func request(_ sa: Principal) -> AccessRequest? {
        guard case .serviceAccount(let ns, let name) = sa else { return nil }
        return .r("impersonate", "", "serviceaccounts", name: name, ns: ns)
    }

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        for sa in context.candidates.serviceAccounts {
            guard let r = request(sa) else { continue }
            edges.add(from: context.allowed(r), to: sa, requests: [r])
        }
    }
}
