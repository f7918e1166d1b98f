import ReachCore
import RBACEngine

/// Distances of every state of a ``FootholdGraph`` to one goal: a reverse breadth-first search
/// from the goal's holders, so one pass answers "from which identities, pods, nodes — and the
/// internet — is this goal reachable" (`who-can --transitive --footholds`, `paths --to-admin
/// --footholds`). The path of a state walks forward, each step taking the first edge in canonical
/// order (``FootholdGraph/edges(from:assumeExploitable:)``) to a state one step closer, as
/// escalation.md's searches do.
///
/// - Complexity: per level O(in-edges of the frontier): RBAC hyperedges into it (their sources as
///   bitsets, O(S / 64) each), one reverse X2 pass (``LateralMovement/predecessors(of:visited:)``),
///   and the other foothold edges through precomputed inverse lists; levels ≤ diameter.
public struct FootholdDistances: Sendable {
    public let distance: [Int32]
    public let assumeExploitable: Bool

    public init(graph g: FootholdGraph, holders: BitSet, assumeExploitable: Bool = true) {
        self.assumeExploitable = assumeExploitable
        let inverse = g.inverseEdges()
        var dist = [Int32](repeating: -1, count: g.stateCount)
        var visited = BitSet(capacity: g.stateCount)
        var frontier = holders.members.filter { $0 < g.stateCount }
        for s in frontier { dist[s] = 0; visited.insert(s) }
        var level: Int32 = 0
        var firedHyperedges = Set<Int32>()
        while !frontier.isEmpty {
            var next: [Int] = []
            func reach(_ s: Int) {
                guard !visited.contains(s) else { return }
                visited.insert(s); dist[s] = level + 1; next.append(s)
            }
            for t in frontier {
                if t < g.identityCount {
                    for h in g.attack.hyperedges(into: t) where firedHyperedges.insert(h).inserted {
                        g.attack.hyperedges[Int(h)].sources.forEachMember(reach)
                    }
                }
                for s in inverse[t] { reach(Int(s)) }
            }
            if assumeExploitable {
                let base = g.podID(0)
                let pods = frontier.filter { $0 >= base && $0 < g.nodeID(0) }.map { $0 - base }
                if pods.contains(where: { inverse.exposed.contains($0) }) { reach(g.internetID) }
                let seen = BitSet(capacity: g.pods.count, members: (0..<g.pods.count).filter { visited.contains(base + $0) })
                for a in g.lateral.predecessors(of: pods, visited: seen) { reach(base + a) }
            }
            frontier = next.sorted()
            level += 1
        }
        distance = dist
    }

    /// The path from `state` (`nil` when it cannot reach the goal): each step the first edge in
    /// canonical order to a state one step closer.
    /// - Complexity: length × one ``FootholdGraph/edges(from:assumeExploitable:)``.
    public func path(from state: Int, in g: FootholdGraph) -> FootholdPath? {
        guard distance[state] >= 0 else { return nil }
        var steps: [FootholdStep] = [], cur = state
        while distance[cur] > 0 {
            let d = distance[cur]
            guard let e = g.edges(from: cur, assumeExploitable: assumeExploitable).first(where: { distance[$0.to] == d - 1 }) else { return nil }
            steps.append(e)
            cur = e.to
        }
        return FootholdPath(start: state, steps: steps)
    }
}

/// Reverse adjacency of the explicit foothold edges (every edge but RBAC hyperedges, X1 and X2).
struct FootholdInverse {
    var lists: [[Int32]]
    /// Pods X1 reaches.
    var exposed: Set<Int>
    subscript(t: Int) -> [Int32] { lists[t] }
}

extension FootholdGraph {
    /// The reverse lists of F1, F2, F3, E1n and E7p (E1n/E7p sources expanded, O(S / 64) per edge).
    /// - Complexity: O(pods + nodes + Σ sources of E1n and E7p).
    func inverseEdges() -> FootholdInverse {
        var lists = [[Int32]](repeating: [], count: stateCount)
        for (p, pod) in pods.pods.enumerated() {
            if tokenState[p] >= 0 { lists[Int(tokenState[p])].append(Int32(podID(p))) }
            if pod.escape != nil {
                let target = pod.nodeName.flatMap { nodeIndex[$0] }.map(nodeID) ?? anyNodeID
                lists[target].append(Int32(podID(p)))
            }
        }
        for (n, onNode) in podsOnNode.enumerated() { for q in onNode { lists[podID(Int(q))].append(Int32(nodeID(n))) } }
        let creators = escapingCreators.reduce(into: BitSet(capacity: identityCount)) { $0.formUnion($1.sources.resized(to: identityCount)) }
        for n in nodeNames.indices { creators.forEachMember { lists[nodeID(n)].append(Int32($0)) } }
        creators.forEachMember { lists[anyNodeID].append(Int32($0)) }
        for e in execers { e.sources.forEachMember { lists[podID(Int(e.pod))].append(Int32($0)) } }
        return FootholdInverse(lists: lists, exposed: Set(exposed.map(\.pod)))
    }
}
