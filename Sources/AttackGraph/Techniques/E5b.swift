import RBACEngine

/// E5b — impersonate a user.
///
/// Condition: `(impersonate, "", users, name=u, ns="")`.
/// Target: `User:u` (the impersonation filter adds `system:authenticated`).
public enum E5b: EscalationTechnique {
    public static let id = TechniqueID("E5b")
    public static let title = "impersonate a user"
    public static let condition = "`(impersonate, \"\", users, name=u, ns=\"\")`"
    public static let targets = "`User:u` (the impersonation filter adds `system:authenticated`)"

    static func request(_ user: String) -> AccessRequest { .r("impersonate", "", "users", name: user) }

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        for user in context.candidates.users {
            guard case .user(let u) = user else { continue }
            let r = request(u)
            edges.add(from: context.allowed(r), to: user, requests: [r])
        }
    }
}
