@testable import AttackGraph
import RBACEngine
import ReachCore
import ReachModel
import Testing

/// ``GrantHoldings`` (the self-grant subsumption, GrantSubsumption.swift) decides "does state X
/// already hold every permission of grant G in scope" per role set instead of per state and
/// request. Its premise is RBAC's own evaluation (escalation.md "Path semantics": a state's
/// permissions are its identity's RBAC permissions, or its grant's rules within the grant's scope;
/// upstream `rbac.go` `VisitRulesFor` walks the ClusterRoleBindings, then the RoleBindings of the
/// request's namespace, and a request is allowed when a rule of a bound role matches). These
/// tests check the premise and the answers against the direct per-state check
/// ``StateTable/allows(_:_:)`` on the seeded random clusters of the minimality tests.
@Suite struct GrantHoldingsTests {
    static let seeds: [UInt64] = Array(1...30)
    static let scopes: [Scope] = [.cluster] + RandomWorld.namespaces.map { .namespace($0) }

    /// Every role's rules as literal requests of `scope` (the vocabulary the subsumption asks about).
    static func requests(_ table: StateTable, in scope: Scope) -> [AccessRequest] {
        let ns: String
        switch scope {
        case .cluster: ns = ""
        case .namespace(let n): ns = n
        }
        var out = AttackContext.everything(in: scope)
        for role in table.index.roles {
            out += AttackContext.expand(role.rules.map(\.rule), namespace: ns, urls: scope == .cluster, limit: 100_000) ?? []
        }
        return out
    }

    /// `heldRoles(of:in:)`: `allows(s, r)` is exactly "no role set (holds everything), or a rule
    /// of one of its roles allows `r`", for every state and every request of the scope.
    @Test(arguments: seeds) func heldRolesDecideAllows(seed: UInt64) {
        let table = RandomWorld.graph(RandomWorld(seed: seed).yaml).table
        for scope in Self.scopes {
            let requests = Self.requests(table, in: scope)
            for s in 0..<table.count {
                let roles = table.heldRoles(of: s, in: scope)
                for r in requests {
                    let byRoles = roles.map { $0.contains { table.index.roleAllows($0, r) } } ?? true
                    #expect(table.allows(s, r) == byRoles, "seed \(seed) \(table[s]) \(scope) \(r)")
                }
            }
        }
    }

    /// `holding(_:in:among:table:limit:)` returns exactly the candidates allowed every expanded
    /// request of the role (brute force per state), for every role, `ALL`, scope and candidate set
    /// (all states, then every other state, so the grouping cache is exercised both ways).
    @Test(arguments: seeds) func holdingMatchesDirectChecks(seed: UInt64) {
        let table = RandomWorld.graph(RandomWorld(seed: seed).yaml).table
        let holdings = GrantHoldings()
        let all = BitSet(capacity: table.count, members: 0..<table.count)
        let even = BitSet(capacity: table.count, members: stride(from: 0, to: table.count, by: 2))
        for scope in Self.scopes {
            let ns: String
            switch scope {
            case .cluster: ns = ""
            case .namespace(let n): ns = n
            }
            for role in -1..<table.index.roles.count {
                let requests = role < 0 ? AttackContext.everything(in: scope)
                    : AttackContext.expand(table.index.roles[role].rules.map(\.rule), namespace: ns,
                                           urls: scope == .cluster, limit: AttackContext.subsumptionLimit)
                for candidates in [all, even, all] {
                    let got = holdings.holding(role, in: scope, among: candidates, table: table,
                                               limit: AttackContext.subsumptionLimit)
                    guard let requests else {
                        #expect(got == nil)
                        continue
                    }
                    let want = candidates.members.filter { s in requests.allSatisfy { table.allows(s, $0) } }
                    #expect(got?.members == want, "seed \(seed) role \(role) \(scope)")
                }
            }
        }
    }
}
