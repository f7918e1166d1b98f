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
    /// added). Reduced (GrantSubsumption.swift): no edge from a state holding everything in the
    /// scope, none from a grant state `X+G` whose base `X` has the edge, and none to `X+ALL@N`
    /// from a state with an edge to `X+ALL@*` (which holds everything `ALL@N` does;
    /// RoleDominance.swift's argument).
    /// - Complexity: O(B + Σ subjects' states) for B bindings, plus O(S / 64) per binding that
    ///   names a group with members and per entry, and two cached ``AttackContext/allowed(_:)``
    ///   per distinct bound role.
    static func escalations(_ context: AttackContext) -> [Escalation] {
        let index = context.table.index, table = context.table, n = table.count
        var able: [AccessRequest: BitSet] = [:]
        var found: [(scope: GrantScope, members: [Int], requests: [AccessRequest], object: String)] = []
        var any: [GrantScope: BitSet] = [:]
        for binding in index.bindings {
            guard let roleID = binding.role, !binding.subjects.isEmpty else { continue }
            let role = index.roles[roleID].ref
            let isCluster = roleID < index.clusterRoleCount
            if isCluster, context.candidates.aggregatedClusterRoles.contains(role.name) { continue }
            let resource = isCluster ? "clusterroles" : "roles", ns = isCluster ? "" : (role.namespace ?? "")
            let escalate = AccessRequest.r("escalate", E9a.group, resource, name: role.name, ns: ns)
            let writes: [AccessRequest] = [.r("update", E9a.group, resource, name: role.name, ns: ns),
                                           .r("patch", E9a.group, resource, name: role.name, ns: ns)]
            // Unlisted role names of one namespace share one answer (AttackContext.normalized).
            let key = context.normalized(escalate)
            let mask: BitSet
            if let hit = able[key] { mask = hit } else {
                mask = context.allowed(escalate).intersection(context.anyAllowed(writes))
                able[key] = mask
            }
            if mask.isEmpty { continue }
            let members = table.states(withPrincipals: binding.subjects, in: mask)
            guard !members.isEmpty else { continue }
            let scope: GrantScope = binding.namespace.map { .namespace($0) } ?? .cluster
            var seen = any.removeValue(forKey: scope) ?? BitSet(capacity: n)
            for m in members { seen.insert(m) }
            any[scope] = seen
            found.append((scope, members, [escalate] + writes, "\(binding.ref) → \(role)"))
        }
        var out: [Escalation] = []
        var covered: [GrantScope: BitSet] = [:]
        var admins: [GrantScope: BitSet] = [:]
        // ClusterRoleBindings come first in the index, so every `ALL@*` source is known before any `ALL@N`.
        for f in found {
            var from = BitSet(capacity: n)
            if context.reduceSelfGrants {
                let all = admins[f.scope] ?? context.holdingEverything(in: f.scope)
                admins[f.scope] = all
                let done = covered[f.scope], wide = f.scope == .cluster ? nil : covered[.cluster], raw = any[f.scope]
                for m in f.members {
                    if all.contains(m) || done?.contains(m) == true || wide?.contains(m) == true { continue }
                    if table.hasGrant(m), let b = table.baseID(of: m), raw?.contains(b) == true { continue }
                    from.insert(m)
                }
                if from.isEmpty { continue }
                covered[f.scope, default: BitSet(capacity: n)].formUnion(from)
            } else {
                for m in f.members { from.insert(m) }
            }
            out.append(Escalation(scope: f.scope, sources: from, requests: f.requests, object: f.object))
        }
        return out
    }

    public static func addEdges(_ context: AttackContext) {
        for e in context.escalations {
            context.addGrant(from: e.sources, grant: .all(scope: e.scope), requests: e.requests, object: e.object)
        }
    }
}
