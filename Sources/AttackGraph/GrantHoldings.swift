import ReachCore
import RBACEngine
import ReachModel

/// Decides ``AttackContext/alreadyHolding(_:among:)`` per distinct *role set* instead of per state
/// and request.
///
/// Within one scope a state's permissions are those of a set of roles (its bindings in scope and
/// its grant's role when the grant covers the scope, ``StateTable/heldRoles(of:in:)``), or all of
/// them. Whether it holds grant `G` depends only on that set, on `G`'s role and on whether the
/// scope is the cluster (only then do non-resource URLs count): rule matching ignores the
/// namespace, bindings only decide which roles apply. Many states share a role set (the
/// ServiceAccounts and users bound by the same bindings, every grant state of one base whose
/// grant does not cover the scope), so the answer is computed once per (role set, role, cluster
/// or namespace) and memoised for the whole build, and each state's role set is resolved once
/// per scope. The answers are those of ``StateTable/allows(_:_:)`` on the expanded requests:
/// `allows` is "masters, or a rule of a bound role in scope, or the grant in scope, allows it".
///
/// - Complexity: per state and scope one ``StateTable/heldRoles(of:in:)``; per distinct (role set,
///   granted role, scope kind) O(E × roles of the set × rules) for E expanded requests.
final class GrantHoldings {
    /// Per scope: state → interned role set (`-1`: holds everything in the scope).
    private var stateKeys: [Scope: [Int32: Int32]] = [:]
    private var setIDs: [[Int]: Int32] = [:]
    private var sets: [[Int]] = []
    /// `(set << 33) | ((role + 1) << 1) | cluster` → whether the set holds every expanded request.
    private var held: [UInt64: Bool] = [:]
    /// Per `(role + 1) << 1 | cluster` (role `-1`: `ALL`): the expanded requests, `nil` above the limit.
    private var expansions: [Int: [AccessRequest]?] = [:]
    /// The last candidate set grouped by role set (E9a asks for the same sources once per role).
    private var lastGrouping: (scope: Scope, candidates: BitSet, groups: [(set: Int32, members: BitSet)])?

    /// The members of `candidates` holding every request of role `role` (`-1`: everything) in
    /// `scope`, or `nil` when the role expands to more than `limit` requests.
    /// - Complexity: O(S / 64) to reuse the previous grouping of the same candidates, else
    ///   O(candidates) role-set lookups; then O(groups × S / 64) plus the memoised decisions.
    func holding(_ role: Int, in scope: Scope, among candidates: BitSet, table: StateTable, limit: Int) -> BitSet? {
        let cluster = scope == .cluster
        guard let requests = expansion(role, cluster: cluster, table: table, limit: limit) else { return nil }
        var out = BitSet(capacity: candidates.capacity)
        for (set, members) in grouping(candidates, in: scope, table: table)
        where set < 0 || holds(set, role: role, cluster: cluster, requests: requests, index: table.index) {
            out.formUnion(members)
        }
        return out
    }

    /// `candidates` split by role set in `scope` (ascending set IDs).
    private func grouping(_ candidates: BitSet, in scope: Scope, table: StateTable) -> [(set: Int32, members: BitSet)] {
        if let last = lastGrouping, last.scope == scope, last.candidates == candidates { return last.groups }
        var keys = stateKeys.removeValue(forKey: scope) ?? [:]
        var groups: [Int32: BitSet] = [:]
        candidates.forEachMember { s in
            let key: Int32
            if let hit = keys[Int32(s)] { key = hit } else {
                key = table.heldRoles(of: s, in: scope).map(intern) ?? -1
                keys[Int32(s)] = key
            }
            groups[key, default: BitSet(capacity: candidates.capacity)].insert(s)
        }
        stateKeys[scope] = keys
        let out = groups.sorted { $0.key < $1.key }.map { (set: $0.key, members: $0.value) }
        lastGrouping = (scope, candidates, out)
        return out
    }

    private func intern(_ roles: [Int]) -> Int32 {
        if let id = setIDs[roles] { return id }
        let id = Int32(sets.count)
        sets.append(roles)
        setIDs[roles] = id
        return id
    }

    /// Whether role set `set` allows every request of `requests` (role `role`'s expansion).
    private func holds(_ set: Int32, role: Int, cluster: Bool, requests: [AccessRequest], index: RBACIndex) -> Bool {
        let key = UInt64(set) << 33 | UInt64(role + 1) << 1 | (cluster ? 1 : 0)
        if let hit = held[key] { return hit }
        let roles = sets[Int(set)]
        let answer = requests.allSatisfy { r in roles.contains { index.roleAllows($0, r) } }
        held[key] = answer
        return answer
    }

    /// Role `role`'s rules as literal requests (``AttackContext/expandedRequests(_:)`` without a
    /// namespace, which rule matching ignores; non-resource URLs only for the cluster).
    private func expansion(_ role: Int, cluster: Bool, table: StateTable, limit: Int) -> [AccessRequest]? {
        let key = (role + 1) << 1 | (cluster ? 1 : 0)
        if let hit = expansions[key] { return hit }
        let out: [AccessRequest]?
        if role < 0 {
            out = AttackContext.everything(in: cluster ? .cluster : .namespace("")).map { r in
                var r = r
                r.namespace = ""
                return r
            }
        } else {
            out = AttackContext.expand(table.index.roles[role].rules.map(\.rule), namespace: "", urls: cluster, limit: limit)
        }
        expansions[key] = out
        return out
    }
}
