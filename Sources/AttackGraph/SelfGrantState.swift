import ReachCore
import RBACEngine
import ReachModel

/// What only the self-granting techniques (E9a/b/c, E10) keep while the graph is built: the role
/// dominance groups, E10's per-binding plan and edges, and the per-scope sources E9 leaves out.
/// One per context (``AttackContext/selfGrants``); the plan and the dominance carry over to the
/// next fixed-point round.
final class SelfGrantState {
    /// The roles E9's fresh-name groups keep (RoleDominance.swift); `nil` keeps every role.
    var dominance: RoleDominance?
    /// E10's per-binding plan, computed once per graph.
    var plan: E10.Plan?
    /// E10's edges of this round, computed once (E9 consults them).
    var escalations: [E10.Escalation]?
    var escalatedCache: [Scope: BitSet] = [:]
    /// The self-grant subsumption's memoised answers (GrantHoldings.swift); they hold for every
    /// round (state IDs and their permissions do not change as the table grows).
    let holdings: GrantHoldings

    init(dominance: RoleDominance? = nil, plan: E10.Plan? = nil, holdings: GrantHoldings = GrantHoldings()) {
        self.dominance = dominance
        self.plan = plan
        self.holdings = holdings
    }
}

extension AttackContext {
    /// The roles E9's fresh-name groups keep (RoleDominance.swift); `nil` keeps every role.
    var dominance: RoleDominance? {
        get { selfGrants.dominance }
        set { selfGrants.dominance = newValue }
    }

    /// E10's per-binding plan, computed once per graph (carried over by ``init(extending:adding:)``).
    /// - Complexity: see ``E10/Plan/init(_:)`` on the first call, O(1) after.
    var escalationPlan: E10.Plan {
        if let hit = selfGrants.plan { return hit }
        let plan = E10.Plan(self)
        selfGrants.plan = plan
        return plan
    }

    /// E10's edges of this round, computed once (E9 consults them, see ``escalatedSources(covering:)``).
    /// - Complexity: see ``E10/escalations(_:)`` on the first call, O(1) after.
    var escalations: [E10.Escalation] {
        if let hit = selfGrants.escalations { return hit }
        let out = E10.escalations(self)
        selfGrants.escalations = out
        return out
    }

    /// The states with an E10 edge to `X+ALL@*` or to `X+ALL@scope`: their E9 edges to grants of
    /// `scope` are left out (`ALL` holds everything such a grant does; RoleDominance.swift's
    /// argument). Empty when not reducing.
    /// - Complexity: O(E10 entries × S / 64) on the first call per scope, O(1) after.
    func escalatedSources(covering scope: Scope) -> BitSet {
        if let hit = selfGrants.escalatedCache[scope] { return hit }
        var out = BitSet(capacity: table.count)
        if reduceSelfGrants {
            for e in escalations where e.scope == .cluster || e.scope == scope { out.formUnion(e.sources) }
        }
        selfGrants.escalatedCache[scope] = out
        return out
    }

    /// The roles among `ids` (ascending) E9 may add grant edges to: the listed ones and, of the
    /// unlisted ones (one fresh-name group), those the dominance set `keep` keeps.
    /// - Complexity: O(ids.count), once per technique and round (not per namespace).
    func grantRoles(_ ids: Range<Int>, keeping keep: KeyPath<RoleDominance, BitSet>) -> [(id: Int, listed: Bool)] {
        let listed = table.listedRoles
        guard let dominance else { return ids.map { ($0, listed[$0]) } }
        let kept = dominance[keyPath: keep]
        return ids.compactMap { listed[$0] || kept.contains($0) ? ($0, listed[$0]) : nil }
    }

    /// `sources` without the grant states `X+G1` whose base `X` is in `sources`, for E9/E10 source
    /// sets (the condition holds for every member). `X+G1 → X+G2` is then redundant: only E9/E10
    /// lead to `X+…` states, from states of the same base, so every path into `X+G1` passes
    /// through `X`, and `X → X+G2` is a shorter way to the same state; such an edge is never on a
    /// minimal path from an identity (it is dropped from minimal paths from `X+G1` itself, which
    /// no query starts from). It keeps grant-to-grant edges from growing with the square of the
    /// grants per identity.
    /// - Complexity: O(S / 64 + members of `sources`).
    public func withoutRedundantGrantStates(_ sources: BitSet) -> BitSet {
        var out = sources
        let table = self.table
        sources.forEachMember { s in
            if table.hasGrant(s), let base = table.baseID(of: s), sources.contains(base) { out.remove(s) }
        }
        return out
    }
}
