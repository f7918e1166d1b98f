import ReachCore
import RBACEngine

/// A minimal path to a goal.
public struct AttackPath: Sendable {
    public var start: AttackState
    /// One edge per step; empty when the start already holds the goal.
    public var steps: [AttackEdge]
    public var length: Int { steps.count }
}

/// Distances of every state to one goal (escalation.md "Path semantics"), with each state's
/// canonical next step.
///
/// One reverse breadth-first search from every state that holds the goal answers "who can
/// transitively do G" for all identities in one pass; each hyperedge fires once, when its first
/// target is reached, and labels all its sources at once. Levels are processed in ascending state
/// order and a source keeps the smallest (technique rank, target), so the next step is the one a
/// forward search ordered by escalation.md's table would take. (A bitset closure over the SCC
/// condensation, `Digraph.componentClosure`, answers reachability for all goals at once but costs
/// O(C² / 64) and gives no lengths; for one goal the reverse search is cheaper.)
///
/// - Complexity: O(S + Σ targets + H × W) after one ``StateTable/allowed(_:)`` for the goal, where
/// W ≤ S / 64 is the number of words of the open set on the level a hyperedge fires (a fired
/// hyperedge visits only its sources that are unreached or reached on the current level); the
/// search stops once every state is reached.
public struct GoalDistances: Sendable {
    public let goal: AccessRequest
    /// States holding the goal directly.
    public let holders: BitSet
    /// Edges to the goal per state; `-1` when unreachable.
    public let distance: [Int32]
    /// Per state at distance > 0: the hyperedge and target of its first step.
    let next: [(edge: Int32, target: Int32)]

    public init(graph: AttackGraph, goal: AccessRequest) {
        self.goal = goal
        holders = graph.table.allowed(goal)
        var dist = [Int32](repeating: -1, count: graph.stateCount)
        var next = [(edge: Int32, target: Int32)](repeating: (-1, -1), count: graph.stateCount)
        var fired = [Bool](repeating: false, count: graph.hyperedges.count)
        var frontier = holders.members
        for s in frontier { dist[s] = 0 }
        // States a firing hyperedge may still change: unreached, or reached on the current level
        // (a better tie may follow). Settled states are masked out word by word.
        var open = BitSet.full(capacity: graph.stateCount)
        open.subtract(holders)
        var openCount = graph.stateCount - frontier.count
        var level: Int32 = 0
        while !frontier.isEmpty, openCount > 0 {
            // The words of `open` that still have members: a fired hyperedge looks only at those,
            // so late levels (few open states) cost O(hyperedges × open words), not O(H × S / 64).
            let openWords = open.nonEmptyWordIndices
            var upcoming: [Int] = []
            for t in frontier {
                for h in graph.hyperedges(into: t) where !fired[Int(h)] {
                    fired[Int(h)] = true
                    let edge = graph.hyperedges[Int(h)]
                    edge.sources.forEachMember(in: open, words: openWords) { s in
                        if dist[s] < 0 {
                            dist[s] = level + 1
                            next[s] = (h, Int32(t))
                            upcoming.append(s)
                        } else if dist[s] == level + 1,
                                  (edge.rank, t) < (graph.hyperedges[Int(next[s].edge)].rank, Int(next[s].target)) {
                            next[s] = (h, Int32(t))
                        }
                    }
                }
            }
            for s in upcoming { open.remove(s) }
            openCount -= upcoming.count
            frontier = upcoming.sorted()
            level += 1
        }
        distance = dist
        self.next = next
    }

    /// The minimal path from `state` (canonical ties), `nil` when the goal is unreachable.
    /// - Complexity: O(length).
    public func path(from state: Int, in graph: AttackGraph) -> AttackPath? {
        guard distance[state] >= 0 else { return nil }
        var steps: [AttackEdge] = [], cur = state
        while distance[cur] > 0 {
            let (h, t) = next[cur]
            steps.append(graph.hyperedges[Int(h)].edge(from: cur, to: Int(t)))
            cur = Int(t)
        }
        return AttackPath(start: graph.table[state], steps: steps)
    }
}

extension AttackGraph {
    /// `*` on `*` in every API group, cluster-wide: only fully wildcarded rules (or
    /// `system:masters`, or `X+ALL@*`) allow this request, which is what "cluster-admin-equivalent" means.
    public static let adminGoal = AccessRequest(verb: "*", apiGroup: "*", resource: "*")

    /// Every candidate identity (states without a self-grant or explicit groups) that can reach
    /// `goal`, with its minimal path, ordered by length then subject string.
    /// - Complexity: O(S + E + Σ path lengths × out-degree).
    public func transitiveHolders(of goal: AccessRequest) -> [AttackPath] {
        let d = GoalDistances(graph: self, goal: goal)
        var out: [AttackPath] = []
        for s in 0..<stateCount {
            let state = table[s]
            guard state.grant == nil, state.groups == nil, let p = d.path(from: s, in: self) else { continue }
            out.append(p)
        }
        // Sort keys built once per path (``AttackState/<`` builds strings per comparison).
        return out.map { ($0.length, $0.start.sortKey, $0) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.lexicographicallyPrecedes($1.1) }.map(\.2)
    }

    /// The minimal path from `start` to `goal` (`start` must have been given to the initializer or
    /// be a candidate), `nil` when unreachable or unknown.
    public func path(from start: AttackState, to goal: AccessRequest) -> AttackPath? {
        guard let id = table.id(of: start) else { return nil }
        return GoalDistances(graph: self, goal: goal).path(from: id, in: self)
    }
}
