import RBACEngine

/// E9a — bind a ClusterRole in N.
///
/// Condition: `(create, rbac.authorization.k8s.io, rolebindings, "", N)` and
/// `(bind, rbac.authorization.k8s.io, clusterroles, name=R, N)`.
/// Target: `X+ClusterRole:R@N` (R's rules, valid only for requests in N).
public enum E9a: EscalationTechnique {
    public static let id = TechniqueID("E9a")
    public static let title = "bind a ClusterRole in N"
    public static let condition = """
        `(create, rbac.authorization.k8s.io, rolebindings, "", N)` and \
        `(bind, rbac.authorization.k8s.io, clusterroles, name=R, N)`
        """
    public static let targets = "`X+ClusterRole:R@N`"

    static let group = "rbac.authorization.k8s.io"

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        let index = context.table.index
        let roles = context.grantRoles(0..<index.clusterRoleCount, keeping: \.namespacedClusterRoles)
        for ns in context.candidates.namespaces {
            let create = AccessRequest.r("create", group, "rolebindings", ns: ns)
            let creators = context.allowed(create)
            guard !creators.isEmpty else { continue }
            // Every role name no rule lists shares the fresh-name answer: one source set for them all,
            // reduced once (GrantSubsumption).
            let freshBind = AccessRequest.r("bind", group, "clusterroles", name: AttackContext.freshName, ns: ns)
            let freshFrom = context.grantSources(creators.intersection(context.allowed(freshBind)), in: .namespace(ns))
                .subtracting(context.escalatedSources(covering: .namespace(ns)))
            let freshEmpty = freshFrom.isEmpty
            for (id, listed) in roles {
                if !listed && freshEmpty { continue }
                let role = index.roles[id]
                let bind = AccessRequest.r("bind", group, "clusterroles", name: role.ref.name, ns: ns)
                let from = listed
                    ? context.grantSources(creators.intersection(context.allowed(bind)), in: .namespace(ns))
                    .subtracting(context.escalatedSources(covering: .namespace(ns))) : freshFrom
                edges.addGrant(from: from, grant: .clusterRole(name: role.ref.name, scope: .namespace(ns)),
                                 requests: [create, bind], object: role.ref.description)
            }
        }
    }
}
