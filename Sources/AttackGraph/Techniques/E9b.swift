import ReachCore
import RBACEngine

/// E9b — bind a Role in N.
///
/// Condition: `(create, rbac.authorization.k8s.io, rolebindings, "", N)` and
/// `(bind, rbac.authorization.k8s.io, roles, name=R, N)`, Role N/R exists.
/// Target: `X+Role:N/R@N`.
public enum E9b: EscalationTechnique {
    public static let id = TechniqueID("E9b")
    public static let title = "bind a Role in N"
    public static let condition = """
        `(create, rbac.authorization.k8s.io, rolebindings, "", N)` and \
        `(bind, rbac.authorization.k8s.io, roles, name=R, N)`, Role N/R exists
        """
    public static let targets = "`X+Role:N/R@N`"

    /// The source set depends only on the namespace and the normalized `bind` request, so the Roles
    /// of a namespace that no rule names share one (computed once per namespace, not per Role).
    /// - Complexity: O(distinct (namespace, bind answer) × (S / 64 + members)) plus per Role
    ///   ``EdgeSink/addGrant(from:grant:requests:object:)``.
    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        let index = context.table.index
        var shared: [AccessRequest: BitSet] = [:]
        for (id, _) in context.grantRoles(index.clusterRoleCount..<index.roles.count, keeping: \.roles) {
            let role = index.roles[id]
            guard let ns = role.ref.namespace else { continue }
            let create = AccessRequest.r("create", E9a.group, "rolebindings", ns: ns)
            let bind = AccessRequest.r("bind", E9a.group, "roles", name: role.ref.name, ns: ns)
            let key = context.normalized(bind)
            let from: BitSet
            if let hit = shared[key] { from = hit } else {
                from = context.grantSources(context.allowed(create).intersection(context.allowed(bind)),
                                            in: .namespace(ns))
                    .subtracting(context.escalatedSources(covering: .namespace(ns)))
                shared[key] = from
            }
            edges.addGrant(from: from, grant: .role(namespace: ns, name: role.ref.name), requests: [create, bind],
                             object: role.ref.description)
        }
    }
}
