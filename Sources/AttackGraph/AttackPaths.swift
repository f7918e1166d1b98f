import ReachCore
import RBACEngine

/// A minimal path to a goal.
public struct AttackPath: Sendable {
    public var start: AttackState
    /// One edge per step; empty when the start already holds the goal.
    public var steps: [AttackEdge]
    public var length: Int { steps.count }
}

/// Distances of every state to one goal (escalation.md "Path semantics").
///
/// One reverse breadth-first search from every state that holds the goal answers "who can
/// transitively do G" for all identities in one pass; the shortest distance of each state is exact,
/// so no per-identity search and no transitive closure is needed. (A bitset closure over the SCC
/// condensation, `Digraph.componentClosure`, answers reachability for all goals at once but costs
/// O(C² / 64) memory and gives no lengths; for one goal the reverse search is strictly cheaper.)
///
/// - Complexity: O(S + E) after one ``StateTable/allowed(_:)`` for the goal.
public struct GoalDistances: Sendable {
    public let goal: AccessRequest
    /// States holding the goal directly.
    public let holders: BitSet
    /// Edges to the goal per state; `-1` when unreachable.
    public let distance: [Int32]

    public init(graph: AttackGraph, goal: AccessRequest) {
        self.goal = goal
        holders = graph.table.allowed(goal)
        var dist = [Int32](repeating: -1, count: graph.stateCount)
        var queue: [Int32] = []
        holders.forEachMember { s in
            dist[s] = 0
            queue.append(Int32(s))
        }
        var head = 0
        while head < queue.count {
            let t = Int(queue[head])
            head += 1
            for s in graph.sources(into: t) where dist[Int(s)] < 0 {
                dist[Int(s)] = dist[t] + 1
                queue.append(s)
            }
        }
        distance = dist
    }

    /// The minimal path from `state`: at each step the first edge in canonical order (technique
    /// rank, then target) that gets one step closer, so ties follow escalation.md's table order.
    /// `nil` when the goal is unreachable.
    /// - Complexity: O(length × out-degree).
    public func path(from state: Int, in graph: AttackGraph) -> AttackPath? {
        guard distance[state] >= 0 else { return nil }
        var steps: [AttackEdge] = [], cur = state
        while distance[cur] > 0 {
            guard let e = graph.edges(from: cur).first(where: { distance[$0.to] == distance[cur] - 1 }) else { return nil }
            steps.append(e)
            cur = e.to
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
        return out.sorted { ($0.length, $0.start) < ($1.length, $1.start) }
    }

    /// The minimal path from `start` to `goal` (`start` must have been given to the initializer or
    /// be a candidate), `nil` when unreachable or unknown.
    public func path(from start: AttackState, to goal: AccessRequest) -> AttackPath? {
        guard let id = table.id(of: start) else { return nil }
        return GoalDistances(graph: self, goal: goal).path(from: id, in: self)
    }
}
