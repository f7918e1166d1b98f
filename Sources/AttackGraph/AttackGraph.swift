import ReachCore
import RBACEngine
import ReachModel

/// The escalation graph of a snapshot (escalation.md): identity states as dense nodes, edges as
/// ``Hyperedge``s (every source × every target of one technique and condition).
///
/// Construction: every candidate principal (and each requested start identity) is a state; the
/// self-granting techniques (E9a/b/c, E10) run to a fixed point to discover the `X+grant` states;
/// then every technique adds its hyperedges. Self-grant edges that cannot be on a minimal path are
/// not added (`GrantSubsumption.swift`): without that the grant states grow with identities ×
/// roles × namespaces. A technique asks ``AttackContext/allowed(_:)`` once per
/// distinct request (names no rule lists collapse to one request) and gets a bitset over all
/// states, so no (state × candidate) RBAC checks are made and no per-pair edge list is built.
///
/// - Complexity: O(Q × (whoCan + S / 64 + G × rules)) for Q distinct requests, S states and G grant
///   states, plus O(H log H) for H hyperedges. Memory O(S + Σ targets + Q × S / 64).
public struct AttackGraph: Sendable {
    public let table: StateTable
    public let candidates: Candidates
    /// Ordered by technique rank, then first target, then object.
    public let hyperedges: [Hyperedge]
    /// `reverseEdges[reverseOffsets[t] ..< reverseOffsets[t + 1]]`: hyperedges with target `t`.
    let reverseOffsets: [Int]
    let reverseEdges: [Int32]
    /// `forwardOne[forwardOffsets[s] ..< forwardOffsets[s + 1]]`: the hyperedges whose only source is
    /// `s` (self-grant edges, most of them), ascending; ``edges(from:)`` scans only these and
    /// ``setEdges``.
    let forwardOffsets: [Int]
    let forwardOne: [Int32]
    /// The hyperedges with a source set, ascending.
    let setEdges: [Int32]

    /// Builds the graph of `snapshot` under `index`, adding `starts` as extra start states.
    public init(snapshot: ClusterSnapshot, index: RBACIndex, starts: [AttackState] = []) {
        self.init(snapshot: snapshot, index: index, starts: starts, reduceSelfGrants: true)
    }

    /// `reduceSelfGrants: false` keeps the self-grant edges that ``AttackContext/grantSources(_:in:)``
    /// and ``AttackContext/alreadyHolding(_:among:)`` prove redundant (tests compare both graphs:
    /// same distances and canonical paths from every identity).
    init(snapshot: ClusterSnapshot, index: RBACIndex, starts: [AttackState], reduceSelfGrants: Bool) {
        let candidates = Candidates(snapshot: snapshot, index: index)
        var context: AttackContext
        do {
            // Scoped so that the context holds the table's only reference (it grows in place).
            var table = StateTable(index: index)
            table.reserveCapacity(index.principals.count + candidates.outsideIndex.count + starts.count)
            // The table starts with every principal of the index (StateTable.init); candidates add
            // the ServiceAccounts only pods name.
            for p in candidates.outsideIndex { table.add(AttackState(p)) }
            for s in starts { table.add(s.base) }
            context = AttackContext(table: table, candidates: candidates, reduceSelfGrants: reduceSelfGrants)
        }
        let dominance = reduceSelfGrants ? RoleDominance(context: context) : nil
        context.dominance = dominance
        while true {
            for t in TechniqueCatalog.granting { context.run(t) }
            if context.newStates.isEmpty { break }
            context = AttackContext(extending: context, adding: AttackState.sorted(context.newStates))
        }
        for t in TechniqueCatalog.all where !TechniqueCatalog.granting.contains(where: { $0.id == t.id }) {
            context.run(t)
        }
        let (table, edges) = context.finish()
        self.table = table
        self.candidates = candidates
        // Stable order by (rank, first target): sort (key, position) pairs of integers rather than
        // the hyperedges themselves.
        let order = edges.enumerated().map { i, h in
            (key: UInt64(h.rank) << 32 | UInt64(h.targets.first ?? 0), position: i)
        }.sorted { ($0.key, $0.position) < ($1.key, $1.position) }
        let sorted = order.map { edges[$0.position] }
        hyperedges = sorted
        var off = [Int](repeating: 0, count: table.count + 1)
        for h in sorted { for t in h.targets { off[Int(t) + 1] += 1 } }
        for i in 0..<table.count { off[i + 1] += off[i] }
        var fill = off, rev = [Int32](repeating: 0, count: off[table.count])
        for (i, h) in sorted.enumerated() {
            for t in h.targets {
                rev[fill[Int(t)]] = Int32(i)
                fill[Int(t)] += 1
            }
        }
        reverseOffsets = off
        reverseEdges = rev
        (forwardOffsets, forwardOne, setEdges) = Self.forwardIndex(sorted, states: table.count)
    }

    /// The single-source hyperedges by source (CSR) and the source-set hyperedges, ascending.
    /// - Complexity: O(H + S).
    private static func forwardIndex(_ edges: [Hyperedge], states n: Int) -> ([Int], [Int32], [Int32]) {
        var off = [Int](repeating: 0, count: n + 1)
        var sets: [Int32] = []
        for (i, h) in edges.enumerated() {
            switch h.sources {
            case .one(let s): off[Int(s) + 1] += 1
            case .set: sets.append(Int32(i))
            }
        }
        for i in 0..<n { off[i + 1] += off[i] }
        var fill = off, one = [Int32](repeating: 0, count: off[n])
        for (i, h) in edges.enumerated() {
            guard case .one(let s) = h.sources else { continue }
            one[fill[Int(s)]] = Int32(i)
            fill[Int(s)] += 1
        }
        return (off, one, sets)
    }

    /// Number of states.
    public var stateCount: Int { table.count }

    /// Number of (source, target) pairs the hyperedges stand for (with repeats across techniques).
    /// - Complexity: O(H × S / 64).
    public var expandedEdgeCount: Int { hyperedges.reduce(0) { $0 + $1.sources.count * $1.targets.count } }

    /// The edges leaving `state`: per target the first technique in canonical order, ordered by
    /// technique rank then target. Meant for reports and tests.
    /// The hyperedges are visited in graph order: `state`'s single-source ones merged with every
    /// source-set one that contains it.
    /// - Complexity: O(H_set + out-degree log out-degree) for H_set hyperedges with a source set
    ///   (the single-source ones of other states are not visited).
    public func edges(from state: Int) -> [AttackEdge] {
        var best: [Int: (Int, AttackEdge)] = [:]
        var a = forwardOffsets[state], b = 0
        let aEnd = forwardOffsets[state + 1]
        while a < aEnd || b < setEdges.count {
            let i: Int
            if b == setEdges.count || (a < aEnd && forwardOne[a] < setEdges[b]) {
                i = Int(forwardOne[a])
                a += 1
            } else {
                i = Int(setEdges[b])
                b += 1
                guard hyperedges[i].sources.contains(state) else { continue }
            }
            let h = hyperedges[i]
            for t in h.targets where Int(t) != state && best[Int(t)] == nil {
                best[Int(t)] = (h.rank, h.edge(from: state, to: Int(t)))
            }
        }
        return best.values.sorted { ($0.0, $0.1.to) < ($1.0, $1.1.to) }.map(\.1)
    }

    /// Hyperedges with target `state`.
    func hyperedges(into state: Int) -> ArraySlice<Int32> { reverseEdges[reverseOffsets[state]..<reverseOffsets[state + 1]] }
}
