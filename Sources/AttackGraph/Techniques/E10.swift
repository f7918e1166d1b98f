import ReachCore
import RBACEngine
import ReachModel

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
        var scope: Scope
        var sources: BitSet
        var requests: [AccessRequest]
        var object: String
    }

    /// What E10 needs of each binding, independent of the states (computed once per graph and
    /// shared by the fixed-point rounds): bindings of a non-aggregated role with subjects, in
    /// binding order, with the index of their (normalized) escalate request among `conditions`.
    struct Plan: Sendable {
        struct Entry: Sendable {
            var scope: Scope
            var condition: Int
            var subjects: [Int32]
            /// The subjects as a principal bitset when one of them is a group with member
            /// states (then the binding's states are found word-parallel), else `nil`.
            var groupSubjects: BitSet?
            /// `escalate`, `update`, `patch` on the bound role (the edge names its own role).
            var requests: [AccessRequest]
            var object: String
        }
        /// Distinct conditions: `escalate` and `update`/`patch` on one role name (unlisted names
        /// of one namespace share one, AttackContext.normalized).
        var conditions: [[AccessRequest]] = []
        var entries: [Entry] = []

        /// - Complexity: O(B × subjects) for B bindings.
        init(_ context: AttackContext) {
            let index = context.table.index, table = context.table
            var conditionIndex: [AccessRequest: Int] = [:]
            for binding in index.bindings {
                guard let roleID = binding.role, !binding.subjects.isEmpty else { continue }
                let role = index.roles[roleID].ref
                let isCluster = roleID < index.clusterRoleCount
                if isCluster, context.candidates.aggregatedClusterRoles.contains(role.name) { continue }
                let resource = isCluster ? "clusterroles" : "roles", ns = isCluster ? "" : (role.namespace ?? "")
                let escalate = AccessRequest.r("escalate", E9a.group, resource, name: role.name, ns: ns)
                let key = context.normalized(escalate)
                let requests = [escalate, .r("update", E9a.group, resource, name: role.name, ns: ns),
                                .r("patch", E9a.group, resource, name: role.name, ns: ns)]
                let condition: Int
                if let hit = conditionIndex[key] { condition = hit } else {
                    condition = conditions.count
                    conditionIndex[key] = condition
                    conditions.append(requests)
                }
                let groups = binding.subjects.contains(where: table.hasMembers)
                    ? BitSet(capacity: index.principals.count, members: binding.subjects.map(Int.init)) : nil
                entries.append(Entry(scope: binding.scope, condition: condition,
                                     subjects: binding.subjects, groupSubjects: groups, requests: requests,
                                     object: "\(binding.ref) → \(role)"))
            }
        }
    }

    /// The E10 edges of `context`'s states, one entry per binding that adds sources, in binding
    /// order. Every binding of one scope leads to the same `X+ALL@scope`, so a state keeps only
    /// the first binding's edge (the one a canonical path names: same rank, same target, first
    /// added). Reduced (GrantSubsumption.swift): no edge from a state holding everything in the
    /// scope, none from a grant state `X+G` whose base `X` has the edge, and none to `X+ALL@N`
    /// from a state with an edge to `X+ALL@*` (which holds everything `ALL@N` does;
    /// RoleDominance.swift's argument).
    /// - Complexity: O(B + Σ subjects' states) for B bindings of the plan, plus O(S / 64) per
    ///   binding naming a group with member states and per entry, and two cached
    ///   ``AttackContext/allowed(_:)`` per distinct condition.
    static func escalations(_ context: AttackContext) -> [Escalation] {
        let table = context.table, n = table.count
        let plan = context.escalationPlan
        var masks = [BitSet?](repeating: nil, count: plan.conditions.count)
        enum Members { case sparse([Int]), dense(BitSet) }
        var found: [(entry: Int, members: Members)] = []
        var any: [Scope: BitSet] = [:]
        for (i, entry) in plan.entries.enumerated() {
            let mask: BitSet
            if let hit = masks[entry.condition] { mask = hit } else {
                let rs = plan.conditions[entry.condition]
                mask = context.allowed(rs[0]).intersection(context.anyAllowed(Array(rs.dropFirst())))
                masks[entry.condition] = mask
            }
            if mask.isEmpty { continue }
            var seen = any.removeValue(forKey: entry.scope) ?? BitSet(capacity: n)
            if let groups = entry.groupSubjects {
                let members = table.states(ofPrincipals: groups).intersection(mask)
                guard !members.isEmpty else { any[entry.scope] = seen; continue }
                seen.formUnion(members)
                found.append((i, .dense(members)))
            } else {
                let members = table.states(withPrincipals: entry.subjects, in: mask)
                guard !members.isEmpty else { any[entry.scope] = seen; continue }
                for m in members { seen.insert(m) }
                found.append((i, .sparse(members)))
            }
            any[entry.scope] = seen
        }
        var out: [Escalation] = []
        var covered: [Scope: BitSet] = [:]
        var admins: [Scope: BitSet] = [:]
        // ClusterRoleBindings come first in the index, so every `ALL@*` source is known before any `ALL@N`.
        for f in found {
            let entry = plan.entries[f.entry], scope = entry.scope
            var from: BitSet
            if context.reduceSelfGrants {
                let all = admins[scope] ?? context.holdingEverything(in: scope)
                admins[scope] = all
                let done = covered[scope], wide = scope == .cluster ? nil : covered[.cluster], raw = any[scope]
                func redundantGrant(_ m: Int) -> Bool {
                    guard table.hasGrant(m), let b = table.baseID(of: m) else { return false }
                    return raw?.contains(b) == true
                }
                switch f.members {
                case .sparse(let members):
                    from = BitSet(capacity: n)
                    for m in members {
                        if all.contains(m) || done?.contains(m) == true || wide?.contains(m) == true { continue }
                        if redundantGrant(m) { continue }
                        from.insert(m)
                    }
                case .dense(let members):
                    from = members
                    from.subtract(all)
                    if let done { from.subtract(done) }
                    if let wide { from.subtract(wide) }
                    var keep = from
                    from.forEachMember { if redundantGrant($0) { keep.remove($0) } }
                    from = keep
                }
                if from.isEmpty { continue }
                covered[scope, default: BitSet(capacity: n)].formUnion(from)
            } else {
                switch f.members {
                case .sparse(let members): from = BitSet(capacity: n, members: members)
                case .dense(let members): from = members
                }
            }
            out.append(Escalation(scope: scope, sources: from, requests: entry.requests, object: entry.object))
        }
        return out
    }

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        for e in context.escalations {
            edges.addGrant(from: e.sources, grant: .all(scope: e.scope), requests: e.requests, object: e.object)
        }
    }
}
