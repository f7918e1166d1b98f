import ReachCore
import RBACEngine
import ReachModel

/// Self-grant dominance among roles that share one source set: E9 adds no edge `X → X+G` when
/// the same technique, from the same sources, also reaches `X+G'` whose role holds every
/// permission `G`'s role holds (`G ⊆ G'` within the scope), unless `G` and `G'` are equivalent and
/// `G` comes first in role order (the first of equivalent roles is kept).
///
/// Why this is exact: `X+G` and `X+G'` have the same base and scope, and the permissions of
/// `X+G` are a subset of those of `X+G'`. Every technique's condition is monotone in the state's
/// permissions and its targets depend only on the base identity (GrantSubsumption.swift), so
/// every edge out of `X+G` also leaves `X+G'` (or leads to `X+G'` itself), and `X+G` holds a goal
/// only if `X+G'` does: `dist(X+G') ≤ dist(X+G)`. Every source with the edge to `X+G` has the edge
/// to `X+G'` (same source set, and a source already holding `G'` already holds `G` too), so no
/// distance changes. What can change is *which* of several equally short grant states a canonical
/// path names: the kept, larger role (the set of minimal paths through `X+G'` is not empty).
///
/// The groups are the roles whose E9 source sets are equal by construction: ClusterRoles that
/// no rule lists by name share the fresh-name `bind` answer per namespace (E9a) and cluster-wide
/// (E9c); unlisted Roles of one namespace share it for E9b. Listed roles keep their own source
/// sets and are never dropped.
///
/// `G ⊆ G'` is decided like ``AttackContext/alreadyHolding(_:among:)``: `G`'s rules expanded to
/// literal requests (`*` stays `*`, no `resourceNames` → a fresh name) must each be allowed by a
/// rule of `G'` (``RBACEngine/RBACIndex/rolesAllowing(_:)``). A role above
/// ``AttackContext/subsumptionLimit`` expanded requests is never dropped (safe).
///
/// Effect on issue 6's generated world: every namespace's binders may bind any of 5,000
/// ClusterRoles; about 5 % of them hold `*` on `*`, so one grant state per binder and namespace
/// replaces thousands.
struct RoleDominance: Sendable {
    /// Role IDs (into ``RBACEngine/RBACIndex/roles``) an E9a fresh-name group keeps (ClusterRoles
    /// compared within a namespace: resource requests only).
    let namespacedClusterRoles: BitSet
    /// Role IDs an E9c fresh-name group keeps (ClusterRoles compared cluster-wide: non-resource
    /// URLs count).
    let clusterClusterRoles: BitSet
    /// Role IDs an E9b fresh-name group keeps (Roles compared with the Roles of their namespace).
    let roles: BitSet

    /// - Complexity: O(Σ expanded requests of the groups' roles + distinct requests × R / 64 +
    ///   Σ |dominators| ) for R rules; the per-request role sets are computed once.
    init(context: AttackContext) {
        let index = context.table.index
        let names = context.table.mentionedNames
        var cache: [AccessRequest: BitSet] = [:]
        // A rule matches a request whatever its namespace (bindings place rules, RuleMatching
        // ignores the namespace), so the Roles of every namespace share one answer per request.
        func rolesAllowing(_ request: AccessRequest) -> BitSet {
            var r = request
            r.namespace = ""
            if let hit = cache[r] { return hit }
            let set = index.rolesAllowing(r)
            cache[r] = set
            return set
        }
        let unlistedClusterRoles = (0..<index.clusterRoleCount).filter { !names.contains(index.roles[$0].ref.name) }
        // A namespace name no object uses: a ClusterRole's rules match the same whatever the namespace.
        let anyNamespace = Scope.namespace("\u{1}kube-reach-namespace")
        func keep(_ group: [Int], expanded: (Int) -> [AccessRequest]?) -> [Int] {
            Self.maximal(group, roleCount: index.roles.count, rolesAllowing: rolesAllowing,
                         roleAllows: index.roleAllows, expanded: expanded)
        }
        // A ClusterRole's cluster-wide expansion is its namespaced one plus its non-resource URLs
        // (rule matching ignores the namespace): expanded once, filtered for the namespaced group.
        var clusterExpansion: [Int: [AccessRequest]?] = [:]
        for id in unlistedClusterRoles {
            clusterExpansion[id] = context.expandedRequests(.clusterRole(name: index.roles[id].ref.name, scope: .cluster))
        }
        namespacedClusterRoles = BitSet(capacity: index.roles.count, members: keep(unlistedClusterRoles) { id in
            if let all = clusterExpansion[id] ?? nil { return all.filter(\.isResourceRequest) }
            // Over the limit cluster-wide; the resource requests alone may not be.
            return context.expandedRequests(.clusterRole(name: index.roles[id].ref.name, scope: anyNamespace))
        })
        clusterClusterRoles = BitSet(capacity: index.roles.count, members: keep(unlistedClusterRoles) { clusterExpansion[$0] ?? nil })
        var byNamespace: [String: [Int]] = [:]
        for id in index.clusterRoleCount..<index.roles.count where !names.contains(index.roles[id].ref.name) {
            byNamespace[index.roles[id].ref.namespace ?? "", default: []].append(id)
        }
        var kept = BitSet(capacity: index.roles.count)
        for (_, group) in byNamespace {
            for id in keep(group, expanded: {
                context.expandedRequests(.role(namespace: index.roles[$0].ref.namespace ?? "", name: index.roles[$0].ref.name))
            }) {
                kept.insert(id)
            }
        }
        roles = kept
    }

    /// Below this many candidate supersets, ``maximal(_:roleCount:rolesAllowing:roleAllows:expanded:)``
    /// checks each candidate's rules directly instead of asking for every role allowing a request
    /// (a rule-index query whose answer grows with the rules, cached but mostly used once).
    static let directCheckLimit = 32

    /// The members of `group` (role IDs, ascending) that no other member dominates: for each
    /// maximal class of equivalent roles, its first member. `rolesAllowing(r)` is every role
    /// allowing `r`; `roleAllows(id, r)` must agree with it for role `id`.
    /// - Complexity: O(Σ expanded requests × (cached lookup + R / 64) while more than
    ///   ``directCheckLimit`` candidates remain, O(candidates × rules) per request after) +
    ///   O(Σ dominators), for R roles.
    static func maximal(_ group: [Int], roleCount: Int, rolesAllowing: (AccessRequest) -> BitSet,
                        roleAllows: (Int, AccessRequest) -> Bool, expanded: (Int) -> [AccessRequest]?) -> [Int] {
        let members = BitSet(capacity: roleCount, members: group)
        // supersets[i]: the members holding every permission of group[i] (itself included).
        var supersets: [Int: BitSet] = [:]
        for role in group {
            guard let requests = expanded(role) else {
                supersets[role] = BitSet(capacity: roleCount, members: [role])
                continue
            }
            var s = members
            var candidates: [Int]? = nil
            for r in requests {
                if var list = candidates {
                    list.removeAll { !roleAllows($0, r) }
                    candidates = list
                    if list.count <= 1 { break }
                    continue
                }
                s.formIntersection(rolesAllowing(r))
                let count = s.count
                if count <= 1 { break }
                if count <= Self.directCheckLimit { candidates = s.members }
            }
            if let candidates { s = BitSet(capacity: roleCount, members: candidates) }
            s.insert(role)
            supersets[role] = s
        }
        return group.filter { role in
            var dominated = false
            supersets[role]?.forEachMember { other in
                guard !dominated, other != role else { return }
                // `other` ⊇ `role`: strictly larger, or equivalent and earlier.
                if other < role || !(supersets[other]?.contains(role) ?? false) { dominated = true }
            }
            return !dominated
        }
    }
}
