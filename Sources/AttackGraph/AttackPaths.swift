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
/// transitively do G" for all identities in one pass; each hyperedge fires once, on the level its
/// first target is reached, and labels all its still-unreached sources at once. A level's
/// hyperedges fire in (technique rank, smallest reached target, hyperedge) order, so a source's
/// first label is its smallest (rank, target): the next step a forward search ordered by
/// escalation.md's table would take. (A bitset closure over the SCC
/// condensation, `Digraph.componentClosure`, answers reachability for all goals at once but costs
/// O(C² / 64) and gives no lengths; for one goal the reverse search is cheaper.)
///
/// - Complexity: O(S + Σ targets + H log H + H × W) after one ``StateTable/allowed(_:)`` for the
/// goal, where W ≤ S / 64 is the number of words still holding unreached states when a hyperedge
/// fires (emptied words are dropped as states are reached); the search stops once every state is
/// reached.
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
        let n = graph.stateCount
        var dist = [Int32](repeating: -1, count: n)
        var next = [(edge: Int32, target: Int32)](repeating: (-1, -1), count: n)
        var fired = [Bool](repeating: false, count: graph.hyperedges.count)
        let ranks = graph.hyperedges.map { Int32($0.rank) }
        var frontier = holders.members
        for s in frontier { dist[s] = 0 }
        // The unreached states, and the indices of its words that may still have members
        // (compacted as states are reached).
        var open = BitSet.full(capacity: n)
        open.subtract(holders)
        var active = open.nonEmptyWordIndices
        var openCount = n - frontier.count
        var level: Int32 = 0
        while !frontier.isEmpty, openCount > 0 {
            // Every hyperedge into the frontier fires once, with its smallest frontier target, in
            // (technique rank, target, hyperedge) order: the first to reach a state is its
            // canonical next step, so each state is assigned once and leaves the open set at once.
            var firing: [(rank: Int32, target: Int32, edge: Int32)] = []
            for t in frontier {
                for h in graph.hyperedges(into: t) where !fired[Int(h)] {
                    fired[Int(h)] = true
                    firing.append((ranks[Int(h)], Int32(t), h))
                }
            }
            firing.sort { ($0.rank, $0.target, $0.edge) < ($1.rank, $1.target, $1.edge) }
            var upcoming: [Int] = []
            var reachedSinceCompaction = 0
            for f in firing {
                if openCount == 0 { break }
                let before = upcoming.count
                switch graph.hyperedges[Int(f.edge)].sources {
                case .one(let s):
                    if open.removeMember(Int(s)) { upcoming.append(Int(s)) }
                case .set(let b):
                    open.remove(commonWith: b, inWords: active, appendingTo: &upcoming)
                }
                let reached = upcoming.count - before
                guard reached > 0 else { continue }
                for s in upcoming[before...] {
                    dist[s] = level + 1
                    next[s] = (f.edge, f.target)
                }
                openCount -= reached
                reachedSinceCompaction += reached
                // Drop emptied words once enough states left (amortised O(1) per state).
                if reachedSinceCompaction * 4 >= active.count {
                    active.removeAll { open.isWordEmpty(Int($0)) }
                    reachedSinceCompaction = 0
                }
            }
            upcoming.sort()
            frontier = upcoming
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
