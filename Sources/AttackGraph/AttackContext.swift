import ReachCore
import RBACEngine
import ReachModel

/// One edge: `from` can act as `to` using `technique` (the expanded, per-pair view of a
/// ``Hyperedge``).
public struct AttackEdge: Hashable, Sendable {
    public var from: Int
    public var to: Int
    public var technique: TechniqueID
    /// The requests of the condition (alternatives included, in condition order); a report shows
    /// those the source state actually holds.
    public var requests: [AccessRequest]
    /// The object used (pod, secret, node, controller, …), empty when none.
    public var object: String
}

/// Every source state can act as every target state with one technique, under one condition
/// (e.g. E1: every state allowed `create pods -n N` → every ServiceAccount of N). Storing the
/// product implicitly keeps the graph linear in the input where the expanded edge list would be
/// (states × ServiceAccounts per namespace).
public struct Hyperedge: Sendable {
    public var sources: SourceSet
    /// Target state IDs, ascending.
    public var targets: [Int32]
    public var technique: TechniqueID
    /// ``TechniqueCatalog/rank(of:)`` of the technique.
    public var rank: Int
    public var requests: [AccessRequest]
    public var object: String

    func edge(from: Int, to: Int) -> AttackEdge {
        AttackEdge(from: from, to: to, technique: technique, requests: requests, object: object)
    }
}

/// The sources of a hyperedge: a bitset over states, or one state (self-grant edges).
public enum SourceSet: Sendable {
    case set(BitSet)
    case one(Int32)

    public func contains(_ state: Int) -> Bool {
        switch self {
        case .set(let b): b.contains(state)
        case .one(let s): Int(s) == state
        }
    }

    public var count: Int {
        switch self {
        case .set(let b): b.count
        case .one: 1
        }
    }

    public func forEachMember(_ body: (Int) -> Void) {
        switch self {
        case .set(let b): b.forEachMember(body)
        case .one(let s): body(Int(s))
        }
    }

    /// Calls `body` for every member that is also in `mask` (same capacity), ascending, looking
    /// only at the words listed in `words` (ascending; the others of `mask` must be empty).
    /// - Complexity: O(words.count + members in both) for a set, O(1) for one state.
    public func forEachMember(in mask: BitSet, words: [Int32], _ body: (Int) -> Void) {
        switch self {
        case .one(let s): if mask.contains(Int(s)) { body(Int(s)) }
        case .set(let b):
            b.words.withUnsafeBufferPointer { src in
                mask.words.withUnsafeBufferPointer { m in
                    for w32 in words {
                        let w = Int(w32)
                        guard w < src.count else { break }
                        var x = src[w] & m[w]
                        while x != 0 {
                            body(w << 6 | x.trailingZeroBitCount)
                            x &= x &- 1
                        }
                    }
                }
            }
        }
    }

    /// Calls `body` for every member that is also in `mask` (same capacity), ascending.
    /// - Complexity: O(S / 64 + members in both) for a set, O(1) for one state.
    public func forEachMember(in mask: BitSet, _ body: (Int) -> Void) {
        switch self {
        case .one(let s): if mask.contains(Int(s)) { body(Int(s)) }
        case .set(let b):
            b.words.withUnsafeBufferPointer { src in
                mask.words.withUnsafeBufferPointer { m in
                    for w in 0..<min(src.count, m.count) {
                        var x = src[w] & m[w]
                        while x != 0 {
                            body(w << 6 | x.trailingZeroBitCount)
                            x &= x &- 1
                        }
                    }
                }
            }
        }
    }
}

/// What the techniques see while the graph is built: the states, the candidates, a per-request
/// cache of ``StateTable/allowed(_:)`` and the edge sink.
public final class AttackContext {
    /// The states (empty once handed over: ``finish()``, ``init(extending:adding:)``).
    public private(set) var table: StateTable
    public let candidates: Candidates
    /// A name no rule mentions (a control character), so only rules without `resourceNames`
    /// allow it: escalation.md's *fresh name*.
    public static let freshName = "\u{1}kube-reach-fresh"
    private var cache: [AccessRequest: BitSet] = [:]
    private var unionCache: [[AccessRequest]: BitSet] = [:]
    private(set) var hyperedges: [Hyperedge] = []
    /// Target states not yet in the table (self-grants found in this round).
    private(set) var newStates: Set<AttackState> = []
    /// Edges to `X+ALL@*` states, added last (see ``add(from:grant:requests:object:)``).
    private(set) var universalEdges: [(from: Int, technique: TechniqueID, rank: Int, requests: [AccessRequest], object: String)] = []

    /// Ends the build: adds the `X+ALL@*` states of ``universalEdges`` (in state order) and their
    /// edges, and hands over the table and every hyperedge (the context keeps no table).
    /// - Complexity: O(E + U log U) for E such edges and U new states.
    func finish() -> (StateTable, [Hyperedge]) {
        var table = takeTable()
        addUniversalEdges(to: &table)
        return (table, hyperedges)
    }

    /// Moves the table out (no copy when it is grown afterwards); the context must not be used
    /// for answers after this.
    private func takeTable() -> StateTable {
        precondition(!handedOver, "AttackContext: table already handed over")
        var out = StateTable(emptyFor: table.index)
        swap(&out, &table)
        handedOver = true
        return out
    }
    /// Set once the table is handed over; the context then answers nothing (``allowed(_:)`` traps
    /// instead of answering from the empty table).
    private var handedOver = false

    /// - Complexity: O(E + U log U) for E universal edges and U new states.
    private func addUniversalEdges(to table: inout StateTable) {
        // Every target is `X+ALL@*` for the edge's source base `X`, so the new states are found
        // (and ordered, ``AttackState/<``) through the base IDs without hashing states.
        let n = table.count
        var isBase = BitSet(capacity: n)
        for e in universalEdges { isBase.insert(table.baseID(of: e.from) ?? e.from) }
        var bases = isBase.members
        // States below the index's principal count are its principals' plain identities, whose
        // ID order is already the state order (StateTable.init).
        if let last = bases.last, last >= table.index.principals.count {
            bases = bases.map { (table[$0].sortKey, $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
        }
        var target = [Int32](repeating: -1, count: n)
        table.reserveCapacity(n + bases.count)
        for b in bases {
            var state = table[b]
            state.grant = .all(scope: .cluster)
            target[b] = Int32(table.add(state))
        }
        for e in universalEdges {
            let to = target[table.baseID(of: e.from) ?? e.from]
            hyperedges.append(Hyperedge(sources: .one(Int32(e.from)), targets: [to], technique: e.technique,
                                        rank: e.rank, requests: e.requests, object: e.object))
        }
    }
    var technique = TechniqueID("") {
        didSet { rank = TechniqueCatalog.rank(of: technique) }
    }
    private var rank = 0

    /// Whether E9/E10 leave out provably redundant self-grant edges (GrantSubsumption.swift).
    let reduceSelfGrants: Bool
    /// The roles E9's fresh-name groups keep (RoleDominance.swift); `nil` keeps every role.
    var dominance: RoleDominance?

    /// E10's edges of this round, computed once (E9 consults them, see ``escalatedSources(covering:)``).
    lazy var escalations: [E10.Escalation] = E10.escalations(self)
    /// E10's per-binding plan, computed once per graph (carried over by ``init(extending:adding:)``).
    lazy var escalationPlan = E10.Plan(self)

    /// The states with an E10 edge to `X+ALL@*` or to `X+ALL@scope`: their E9 edges to grants of
    /// `scope` are left out (`ALL` holds everything such a grant does; RoleDominance.swift's
    /// argument). Empty when not reducing.
    /// - Complexity: O(E10 entries × S / 64) on the first call per scope, O(1) after.
    func escalatedSources(covering scope: GrantScope) -> BitSet {
        if let hit = escalatedCache[scope] { return hit }
        var out = BitSet(capacity: table.count)
        if reduceSelfGrants {
            for e in escalations where e.scope == .cluster || e.scope == scope { out.formUnion(e.sources) }
        }
        escalatedCache[scope] = out
        return out
    }
    private var escalatedCache: [GrantScope: BitSet] = [:]

    /// The roles among `ids` (ascending) E9 may add grant edges to: the listed ones and, of the
    /// unlisted ones (one fresh-name group), those the dominance set `keep` keeps.
    /// - Complexity: O(ids.count), once per technique and round (not per namespace).
    func grantRoles(_ ids: Range<Int>, keeping keep: KeyPath<RoleDominance, BitSet>) -> [(id: Int, listed: Bool)] {
        let listed = table.listedRoles
        guard let dominance else { return ids.map { ($0, listed[$0]) } }
        let kept = dominance[keyPath: keep]
        return ids.compactMap { listed[$0] || kept.contains($0) ? ($0, listed[$0]) : nil }
    }

    /// States allowed every request (`system:masters`, holders of `*` on everything and on every
    /// URL, `X+ALL@*`). They hold every goal, so no edge leaving them is on a minimal path: when
    /// reducing, they are left out of every source set (``allowed(_:)``).
    let universal: BitSet

    init(table: StateTable, candidates: Candidates, reduceSelfGrants: Bool = true) {
        self.table = table
        self.candidates = candidates
        self.reduceSelfGrants = reduceSelfGrants
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
        let plan = previous.escalationPlan
        // `previous` hands its table over, so growing it copies nothing.
        var table = previous.takeTable()
        let oldCount = table.count
        table.reserveCapacity(oldCount + states.count)
        for s in states { table.add(s) }
        self.init(table: table, candidates: previous.candidates, reduceSelfGrants: previous.reduceSelfGrants)
        dominance = previous.dominance
        escalationPlan = plan
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

    /// Adds edges from every member of `sources` to `target`.
    public func add(from sources: BitSet, to target: Principal, requests: [AccessRequest], object: String = "") {
        guard !sources.isEmpty, let id = stateID(of: target) else { return }
        add(from: sources, toStates: [id], requests: requests, object: object)
    }

    /// The state of `principal`'s plain identity. States below the index's principal count are
    /// its principals in ID order (StateTable.init), so an index lookup answers most.
    /// - Complexity: O(1) expected.
    func stateID(of principal: Principal) -> Int32? {
        if let id = table.index.principals.id(of: principal) { return Int32(id) }
        return table.id(of: AttackState(principal)).map(Int32.init)
    }

    /// Adds edges from every member of `sources` to every state of `targets` (one hyperedge).
    public func add(from sources: BitSet, to targets: [Principal], requests: [AccessRequest], object: String = "") {
        guard !sources.isEmpty else { return }
        add(from: sources, toStates: targets.compactMap(stateID).sorted(), requests: requests, object: object)
    }

    /// Adds edges from every member of `sources` to the states `ids` (ascending; one hyperedge).
    func add(from sources: BitSet, toStates ids: [Int32], requests: [AccessRequest], object: String = "") {
        guard !sources.isEmpty, !ids.isEmpty else { return }
        hyperedges.append(Hyperedge(sources: .set(sources), targets: ids, technique: technique, rank: rank,
                                    requests: requests, object: object))
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

    /// Adds an edge from every member of `sources` to its own base identity plus `grant`, except
    /// from grant states whose base is in `sources` too (``withoutRedundantGrantStates(_:)``).
    /// - Complexity: O(S / 64 + members of `sources`).
    public func add(from sources: BitSet, grant: SelfGrant, requests: [AccessRequest], object: String = "") {
        sources.forEachMember { from in
            if reduceSelfGrants, table.hasGrant(from), let base = table.baseID(of: from), sources.contains(base) { return }
            add(from: from, grant: grant, requests: requests, object: object)
        }
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
        sources.forEachMember { s in
            if table.hasGrant(s), let base = table.baseID(of: s), sources.contains(base) { out.remove(s) }
        }
        return out
    }

    /// Adds an edge from `from` to its base identity plus `grant`.
    public func add(from: Int, grant: SelfGrant, requests: [AccessRequest], object: String = "") {
        if reduceSelfGrants, grant == .all(scope: .cluster) {
            // `X+ALL@*` holds every request: it has no out-edges and is in no source set, so it
            // joins the table only after every technique has run (AttackGraph.init).
            universalEdges.append((from, technique, rank, requests, object))
            return
        }
        var target = table[from].base
        target.grant = grant
        guard let to = table.id(of: target) else {
            newStates.insert(target)
            return
        }
        guard from != to else { return }
        hyperedges.append(Hyperedge(sources: .one(Int32(from)), targets: [Int32(to)],
                                    technique: technique, rank: rank, requests: requests, object: object))
    }
}

extension AccessRequest {
    /// Shorthand for the technique files: a resource request.
    static func r(_ verb: String, _ group: String, _ resource: String, sub: String = "", name: String = "",
                  ns: String = "") -> AccessRequest {
        AccessRequest(verb: verb, apiGroup: group, resource: resource, subresource: sub, name: name, namespace: ns)
    }
}
