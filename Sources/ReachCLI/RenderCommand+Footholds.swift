import ArgumentParser
import AttackGraph
import ReachKit
import ReachReports

extension RenderAttack {
    /// Whether `--from`/`--to` name a foothold start or goal (footholds.md): `internet`, `Pod:`,
    /// `Node:`, or the goals `node` / `Node:NAME`.
    var footholdMode: Bool {
        from.flatMap(FootholdState.parse) != nil
            || (to.flatMap { try? GoalParser.parseFoothold($0) }.map { if case .request = $0 { false } else { true } } ?? false)
    }

    /// The foothold path from `from` to `to`, drawn as `paths -o svg` draws it (``FootholdPathDot``).
    /// - Complexity: one foothold graph (attack graph, network analysis) plus one path search.
    func renderFoothold(_ session: AnalysisSession, from: String, to: String) throws {
        let goal = try GoalParser.parseFoothold(to)
        let start: FootholdState
        var starts: [AttackState] = []
        if let f = FootholdState.parse(from) {
            start = f
        } else {
            let s = AttackState(try RBACCommandSupport.principal(from, allowGroup: true))
            starts = [s]
            start = .identity(s)
        }
        let graph = session.analyzer.footholdGraph(index: session.rbac(), reach: session.networkReach(), starts: starts)
        if graph.id(of: start) == nil { throw ValidationError("--from: \(from) is not in the input (no such pod or node)") }
        try self.graph.emit(FootholdPathDot.document(graph.report(from: start, to: goal, assumeExploitable: true)))
        try LoadErrors.finish(session.snapshot)
    }
}
