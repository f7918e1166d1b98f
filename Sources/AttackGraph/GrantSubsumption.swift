import ReachCore
import RBACEngine
import ReachModel

/// Self-grant subsumption: E9/E10 add no edge `X → X+G` when `X` already holds every permission
/// `G` would add within its scope.
///
/// Why this is exact (escalation.md "Path semantics"): such a target `T = X+G` has exactly the
/// permissions of its source or fewer, and the same base identity. Every technique's condition is
/// monotone in the state's permissions, and its targets depend only on the base identity (E9/E10:
/// `base + grant`; the others: fixed principals), so every edge out of `T` also leaves the source
/// (or returns to it), and `T` holds the goal only if the source does. Hence
/// `dist(T) ≥ dist(source)`: the edge is never a step of a minimal path, and omitting it changes
/// neither reachability nor any distance nor the canonical choice among minimal steps. `T`
/// itself is then not created unless another, non-subsumed edge leads to it.
extension AttackContext {
    /// Largest number of requests a role's rules may expand to before the subsumption test gives
    /// up (the role is then treated as adding something, which is always safe).
    static let subsumptionLimit = 512
    /// Up to this many candidates are checked one by one (``StateTable/allows(_:_:)``); more use
    /// one cached ``allowed(_:)`` bitset per expanded request.
    static let directCheckLimit = 256

    /// The requests that only a state holding everything in `scope` is allowed: `*` verbs on `*`
    /// resources in `*` groups in the scope's namespace (all namespaces for `*`), and for `*` also
    /// `*` on the non-resource URL `*`. Only literal `*` rules match these.
    static func everything(in scope: Scope) -> [AccessRequest] {
        switch scope {
        case .cluster: [.r("*", "*", "*"), .nonResource(verb: "*", path: "*")]
        case .namespace(let n): [.r("*", "*", "*", ns: n)]
        }
    }

    /// The members of `candidates` that may need an edge to a self-grant of `scope`: without
    /// those holding everything in `scope` (no grant of that scope adds anything to them) and
    /// without redundant grant states (``withoutRedundantGrantStates(_:)``). Techniques call this
    /// once per source set and reuse it for every grant of that scope.
    /// - Complexity: O(S / 64 + members) plus one or two cached ``allowed(_:)``.
    func grantSources(_ candidates: BitSet, in scope: Scope) -> BitSet {
        guard reduceSelfGrants else { return candidates }
        var out = withoutRedundantGrantStates(candidates)
        out.subtract(holdingEverything(in: scope))
        return out
    }

    /// The states holding everything in `scope` (``everything(in:)``).
    /// - Complexity: one or two cached ``allowed(_:)`` and an intersection, O(S / 64).
    func holdingEverything(in scope: Scope) -> BitSet {
        var admins = allowed(Self.everything(in: scope)[0])
        for r in Self.everything(in: scope).dropFirst() { admins.formIntersection(allowed(r)) }
        return admins
    }

    /// The members of `candidates` that already hold every permission `grant` would add, within its
    /// scope: a self-grant to them changes nothing. Exact: each rule of the granted role is expanded
    /// to requests whose fields are the rule's literal values (`*` stays `*`, which only a `*` rule
    /// matches; a rule without `resourceNames` becomes a fresh name; `*/scale` stays `*` +
    /// subresource `scale`), and the state must be allowed all of them; a state allowed such a
    /// literal request holds a rule at least as broad in every field. `ALL` expands to
    /// ``everything(in:)``. The check is made once per distinct set of roles the candidates hold
    /// in the scope (GrantHoldings.swift), not per candidate and request.
    /// - Complexity: O(S / 64) when the candidates are those of the previous call, else
    ///   O(candidates) memoised role-set lookups (the first per state and scope resolves its
    ///   bindings); plus O(role sets × S / 64) and, once per distinct (role set, role, scope kind),
    ///   O(E × roles × rules) for E expanded requests (at most ``subsumptionLimit``).
    func alreadyHolding(_ grant: SelfGrant, among candidates: BitSet) -> BitSet {
        let empty = BitSet(capacity: table.count)
        guard !candidates.isEmpty else { return empty }
        let roleID: Int?
        switch grant {
        case .all: roleID = -1
        case .clusterRole(let name, _): roleID = table.clusterRole(named: name)
        case .role(let ns, let name): roleID = table.role(namespace: ns, name: name)
        }
        // A missing role grants nothing: every candidate already holds all of it.
        guard let roleID else { return candidates }
        return selfGrants.holdings.holding(roleID, in: grant.scope, among: candidates, table: table,
                                           limit: Self.subsumptionLimit) ?? empty
    }

    /// `grant`'s role rules as literal requests in its scope (`nil` above ``subsumptionLimit``).
    func expandedRequests(_ grant: SelfGrant) -> [AccessRequest]? {
        let namespace: String
        switch grant.scope {
        case .cluster: namespace = ""
        case .namespace(let n): namespace = n
        }
        let roleID: Int?
        switch grant {
        case .all(let scope): return Self.everything(in: scope)
        case .clusterRole(let name, _): roleID = table.clusterRole(named: name)
        case .role(let ns, let name): roleID = table.role(namespace: ns, name: name)
        }
        guard let roleID else { return [] }
        return Self.expand(table.index.roles[roleID].rules.map(\.rule), namespace: namespace, urls: namespace.isEmpty,
                           limit: Self.subsumptionLimit)
    }

    /// `rules` as literal requests in `namespace` (non-resource URLs only when `urls`), `nil` when
    /// they expand to more than `limit` requests.
    /// - Complexity: O(expanded requests), at most `limit` plus one rule's.
    static func expand(_ rules: [PolicyRule], namespace: String, urls: Bool, limit: Int) -> [AccessRequest]? {
        var out: [AccessRequest] = []
        for rule in rules {
            if urls {
                for url in rule.nonResourceURLs {
                    for v in rule.verbs { out.append(.nonResource(verb: v, path: url)) }
                }
            }
            let names = rule.resourceNames.isEmpty ? [Self.freshName] : rule.resourceNames
            for v in rule.verbs {
                for g in rule.apiGroups {
                    for res in rule.resources {
                        let parts = res.split(separator: "/", maxSplits: 1).map(String.init)
                        for n in names {
                            out.append(.r(v, g, parts.first ?? res, sub: parts.count > 1 ? parts[1] : "", name: n, ns: namespace))
                        }
                    }
                }
            }
            if out.count > limit { return nil }
        }
        return out
    }
}

extension EdgeSink {
    /// E9/E10's sink: adds `X → X+grant` for every member `X` of `sources` except those already
    /// holding the grant (see above) and grant states whose base has the edge too.
    /// `sources` should already be reduced by ``AttackContext/grantSources(_:in:)`` for the grant's scope
    /// (skipping that only costs time).
    /// - Complexity: ``AttackContext/alreadyHolding(_:among:)`` plus O(S / 64 + members).
    func addGrant(from sources: BitSet, grant: SelfGrant, requests: [AccessRequest], object: String) {
        guard !sources.isEmpty else { return }
        var from = sources
        if context.reduceSelfGrants { from.subtract(context.alreadyHolding(grant, among: sources)) }
        add(from: from, grant: grant, requests: requests, object: object)
    }
}
