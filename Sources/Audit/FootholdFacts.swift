import AttackGraph
import NetworkEngine
import RBACEngine
import ReachModel

/// What the foothold checks (K8S-FTH-001…003) share: building the foothold graph of a snapshot.
enum FootholdFacts {
    /// The foothold graph of `snapshot`: RBAC index, attack graph with the template pods'
    /// ServiceAccounts, NetworkPolicy reach.
    /// - Complexity: one RBAC index, one attack graph, one network analysis and
    ///   ``AttackGraph/FootholdGraph/init(snapshot:attack:reach:)``.
    static func graph(_ snapshot: ClusterSnapshot) -> FootholdGraph {
        let index = RBACIndex(snapshot: snapshot)
        let attack = AttackGraph(snapshot: snapshot, index: index, starts: FootholdGraph.templateServiceAccounts(snapshot))
        return FootholdGraph(snapshot: snapshot, attack: attack, reach: NetworkEngine.analyze(snapshot))
    }

    /// A path as one line: `Internet → X1 → Pod:web/frontend → X2 → Pod:web/api`.
    static func text(_ path: FootholdPath, in g: FootholdGraph) -> String {
        ([g.state(path.start).description] + path.steps.map { "\($0.technique) → \(g.state($0.to))" }).joined(separator: " → ")
    }
}
