import ReachCore
import RBACEngine

/// E10 — escalate a role already bound to oneself.
///
/// Condition: a binding of role R applies to X, and `(escalate, rbac.authorization.k8s.io, roles or
/// clusterroles, name=R, ns of the Role or "")` and `(update or patch, same)`; R is not an
/// aggregated ClusterRole (the aggregation controller rewrites those rules).
/// Target: `X+ALL@scope`, scope = N for a RoleBinding, `*` for a ClusterRoleBinding.
public enum E10: EscalationTechnique {
    public static let id = TechniqueID("E10")
    public static let title = "escalate a role already bound to oneself"
    public static let condition = """
        a binding of role R applies to X, and `(escalate, rbac.authorization.k8s.io, roles or clusterroles, name=R, \
        ns of the Role or "")` and `(update or patch, same)`; R is not an aggregated ClusterRole (the aggregation \
        controller rewrites those rules)
        """
    public static let targets = "`X+ALL@scope`, scope = N for a RoleBinding, `*` for a ClusterRoleBinding"

    public static func addEdges(_ context: AttackContext) {
        let index = context.table.index
        for binding in index.bindings {
            guard let roleID = binding.role else { continue }
            let role = index.roles[roleID].ref
            let isCluster = roleID < index.clusterRoleCount
            if isCluster, context.candidates.aggregatedClusterRoles.contains(role.name) { continue }
            let resource = isCluster ? "clusterroles" : "roles", ns = isCluster ? "" : (role.namespace ?? "")
            let escalate = AccessRequest.r("escalate", E9a.group, resource, name: role.name, ns: ns)
            let writes: [AccessRequest] = [.r("update", E9a.group, resource, name: role.name, ns: ns),
                                           .r("patch", E9a.group, resource, name: role.name, ns: ns)]
            var from = BitSet(capacity: context.table.count)
            for p in binding.subjects {
                for s in context.table.states(withPrincipal: Int(p)) { from.insert(Int(s)) }
            }
            guard !from.isEmpty else { continue }
            from.formIntersection(context.allowed(escalate))
            from.formIntersection(context.anyAllowed(writes))
            let scope: GrantScope = binding.namespace.map { .namespace($0) } ?? .cluster
            context.addGrant(from: context.grantSources(from, in: scope), grant: .all(scope: scope),
                             requests: [escalate] + writes, object: "\(binding.ref) → \(role)")
        }
    }
}
