import ReachCore
import RBACEngine
import ReachModel

/// The escalation graph of a snapshot (escalation.md): identity states as dense nodes and one
/// edge per (source, target) pair, labelled with the first technique in canonical order that
/// produces it.
///
/// Construction: every candidate principal (and each requested start identity) is a state; the
/// self-granting techniques (E9a/b/c, E10) run to a fixed point to discover the `X+grant` states;
/// then every technique adds its edges. A technique asks ``AttackContext/allowed(_:)`` once per
/// distinct request and gets a bitset over all states, so no (state × candidate) RBAC checks are made.
///
/// - Complexity: O(Q × (whoCan + S / 64 + G × rules)) for Q distinct requests of the conditions
///   (about 5 per pod, 3 per secret and SA, 2 per controller, node and role, per namespace a few),
///   S states and G grant states, plus O(E log E) to order E edges. Memory O(S + E + Q × S / 64)
///   for the request cache.
public struct AttackGraph: Sendable {
    public let table: StateTable
    public let candidates: Candidates
    /// Edges ordered by source, then technique rank, then target; one per (source, target).
    public let edges: [AttackEdge]
    /// `edges[offsets[s] ..< offsets[s + 1]]` leave state `s`.
    let offsets: [Int]
    /// Reverse CSR: `reverseSources[reverseOffsets[t] ..< reverseOffsets[t + 1]]` enter `t`.
    let reverseOffsets: [Int]
    let reverseSources: [Int32]

    /// Builds the graph of `snapshot` under `index`, adding `starts` as extra start states.
    public init(snapshot: ClusterSnapshot, index: RBACIndex, starts: [AttackState] = []) {
        let candidates = Candidates(snapshot: snapshot, index: index)
        var table = StateTable(index: index)
        for p in candidates.principalStates { table.add(AttackState(p)) }
        for s in starts { table.add(s.base) }
        var context = AttackContext(table: table, candidates: candidates)
        while true {
            for t in TechniqueCatalog.granting {
                context.technique = t.id
                t.addEdges(context)
            }
            if context.newStates.isEmpty { break }
            for s in context.newStates.sorted() { table.add(s) }
            context = AttackContext(table: table, candidates: candidates)
        }
        for t in TechniqueCatalog.all where !TechniqueCatalog.granting.contains(where: { $0.id == t.id }) {
            context.technique = t.id
            t.addEdges(context)
        }
        self.init(table: table, candidates: candidates, rawEdges: context.edges)
    }

    private init(table: StateTable, candidates: Candidates, rawEdges: [AttackEdge]) {
        self.table = table
        self.candidates = candidates
        let rank = Dictionary(uniqueKeysWithValues: TechniqueCatalog.all.enumerated().map { ($1.id, $0) })
        func r(_ e: AttackEdge) -> Int { rank[e.technique] ?? Int.max }
        var sorted = rawEdges.sorted { ($0.from, $0.to, r($0)) < ($1.from, $1.to, r($1)) }
        var unique: [AttackEdge] = []
        unique.reserveCapacity(sorted.count)
        for e in sorted where unique.last.map({ $0.from != e.from || $0.to != e.to }) ?? true { unique.append(e) }
        sorted = unique.sorted { ($0.from, r($0), $0.to) < ($1.from, r($1), $1.to) }
        edges = sorted
        var off = [Int](repeating: 0, count: table.count + 1)
        var roff = [Int](repeating: 0, count: table.count + 1)
        for e in sorted {
            off[e.from + 1] += 1
            roff[e.to + 1] += 1
        }
        for i in 0..<table.count {
            off[i + 1] += off[i]
            roff[i + 1] += roff[i]
        }
        var fill = roff, rs = [Int32](repeating: 0, count: sorted.count)
        for e in sorted {
            rs[fill[e.to]] = Int32(e.from)
            fill[e.to] += 1
        }
        offsets = off
        reverseOffsets = roff
        reverseSources = rs
    }

    /// Number of states.
    public var stateCount: Int { table.count }

    /// The edges leaving `state`, in canonical order.
    /// - Complexity: O(1) to obtain.
    public func edges(from state: Int) -> ArraySlice<AttackEdge> { edges[offsets[state]..<offsets[state + 1]] }

    /// Predecessors of `state`.
    func sources(into state: Int) -> ArraySlice<Int32> { reverseSources[reverseOffsets[state]..<reverseOffsets[state + 1]] }
}
