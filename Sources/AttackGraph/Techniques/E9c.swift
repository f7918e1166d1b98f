import RBACEngine

/// E9c — bind a ClusterRole cluster-wide.
///
/// Condition: `(create, rbac.authorization.k8s.io, clusterrolebindings, "", "")` and
/// `(bind, rbac.authorization.k8s.io, clusterroles, name=R, "")`.
/// Target: `X+ClusterRole:R@*`.
public enum E9c: EscalationTechnique {
    public static let id = TechniqueID("E9c")
    public static let title = "bind a ClusterRole cluster-wide"
    public static let condition = """
        `(create, rbac.authorization.k8s.io, clusterrolebindings, "", "")` and \
        `(bind, rbac.authorization.k8s.io, clusterroles, name=R, "")`
        """
    public static let targets = "`X+ClusterRole:R@*`"

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        let index = context.table.index
        let create = AccessRequest.r("create", E9a.group, "clusterrolebindings")
        let creators = context.allowed(create)
        guard !creators.isEmpty else { return }
        let freshBind = AccessRequest.r("bind", E9a.group, "clusterroles", name: AttackContext.freshName)
        let freshFrom = context.grantSources(creators.intersection(context.allowed(freshBind)), in: .cluster)
                .subtracting(context.escalatedSources(covering: .cluster))
        let freshEmpty = freshFrom.isEmpty
        for (id, listed) in context.grantRoles(0..<index.clusterRoleCount, keeping: \.clusterClusterRoles) {
            if !listed && freshEmpty { continue }
            let role = index.roles[id]
            let bind = AccessRequest.r("bind", E9a.group, "clusterroles", name: role.ref.name)
            let from = listed ? context.grantSources(creators.intersection(context.allowed(bind)), in: .cluster)
                    .subtracting(context.escalatedSources(covering: .cluster)) : freshFrom
            edges.addGrant(from: from, grant: .clusterRole(name: role.ref.name, scope: .cluster),
                             requests: [create, bind], object: role.ref.description)
        }
    }
}
