import AttackGraph
import AzureEngine
import ReachCore

extension AzurePathFinder {
    /// Distances to `goal` over the combined graph with footholds: foothold states (identities,
    /// `Internet`, `Pod:`, `Node:`), Entra objects and targets, from one reverse breadth-first
    /// search started at every node holding the goal (``holderStates(_:)``, the Entra identities
    /// Azure RBAC for Kubernetes allows, the targets named by the goal). Each level asks the
    /// foothold graph for the predecessors of its foothold states (``AttackGraph/FootholdReverseLevels``,
    /// the reverse of ``footholdEdges(from:)``'s foothold part, with ``assumeExploitable``) and
    /// ``reverseAzureEdges()`` for the rest (AZ1–AZ7 into states and targets, AZ5/AZ9 from
    /// ServiceAccount states, AZ8 from `Node:` states).
    /// - Complexity: O(A × R + nodes) for the reverse Azure edges, plus per level one
    ///   ``AttackGraph/FootholdReverseLevels`` level and O(Azure in-edges of the frontier);
    ///   levels ≤ the diameter. Memory O(foothold states + A × R + Σ targets).
    func footholdGoalDistances(to goal: AzurePathGoal, _ f: FootholdGraph) -> AzureGoalDistances {
        let holders = holderStates(goal)
        let reverse = reverseAzureEdges()
        var levels = FootholdReverseLevels(graph: f, assumeExploitable: assumeExploitable)
        var d = AzureGoalDistances()
        d.stateDistance = [Int32](repeating: -1, count: f.stateCount)
        var visited = BitSet(capacity: f.stateCount)
        var frontier: [Node] = holders.sorted().map { .state($0) }
        for (_, state) in entraStates.sorted(by: { $0.key < $1.key }) {
            guard let s = graph.table.id(of: state), !holders.contains(s), holds(.state(s), goal, holders) != nil else { continue }
            frontier.append(.state(s))
        }
        for t in reverse.targets.sorted() where holds(.target(t), goal, holders) != nil { frontier.append(.target(t)) }
        for n in frontier {
            if case .state(let s) = n { d.stateDistance[s] = 0; visited.insert(s) } else { d.distance[n] = 0 }
        }
        var level: Int32 = 0
        while !frontier.isEmpty {
            var upcoming: [Node] = []
            func reach(_ n: Node) {
                if case .state(let s) = n {
                    guard s < f.stateCount, !visited.contains(s) else { return }
                    visited.insert(s)
                    d.stateDistance[s] = level + 1
                } else {
                    guard d.distance[n] == nil else { return }
                    d.distance[n] = level + 1
                }
                upcoming.append(n)
            }
            let states = frontier.compactMap { n -> Int? in if case .state(let s) = n { s } else { nil } }.sorted()
            let seen = visited
            levels.predecessors(of: states, visited: seen) { reach(.state($0)) }
            for n in frontier { for p in reverse.into[n] ?? [] { reach(p) } }
            frontier = upcoming
            level += 1
        }
        return d
    }

    /// The `Internet`, `Pod:` and `Node:` states (``FootholdGraph`` IDs from `identityCount` on)
    /// and the ServiceAccount identity states (no self-grant; they leave the cluster through AZ5/AZ9)
    /// with a distance in `d`, each with its canonical path (``walk(from:_:)``), by length then
    /// state string; empty without footholds.
    /// - Complexity: O(identity states) to pick the ServiceAccounts, plus one path walk per listed state.
    func footholdStates(reaching goal: AzurePathGoal, _ d: AzureGoalDistances, _ holders: Set<Int>) -> [AzurePathReport] {
        guard let f = footholds else { return [] }
        var out: [AzurePathReport] = []
        let serviceAccounts = (0..<f.identityCount).filter { s in
            guard case .identity(let a) = f.state(s), a.grant == nil, case .serviceAccount = a.principal else { return false }
            return true
        }
        for s in serviceAccounts + Array(f.identityCount..<f.stateCount) where d[.state(s)] != nil {
            guard let steps = walk(from: .state(s), d), let granted = holds(steps.end, goal, holders) else { continue }
            out.append(AzurePathReport(start: f.state(s).description, goal: goal, steps: steps.steps, goalGrantedBy: granted, footholds: true))
        }
        return out.sorted { a, b in
            let (la, lb) = (a.steps?.count ?? 0, b.steps?.count ?? 0)
            return la != lb ? la < lb : a.start.utf8.lexicographicallyPrecedes(b.start.utf8)
        }
    }
}
