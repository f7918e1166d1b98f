import ReachCore

/// The reverse edges of a ``FootholdGraph``, one breadth-first level at a time, for searches that
/// join the foothold graph with edges of their own (the Azure identity layer of `paths --azure`,
/// docs/azure.md "With footholds"): the caller keeps the distances and the frontier, and asks for
/// the predecessors of each level's foothold states. The predecessors are exactly those of
/// ``FootholdDistances`` (RBAC hyperedges into the frontier — each fires once, labelling all its
/// sources —, F1, F2, F3, E1n, E7p through the inverse lists, and with `assumeExploitable` X1 and
/// one reverse X2 pass over the class matrices).
///
/// - Complexity: construction O(pods + nodes + Σ sources of E1n and E7p) (the inverse lists);
///   each level as one level of ``FootholdDistances``.
public struct FootholdReverseLevels: Sendable {
    public let graph: FootholdGraph
    public let assumeExploitable: Bool
    let inverse: FootholdInverse
    var fired = Set<Int32>()

    public init(graph: FootholdGraph, assumeExploitable: Bool = true) {
        self.graph = graph
        self.assumeExploitable = assumeExploitable
        inverse = graph.inverseEdges()
    }

    /// Calls `reach(s)` for every state `s` with an edge into a state of `frontier` (ascending
    /// foothold state IDs). States in `visited` may or may not be reported (the caller ignores
    /// them); a hyperedge whose target was in an earlier frontier is not fired again.
    /// - Complexity: as one level of ``FootholdDistances``.
    public mutating func predecessors(of frontier: [Int], visited: BitSet, _ reach: (Int) -> Void) {
        let g = graph
        for t in frontier where t < g.stateCount {
            if t < g.identityCount {
                for h in g.attack.hyperedges(into: t) where fired.insert(h).inserted {
                    g.attack.hyperedges[Int(h)].sources.forEachMember(reach)
                }
            }
            for s in inverse[t] { reach(Int(s)) }
        }
        guard assumeExploitable else { return }
        let base = g.podID(0)
        let pods = frontier.filter { $0 >= base && $0 < g.nodeID(0) }.map { $0 - base }
        if pods.contains(where: { inverse.exposed.contains($0) }) { reach(g.internetID) }
        let seen = BitSet(capacity: g.pods.count, members: (0..<g.pods.count).filter { visited.contains(base + $0) })
        for a in g.lateral.predecessors(of: pods, visited: seen) { reach(base + a) }
    }
}
