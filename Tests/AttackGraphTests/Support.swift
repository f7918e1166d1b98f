import AttackGraph
import Foundation
import RBACEngine
import ReachKit
import ReachTestSupport

/// Loads a fixture and builds its attack graph.
struct World {
    let analyzer: Analyzer
    let index: RBACIndex
    let graph: AttackGraph

    init(_ relative: String, starts: [AttackState] = [], masters: Bool = true) {
        analyzer = Analyzer.load(paths: [TestPaths.fixture(relative)])
        index = analyzer.rbac(mastersBypass: masters)
        graph = AttackGraph(snapshot: analyzer.snapshot, index: index, starts: starts)
    }

    /// The state whose hop string is `text`.
    func state(_ text: String) -> Int? {
        (0..<graph.stateCount).first { graph.table[$0].description == text && graph.table[$0].groups == nil }
    }

    /// Edges from `from` to `to` (hop strings).
    func edges(_ from: String, _ to: String) -> [AttackEdge] {
        guard let f = state(from), let t = state(to) else { return [] }
        return graph.edges(from: f).filter { $0.to == t }
    }

    /// The minimal path from `from` to `goal`, as hop strings, `nil` when unreachable.
    func hops(_ from: String, _ goal: AccessRequest) -> [String]? {
        guard let f = state(from), let p = GoalDistances(graph: graph, goal: goal).path(from: f, in: graph) else { return nil }
        return p.steps.map { "\($0.technique) \(graph.table[$0.to])" }
    }
}
