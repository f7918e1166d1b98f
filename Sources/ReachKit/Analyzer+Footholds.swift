import AttackGraph
import NetworkEngine
import RBACEngine

extension Analyzer {
    /// The foothold graph (footholds.md) of the snapshot: the attack graph under `index` with
    /// `starts` and every template pod's ServiceAccount as extra states, joined with `reach`.
    /// - Complexity: one ``AttackGraph/AttackGraph/init(snapshot:index:starts:)`` plus
    ///   ``AttackGraph/FootholdGraph/init(snapshot:attack:reach:)``.
    public func footholdGraph(index: RBACIndex, reach: NetworkReach, starts: [AttackState] = []) -> FootholdGraph {
        let attack = AttackGraph(snapshot: snapshot, index: index, starts: starts + FootholdGraph.templateServiceAccounts(snapshot))
        return FootholdGraph(snapshot: snapshot, attack: attack, reach: reach)
    }
}
