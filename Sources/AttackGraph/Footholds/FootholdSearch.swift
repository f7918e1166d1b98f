import ReachCore
import RBACEngine

/// One step of a foothold path.
public struct FootholdStep: Sendable {
    public var technique: TechniqueID
    public var from: Int
    public var to: Int
    /// The object used (Service, pod, namespace, node), empty when none.
    public var object: String
    /// Why the condition holds (the port of an X2 step, the escape reason of F2), empty when none.
    public var detail: String
    /// Whether the step is an assumption (X1, X2).
    public var isAssumption: Bool
    /// The RBAC edge for identity steps and E1n/E7p (whose requests a report resolves), else `nil`.
    public var rbac: AttackEdge?
}

/// A minimal path in the foothold graph.
public struct FootholdPath: Sendable {
    public var start: Int
    public var steps: [FootholdStep]
    public var length: Int { steps.count }
    /// Whether any step is an assumption.
    public var usesAssumptions: Bool { steps.contains(where: \.isAssumption) }
}

/// Breadth-first search from a set of start states over the whole foothold graph (footholds.md
/// "Path semantics"): every state's distance from the start and its parent edge.
///
/// Each level expands the frontier technique by technique in canonical order (escalation.md's
/// table, then X1, X2, F1, F2, F3, E1n, E7p); a state reached on a level keeps the first edge that
/// reaches it (within a technique: hyperedges in graph order, sources ascending). So a path is
/// minimal in edges and its ties are broken by technique order from the start. X2 is one
/// ``LateralMovement`` step per level over bitsets, never a per-pod-pair search.
///
/// - Complexity: per level O(H × S / 64) for the RBAC hyperedges, plus the X2 step, plus
///   O(edges leaving the frontier) for the other foothold edges, plus the `settled` check when
///   given; levels ≤ diameter (≤ the last level a caller waits for with `settled`). Memory
///   O(states).
public struct FootholdSearch: Sendable {
    public let distance: [Int32]
    /// The states reached (`distance ≥ 0`).
    let reached: BitSet
    /// Per reached state: (technique rank, predecessor, technique-specific index).
    let parent: [(rank: Int32, from: Int32, aux: Int32)]
    public let assumeExploitable: Bool

    /// Searches from `starts`; when `settled` is given, it is asked after each level with the
    /// states reached so far and the search stops once it answers `true`. Every state reached
    /// by then has its final distance and parent edge (levels are complete), so a caller waiting
    /// for the nearest of some goal states stops as soon as each goal set has a reached member.
    public init(graph g: FootholdGraph, from starts: [Int], assumeExploitable: Bool = true,
                settled: ((BitSet) -> Bool)? = nil) {
        self.assumeExploitable = assumeExploitable
        var dist = [Int32](repeating: -1, count: g.stateCount)
        var parent = [(rank: Int32, from: Int32, aux: Int32)](repeating: (-1, -1, -1), count: g.stateCount)
        var visited = BitSet(capacity: g.stateCount)
        var frontier = Array(Set(starts)).sorted()
        for s in frontier { dist[s] = 0; visited.insert(s) }
        var level: Int32 = 0
        while !frontier.isEmpty {
            var next: [Int] = []
            func reach(_ t: Int, _ rank: Int, _ from: Int, _ aux: Int) {
                guard !visited.contains(t) else { return }
                visited.insert(t)
                dist[t] = level + 1
                parent[t] = (Int32(rank), Int32(from), Int32(aux))
                next.append(t)
            }
            g.expand(frontier, visited: visited, assumeExploitable: assumeExploitable, reach)
            frontier = next.sorted()
            level += 1
            if let settled, !frontier.isEmpty, settled(visited) { break }
        }
        distance = dist
        reached = visited
        self.parent = parent
    }

    /// The path to `target` (`nil` when unreached).
    /// - Complexity: O(length × (H for an RBAC step)).
    public func path(to target: Int, in g: FootholdGraph) -> FootholdPath? {
        var none: [Int: FootholdStep] = [:]
        return path(to: target, in: g, steps: &none)
    }

    /// ``path(to:in:)`` with the resolved parent step of each state kept in `memo` (a state's
    /// parent edge is fixed, so many paths sharing a prefix resolve it once: a step's details, such
    /// as the deciding policies of X1/X2, cost one naive evaluation).
    /// - Complexity: O(length) plus one step resolution per state not in `memo`.
    func path(to target: Int, in g: FootholdGraph, steps memo: inout [Int: FootholdStep]) -> FootholdPath? {
        guard distance[target] >= 0 else { return nil }
        var steps: [FootholdStep] = [], cur = target
        while distance[cur] > 0 {
            let p = parent[cur]
            if let s = memo[cur] {
                steps.append(s)
            } else {
                let s = g.step(rank: Int(p.rank), from: Int(p.from), to: cur, aux: Int(p.aux))
                memo[cur] = s
                steps.append(s)
            }
            cur = Int(p.from)
        }
        return FootholdPath(start: cur, steps: steps.reversed())
    }

    /// The nearest state of `holders` (smallest distance, then smallest ID), `nil` when none is reached.
    /// Only the reached holders are visited: `holders` is ANDed word by word with the reached set.
    /// - Complexity: O(states / 64 + reached holders).
    public func nearest(in holders: BitSet) -> Int? {
        var best: Int?
        let n = min(holders.words.count, reached.words.count)
        for w in 0..<n {
            var bits = holders.words[w] & reached.words[w]
            while bits != 0 {
                let s = w << 6 | bits.trailingZeroBitCount
                bits &= bits - 1
                if best.map({ distance[s] < distance[$0] }) ?? true { best = s }
            }
        }
        return best
    }
}

/// The non-empty words of a frontier bitset, for finding a hyperedge's first source in the frontier
/// without building an intersection: O(frontier words) per source set instead of O(S / 64) and an
/// allocation.
struct FrontierWords {
    let indices: [Int]
    let words: [UInt64]

    /// - Complexity: O(S / 64).
    init(_ set: BitSet) {
        var i: [Int] = [], w: [UInt64] = []
        for (k, word) in set.words.enumerated() where word != 0 { i.append(k); w.append(word) }
        indices = i
        words = w
    }

    /// The smallest member of `set` in the frontier.
    /// - Complexity: O(frontier words).
    func first(in set: BitSet) -> Int? {
        let other = set.words
        for (k, i) in indices.enumerated() where i < other.count {
            let w = other[i] & words[k]
            if w != 0 { return i << 6 | w.trailingZeroBitCount }
        }
        return nil
    }
}
