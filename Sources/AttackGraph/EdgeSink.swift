import ReachCore
import RBACEngine

/// Where one technique run puts its edges: the context's edge buffer, labelled with the
/// technique that runs (passed explicitly to ``EscalationTechnique/addEdges(_:into:)`` instead
/// of being a field of the context set before each run).
public struct EdgeSink {
    let context: AttackContext
    /// The technique every edge added through this sink is labelled with.
    public let technique: TechniqueID
    /// ``TechniqueCatalog/rank(of:)`` of ``technique``.
    let rank: Int

    init(context: AttackContext, technique: TechniqueID) {
        self.context = context
        self.technique = technique
        rank = TechniqueCatalog.rank(of: technique)
    }

    /// Adds edges from every member of `sources` to `target`.
    public func add(from sources: BitSet, to target: Principal, requests: [AccessRequest], object: String = "") {
        guard !sources.isEmpty, let id = context.stateID(of: target) else { return }
        add(from: sources, toStates: [id], requests: requests, object: object)
    }

    /// Adds edges from every member of `sources` to every state of `targets` (one hyperedge).
    public func add(from sources: BitSet, to targets: [Principal], requests: [AccessRequest], object: String = "") {
        guard !sources.isEmpty else { return }
        add(from: sources, toStates: targets.compactMap(context.stateID).sorted(), requests: requests, object: object)
    }

    /// Adds edges from every member of `sources` to the states `ids` (ascending; one hyperedge).
    func add(from sources: BitSet, toStates ids: [Int32], requests: [AccessRequest], object: String = "") {
        guard !sources.isEmpty, !ids.isEmpty else { return }
        context.edges.hyperedges.append(Hyperedge(sources: .set(sources), targets: ids, technique: technique,
                                                  rank: rank, requests: requests, object: object))
    }

    /// Adds an edge from every member of `sources` to its own base identity plus `grant`, except
    /// from grant states whose base is in `sources` too
    /// (``AttackContext/withoutRedundantGrantStates(_:)``).
    /// - Complexity: O(S / 64 + members of `sources`).
    public func add(from sources: BitSet, grant: SelfGrant, requests: [AccessRequest], object: String = "") {
        let table = context.table, reduce = context.reduceSelfGrants
        sources.forEachMember { from in
            if reduce, table.hasGrant(from), let base = table.baseID(of: from), sources.contains(base) { return }
            add(from: from, grant: grant, requests: requests, object: object)
        }
    }

    /// Adds an edge from `from` to its base identity plus `grant`.
    /// - Complexity: O(1) expected.
    public func add(from: Int, grant: SelfGrant, requests: [AccessRequest], object: String = "") {
        if context.reduceSelfGrants, grant == .all(scope: .cluster) {
            // `X+ALL@*` holds every request: it has no out-edges and is in no source set, so it
            // joins the table only after every technique has run (``AttackContext/finish()``).
            context.edges.universal.append((from, technique, rank, requests, object))
            return
        }
        var target = context.table[from].base
        target.grant = grant
        guard let to = context.table.id(of: target) else {
            context.edges.newStates.insert(target)
            return
        }
        guard from != to else { return }
        context.edges.hyperedges.append(Hyperedge(sources: .one(Int32(from)), targets: [Int32(to)],
                                                  technique: technique, rank: rank, requests: requests, object: object))
    }
}

/// The edges one context collects (``AttackContext/edges``).
struct EdgeBuffer {
    var hyperedges: [Hyperedge] = []
    /// Target states not yet in the table (self-grants found in this round).
    var newStates: Set<AttackState> = []
    /// Edges to `X+ALL@*` states, added last (see ``EdgeSink/add(from:grant:requests:object:)``).
    var universal: [(from: Int, technique: TechniqueID, rank: Int, requests: [AccessRequest], object: String)] = []
}

extension AttackContext {
    /// Runs `technique` on this context's states, adding its edges.
    func run(_ technique: any EscalationTechnique.Type) {
        technique.addEdges(self, into: EdgeSink(context: self, technique: technique.id))
    }

    /// Target states not yet in the table (self-grants found in this round).
    var newStates: Set<AttackState> { edges.newStates }

    /// Ends the build: adds the `X+ALL@*` states of the universal edges (in state order) and their
    /// edges, and hands over the table and every hyperedge (the context keeps no table).
    /// - Complexity: O(E + U log U) for E such edges and U new states.
    func finish() -> (StateTable, [Hyperedge]) {
        var table = takeTable()
        addUniversalEdges(to: &table)
        return (table, edges.hyperedges)
    }

    /// - Complexity: O(E + U log U) for E universal edges and U new states.
    private func addUniversalEdges(to table: inout StateTable) {
        // Every target is `X+ALL@*` for the edge's source base `X`, so the new states are found
        // (and ordered, ``AttackState/<``) through the base IDs without hashing states.
        let n = table.count
        var isBase = BitSet(capacity: n)
        for e in edges.universal { isBase.insert(table.baseID(of: e.from) ?? e.from) }
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
        for e in edges.universal {
            let to = target[table.baseID(of: e.from) ?? e.from]
            edges.hyperedges.append(Hyperedge(sources: .one(Int32(e.from)), targets: [to], technique: e.technique,
                                              rank: e.rank, requests: e.requests, object: e.object))
        }
    }
}
