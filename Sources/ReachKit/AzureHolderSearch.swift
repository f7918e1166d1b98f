import AttackGraph
import AzureEngine
import RBACEngine

/// Distances to one goal over the combined graph of ``AzurePathFinder`` (Entra objects, attack-graph
/// states, Key Vault/registry targets), from one reverse breadth-first search started at every
/// node that holds the goal.
///
/// Reverse edges: a hyperedge into a reached state labels all its still-unreached sources at once
/// (it fires once, like ``AttackGraph/GoalDistances``); an Azure route into a reached state or
/// target labels its Entra object; an AZ5 edge into a reached managed identity labels the
/// ServiceAccount state it leaves from.
struct AzureGoalDistances {
    /// Distances of the nodes other than foothold states (all nodes without footholds).
    var distance: [AzurePathFinder.Node: Int32] = [:]
    /// With footholds: the distance of each foothold-graph state, `-1` when it cannot reach the goal.
    var stateDistance: [Int32] = []

    /// The distance of `node`, `nil` when it cannot reach the goal.
    subscript(_ node: AzurePathFinder.Node) -> Int32? {
        if case .state(let s) = node, !stateDistance.isEmpty {
            return s < stateDistance.count && stateDistance[s] >= 0 ? stateDistance[s] : nil
        }
        return distance[node]
    }
}

extension AzurePathFinder {
    /// Every known Entra object (and managed identity) that can reach `goal`, with its minimal
    /// path, ordered by length then principal (`paths --to-admin --azure`,
    /// `who-can --transitive --azure`).
    ///
    /// One reverse search from the goal's holders gives every node's distance (``goalDistances(to:)``);
    /// each object's path is then walked forward, taking at every node the first edge in canonical
    /// order (``edges(from:)``) into a node one step closer. That is the path the per-object forward
    /// search of ``path(from:groups:to:)`` returns: a breadth-first search with first-found parents
    /// returns, among the shortest paths to any holder, the one whose sequence of edge positions is
    /// lexicographically smallest, and so does this walk (`AzureHolderSearchTests` compares both).
    ///
    /// - Complexity: O(A × R + S + Σ targets + H × S / 64) for the search, over A known objects with
    ///   R routes each (``AzureEngine/AzureAuthorizer/routes(from:)``), S states and H hyperedges, plus
    ///   O(L × H) per distinct state on the answers' paths (L their length; a state's edges are found by
    ///   scanning the hyperedges once, then kept). Memory O(A × R + S + Σ targets).
    ///   With footholds (``AzurePathFinder`` built with `reach:`) the same reverse search runs over the
    ///   foothold graph's states too (``footholdGoalDistances(to:_:)``).
    public func azureHolders(of goal: AzurePathGoal) -> [AzurePathReport] {
        holders(of: goal).azure
    }

    /// ``azureHolders(of:)`` and, with footholds, every `Internet`, `Pod:` and `Node:` state that
    /// can reach `goal` over the combined graph (AZ5 from a pod's ServiceAccount, AZ8 from a node
    /// included), with its minimal path, by length then state string; both from one reverse search.
    /// - Complexity: see ``azureHolders(of:)``; with footholds the reverse search also runs one
    ///   ``AttackGraph/FootholdReverseLevels`` level per distance, and one path walk per listed state.
    public func holders(of goal: AzurePathGoal) -> (footholds: [AzurePathReport], azure: [AzurePathReport]) {
        let d = footholds.map { footholdGoalDistances(to: goal, $0) } ?? goalDistances(to: goal)
        let holders = holderStates(goal)
        var out: [AzurePathReport] = []
        for oid in analysis.authorizer.directory.allObjectIDs {
            let ref = analysis.authorizer.directory.principal(for: oid).description
            guard let start = startNode(ref, groups: []), let steps = walk(from: start, d) else { continue }
            guard let granted = holds(steps.end, goal, holders) else { continue }
            out.append(AzurePathReport(start: ref, goal: goal, steps: steps.steps, goalGrantedBy: granted, footholds: footholds != nil))
        }
        let azure = out.sorted { ($0.steps?.count ?? 0, $0.start) < ($1.steps?.count ?? 0, $1.start) }
        return (footholdStates(reaching: goal, d, holders), azure)
    }

    /// The per-object forward searches ``azureHolders(of:)`` replaces (one ``path(from:groups:to:)``
    /// per known object); kept to check that the answers do not change.
    /// - Complexity: one search per known object.
    func azureHoldersBySearchingEach(of goal: AzurePathGoal) -> [AzurePathReport] {
        analysis.authorizer.directory.allObjectIDs.compactMap { oid -> AzurePathReport? in
            let ref = analysis.authorizer.directory.principal(for: oid).description
            guard let r = path(from: ref, to: goal), r.steps != nil else { return nil }
            return r
        }.sorted { ($0.steps?.count ?? 0, $0.start) < ($1.steps?.count ?? 0, $1.start) }
    }

    /// States holding a Kubernetes goal by Kubernetes RBAC (the synthesized Azure RBAC included).
    func goalHolders(_ goal: AzurePathGoal) -> Set<Int> {
        if case .kubernetes(let r) = goal { return Set(graph.table.allowed(r).members) }
        return []
    }

    /// Edges of `node`, computed once per finder.
    func cachedEdges(_ node: Node) -> [(Node, AzurePathStep)] {
        if let hit = memo.edges[node] { return hit }
        let out = edges(from: node)
        memo.edges[node] = out
        return out
    }

    /// The canonical minimal path from `start` given the distances: at each node the first edge
    /// into a node one step closer. `nil` when the goal is unreachable from `start`.
    /// - Complexity: O(length × out-degree) plus the edges of nodes not yet expanded.
    func walk(from start: Node, _ d: AzureGoalDistances) -> (steps: [AzurePathStep], end: Node)? {
        guard var left = d[start] else { return nil }
        var steps: [AzurePathStep] = [], cur = start
        while left > 0 {
            guard let (next, step) = cachedEdges(cur).first(where: { d[$0.0] == left - 1 }) else { return nil }
            steps.append(step)
            cur = next
            left -= 1
        }
        return (steps, cur)
    }

    /// Distances to `goal` of every node that can reach it (see ``AzureGoalDistances``).
    /// - Complexity: see ``azureHolders(of:)``.
    func goalDistances(to goal: AzurePathGoal) -> AzureGoalDistances {
        let holders = goalHolders(goal)
        let reverse = reverseAzureEdges()
        // Hyperedges by target state.
        var into: [Int32: [Int]] = [:]
        for (i, h) in graph.hyperedges.enumerated() { for t in h.targets { into[t, default: []].append(i) } }
        var d = AzureGoalDistances()
        var frontier: [Node] = []
        for s in holders.sorted() { frontier.append(.state(s)) }
        for (_, state) in entraStates.sorted(by: { $0.key < $1.key }) {
            guard let s = graph.table.id(of: state), !holders.contains(s), holds(.state(s), goal, holders) != nil else { continue }
            frontier.append(.state(s))
        }
        for t in reverse.targets.sorted() where holds(.target(t), goal, holders) != nil { frontier.append(.target(t)) }
        for n in frontier { d.distance[n] = 0 }
        var fired = [Bool](repeating: false, count: graph.hyperedges.count)
        var level: Int32 = 0
        while !frontier.isEmpty {
            var upcoming: [Node] = []
            func reach(_ n: Node) {
                if d.distance[n] == nil { d.distance[n] = level + 1; upcoming.append(n) }
            }
            for n in frontier {
                for p in reverse.into[n] ?? [] { reach(p) }
                guard case .state(let t) = n else { continue }
                for h in into[Int32(t)] ?? [] where !fired[h] {
                    fired[h] = true
                    graph.hyperedges[h].sources.forEachMember { reach(.state($0)) }
                }
            }
            frontier = upcoming
            level += 1
        }
        return d
    }

    /// Reverse of the edges that leave or enter Entra objects: route edges of every known object
    /// (AZ1–AZ7), AZ5 (and AZ9) edges from ServiceAccount states and, with footholds, AZ8 from every
    /// `Node:` state and `Node:*` to the kubelet identity; with the target names seen.
    /// - Complexity: O(A × R + ServiceAccounts with workload identities + nodes).
    func reverseAzureEdges() -> (into: [Node: [Node]], targets: Set<String>) {
        var into: [Node: [Node]] = [:], targets = Set<String>()
        var objects = Set(analysis.authorizer.directory.allObjectIDs)
        if let f = footholds, let kubelet = analysis.authorizer.kubeletIdentity() {
            objects.insert(kubelet.objectID)
            into[.azure(kubelet.objectID)] = (f.nodeNames.indices.map(f.nodeID) + [f.anyNodeID]).map { .state($0) }
        }
        for sa in workload.keys.sorted() {
            guard let p = Principal(parsing: sa), let s = graph.table.id(of: AttackState(p)) else { continue }
            for (next, _) in workloadEdges(from: s) {
                into[next, default: []].append(.state(s))
                if case .azure(let oid) = next { objects.insert(oid) }
                if case .target(let t) = next { targets.insert(t) }
            }
        }
        for oid in objects.sorted() {
            for (next, _) in cachedEdges(.azure(oid)) {
                into[next, default: []].append(.azure(oid))
                if case .target(let t) = next { targets.insert(t) }
            }
        }
        return (into, targets)
    }
}
