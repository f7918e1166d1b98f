import AttackGraph
import NetworkEngine
import ReachCore
import ReachKit
import ReachModel
import Testing

/// The bitset search (X2 over class matrices, ``FootholdSearch``) against a brute force on seeded
/// random clusters: X2 as explicit pod-pair edges decided by the naive per-pair policy evaluator
/// (``NetworkEngine/PairEvaluator``, networkpolicy.md read policy by policy) on every port the
/// destination listens on, the other edges as ``FootholdGraph/edges(from:assumeExploitable:)``
/// lists them, and a plain breadth-first search. Distances from `Internet` and from every pod must
/// agree, and so must the distances to a goal of the reverse search, with and without the
/// exploitability assumption.
@Suite struct FootholdBruteForceTests {
    /// footholds.md X2: ports `B` listens on are its declared container ports and the target ports
    /// of Services of its namespace whose non-empty selector matches it (named ones resolved on `B`).
    static func listenPorts(_ snap: ClusterSnapshot, _ ep: NetworkEndpoint) -> [ProbePort] {
        var out = Set(ep.ports.filter { (1...65535).contains($0.containerPort) }.map { ProbePort(protocol: $0.protocolName, port: $0.containerPort) })
        for s in snap.services where (s.namespace ?? "default") == ep.namespace {
            guard let sel = s.selector, !sel.isEmpty, sel.allSatisfy({ ep.labels[$0.key] == $0.value }) else { continue }
            for sp in s.ports {
                switch sp.targetPort {
                case nil: out.insert(ProbePort(protocol: sp.protocolName, port: sp.port))
                case .number(let n)?: out.insert(ProbePort(protocol: sp.protocolName, port: n))
                case .name(let name)?:
                    for p in ep.ports where p.name == name && p.protocolName == sp.protocolName {
                        out.insert(ProbePort(protocol: sp.protocolName, port: p.containerPort))
                    }
                }
            }
        }
        return out.sorted()
    }

    /// Plain BFS over explicit adjacency lists.
    static func bfs(_ adjacency: [[Int]], from starts: [Int]) -> [Int32] {
        var dist = [Int32](repeating: -1, count: adjacency.count)
        for s in starts { dist[s] = 0 }
        var queue = starts, head = 0
        while head < queue.count {
            let u = queue[head]; head += 1
            for v in adjacency[u] where dist[v] < 0 { dist[v] = dist[u] + 1; queue.append(v) }
        }
        return dist
    }

    @Test(arguments: 1...12)
    func bitsetSearchAgreesWithPodPairBFS(seed: UInt64) {
        var gen = FootholdRandomCluster(rng: SplitMix64(seed: seed))
        let snap = gen.snapshot(pods: 10 + Int(seed % 5) * 6, policies: Int(seed % 7))
        let analyzer = Analyzer(snapshot: snap)
        let reach = analyzer.networkReach()
        let g = analyzer.footholdGraph(index: analyzer.rbac(), reach: reach)
        let naive = reach.evaluator
        for assume in [true, false] {
            var adjacency = [[Int]](repeating: [], count: g.stateCount)
            for s in 0..<g.stateCount {
                adjacency[s] = g.edges(from: s, assumeExploitable: assume).filter { $0.technique != X2.id }.map(\.to)
            }
            if assume {
                let eps = reach.endpoints
                for b in eps.indices {
                    let ports = Self.listenPorts(snap, eps[b])
                    for a in eps.indices where a != b && ports.contains(where: { naive.allowed(.endpoint(a), .endpoint(b), $0) }) {
                        adjacency[g.podID(a)].append(g.podID(b))
                    }
                }
            }
            // Distances to a goal (reverse search, X2 reversed over the class matrices): the goal
            // "root on any node", and the goal "code execution in pod 0".
            var reversed = [[Int]](repeating: [], count: g.stateCount)
            for (u, targets) in adjacency.enumerated() { for v in targets { reversed[v].append(u) } }
            for holders in [g.holders(of: .anyNode), BitSet(capacity: g.stateCount, members: [g.podID(0)])] {
                let expected = Self.bfs(reversed, from: holders.members)
                let actual = FootholdDistances(graph: g, holders: holders, assumeExploitable: assume).distance
                #expect(actual == expected, "seed \(seed), assume \(assume), goal distances")
            }
            var starts = [g.internetID]
            for p in 0..<g.pods.count { starts.append(g.podID(p)) }
            for s in starts {
                let expected = Self.bfs(adjacency, from: [s])
                let actual = FootholdSearch(graph: g, from: [s], assumeExploitable: assume).distance
                #expect(actual == expected, "seed \(seed), assume \(assume), from \(g.state(s))")
            }
        }
    }
}
