import ReachCore
import RBACEngine
import ReachModel

/// What the techniques see while the graph is built: the states, the candidates and a
/// per-request cache of ``StateTable/allowed(_:)``. Techniques add their edges through an
/// ``EdgeSink`` (EdgeSink.swift); what only E9/E10 keep is in ``SelfGrantState``.
public final class AttackContext {
    /// The states (empty once handed over: ``finish()``, ``init(extending:adding:)``).
    public private(set) var table: StateTable
    public let candidates: Candidates
    /// A name no rule mentions (a control character), so only rules without `resourceNames`
    /// allow it: escalation.md's *fresh name*.
    public static let freshName = "\u{1}kube-reach-fresh"
    private var cache: [AccessRequest: BitSet] = [:]
    private var unionCache: [[AccessRequest]: BitSet] = [:]
    /// The edges of this round (``EdgeSink`` appends).
    var edges = EdgeBuffer()
    /// E9/E10's state.
    let selfGrants: SelfGrantState
    /// Whether E9/E10 leave out provably redundant self-grant edges (GrantSubsumption.swift) and
    /// the ``universal`` states leave every source set.
    let reduceSelfGrants: Bool
    /// States allowed every request (`system:masters`, holders of `*` on everything and on every
    /// URL, `X+ALL@*`). They hold every goal, so no edge leaving them is on a minimal path: when
    /// reducing, they are left out of every source set (``allowed(_:)``).
    let universal: BitSet
    /// Set once the table is handed over; the context then answers nothing (``allowed(_:)`` traps
    /// instead of answering from the empty table).
    private var handedOver = false

    init(table: StateTable, candidates: Candidates, reduceSelfGrants: Bool = true,
         selfGrants: SelfGrantState = SelfGrantState()) {
        self.table = table
        self.candidates = candidates
        self.reduceSelfGrants = reduceSelfGrants
        self.selfGrants = selfGrants
        var all = BitSet(capacity: table.count)
        if reduceSelfGrants {
            all = table.allowed(Self.everything(in: .cluster)[0])
            for r in Self.everything(in: .cluster).dropFirst() { all.formIntersection(table.allowed(r)) }
        }
        universal = all
    }

    /// The context of the next fixed-point round: `previous`'s table plus `states` (which
    /// `previous` found); `previous` is finished and keeps no table.
    /// The cached answers are carried over, extended to the new states, instead of asking the
    /// RBAC index again. Exact: a state's permissions do not depend on the other states, and a
    /// new grant state `X+G` (base `X` already a state) holds a request exactly when `X` does
    /// or `G` allows it; any other new state is checked directly. The states universal in the new
    /// table are removed again (among them every `X+G` whose `X` is universal, the only case in
    /// which the cached answer for `X` is not `X`'s own).
    /// - Complexity: O(cached requests × (S / 64 + N × rules of a grant)) for N new states.
    convenience init(extending previous: AttackContext, adding states: [AttackState]) {
        let carried = SelfGrantState(dominance: previous.dominance, plan: previous.escalationPlan,
                                     holdings: previous.selfGrants.holdings)
        // `previous` hands its table over, so growing it copies nothing.
        var table = previous.takeTable()
        let oldCount = table.count
        table.reserveCapacity(oldCount + states.count)
        for s in states { table.add(s) }
        self.init(table: table, candidates: previous.candidates, reduceSelfGrants: previous.reduceSelfGrants,
                  selfGrants: carried)
        let n = table.count
        let newStates = (oldCount..<n).map { i in (i, table.baseID(of: i), table[i].grant) }
        for (request, old) in previous.cache {
            var out = old.resized(to: n)
            for (i, base, grant) in newStates {
                let holds: Bool
                if let base, base < oldCount, let grant {
                    // A universal base makes `X+G` universal too: removed below either way.
                    holds = old.contains(base) || table.grantAllows(grant, request)
                } else {
                    holds = table.allows(i, request)
                }
                if holds { out.insert(i) }
            }
            out.subtract(universal)
            cache[request] = out
        }
    }

    /// Moves the table out (no copy when it is grown afterwards); the context must not be used
    /// for answers after this.
    func takeTable() -> StateTable {
        precondition(!handedOver, "AttackContext: table already handed over")
        var out = StateTable(emptyFor: table.index)
        swap(&out, &table)
        handedOver = true
        return out
    }

    /// The (normalized) requests answered so far (tests compare carried-over answers).
    var cachedRequests: [AccessRequest] { Array(cache.keys) }

    /// Every state allowed `request` (cached), without the ``universal`` states. A name no rule
    /// lists is replaced by the fresh name first (same answer, see ``StateTable/mentionedNames``),
    /// so the per-pod, per-secret and per-SA requests of a namespace mostly share one who-can query.
    /// - Complexity: see ``StateTable/allowed(_:)`` on a miss, O(1) expected on a hit.
    public func allowed(_ request: AccessRequest) -> BitSet {
        precondition(!handedOver, "AttackContext used after its table was handed over")
        let request = normalized(request)
        if let hit = cache[request] { return hit }
        var set = table.allowed(request)
        set.subtract(universal)
        cache[request] = set
        return set
    }

    /// States allowed at least one of `requests` (cached, so the per-pod unions of a namespace
    /// share one bitset).
    /// - Complexity: O(requests × S / 64) on a miss, O(requests) expected on a hit.
    public func anyAllowed(_ requests: [AccessRequest]) -> BitSet {
        let key = requests.map(normalized)
        if let hit = unionCache[key] { return hit }
        var out = BitSet(capacity: table.count)
        for r in key { out.formUnion(allowed(r)) }
        unionCache[key] = out
        return out
    }

    /// `request` with a name no rule lists replaced by the fresh name (same answer everywhere).
    func normalized(_ request: AccessRequest) -> AccessRequest {
        guard !request.name.isEmpty, !table.mentionedNames.contains(request.name) else { return request }
        var r = request
        r.name = Self.freshName
        return r
    }

    /// The state of `principal`'s plain identity. States below the index's principal count are
    /// its principals in ID order (StateTable.init), so an index lookup answers most.
    /// - Complexity: O(1) expected.
    func stateID(of principal: Principal) -> Int32? {
        if let id = table.index.principals.id(of: principal) { return Int32(id) }
        return table.id(of: AttackState(principal)).map(Int32.init)
    }

    /// State IDs of the ServiceAccount objects of namespace `ns`, ascending (cached: E6 targets
    /// them once per namespace and once per controller).
    /// - Complexity: O(ServiceAccounts of `ns`) on the first call per namespace, O(1) after.
    func serviceAccountStates(in ns: String) -> [Int32] {
        if let hit = serviceAccountStateCache[ns] { return hit }
        let ids = (candidates.serviceAccountsByNamespace[ns] ?? []).compactMap(stateID).sorted()
        serviceAccountStateCache[ns] = ids
        return ids
    }
    private var serviceAccountStateCache: [String: [Int32]] = [:]
}

extension AccessRequest {
    /// Shorthand for the technique files: a resource request.
    static func r(_ verb: String, _ group: String, _ resource: String, sub: String = "", name: String = "",
                  ns: String = "") -> AccessRequest {
        AccessRequest(verb: verb, apiGroup: group, resource: resource, subresource: sub, name: name, namespace: ns)
    }
}
