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

    /// One binding's share of the E10 edges: the states that escalate through it and have no
    /// earlier binding of the same scope doing so.
    struct Escalation {
        var scope: GrantScope
        var sources: BitSet
        var requests: [AccessRequest]
        var object: String
    }

    /// The E10 edges of `context`'s states, one entry per binding that adds sources, in binding
    /// order. Every binding of one scope leads to the same `X+ALL@scope`, so a state keeps only
    /// the first binding's edge (the one a canonical path names: same rank, same target, first
    /// added). Reduced: GrantSubsumption's source reduction, and a state with an `ALL@*` edge gets
    /// no `ALL@N` edge (`ALL@*` holds everything `ALL@N` does; RoleDominance.swift's argument).
    /// - Complexity: O(B × (S / 64 + subjects' states)) for B bindings and S states, plus two
    ///   cached ``AttackContext/allowed(_:)`` per bound role.
    static func escalations(_ context: AttackContext) -> [Escalation] {
        let index = context.table.index
        var out: [Escalation] = []
        var covered: [GrantScope: BitSet] = [:]
        // ClusterRoleBindings come first in the index, so `ALL@*` sources are known before any `ALL@N`.
        for binding in index.bindings {
            guard let roleID = binding.role else { continue }
            let role = index.roles[roleID].ref
            let isCluster = roleID < index.clusterRoleCount
            if isCluster, context.candidates.aggregatedClusterRoles.contains(role.name) { continue }
            let resource = isCluster ? "clusterroles" : "roles", ns = isCluster ? "" : (role.namespace ?? "")
            let escalate = AccessRequest.r("escalate", E9a.group, resource, name: role.name, ns: ns)
            let writes: [AccessRequest] = [.r("update", E9a.group, resource, name: role.name, ns: ns),
                                           .r("patch", E9a.group, resource, name: role.name, ns: ns)]
            let able = context.allowed(escalate).intersection(context.anyAllowed(writes))
            guard !binding.subjects.isEmpty, !able.isEmpty else { continue }
            var from = context.table.states(withPrincipals: binding.subjects)
            from.formIntersection(able)
            let scope: GrantScope = binding.namespace.map { .namespace($0) } ?? .cluster
            from = context.grantSources(from, in: scope)
            if context.reduceSelfGrants {
                if let done = covered[scope] { from.subtract(done) }
                if scope != .cluster, let wide = covered[.cluster] { from.subtract(wide) }
            }
            guard !from.isEmpty else { continue }
            covered[scope, default: BitSet(capacity: context.table.count)].formUnion(from)
            out.append(Escalation(scope: scope, sources: from, requests: [escalate] + writes, object: "\(binding.ref) → \(role)"))
        }
        return out
    }

    public static func addEdges(_ context: AttackContext) {
        for e in context.escalations {
            context.addGrant(from: e.sources, grant: .all(scope: e.scope), requests: e.requests, object: e.object)
        }
    }
}
