import AttackGraph
import RBACEngine
import ReachKit

/// Diagrams of the attack-path engine's answers, for ``AttackPathDot``. Formatting only.
extension AttackPathDiagram {
    /// One `paths --from … --to …` answer; an unreachable answer gives a diagram without paths.
    /// - Complexity: O(steps × permissions).
    public init(_ report: AttackPathReport) {
        let goal = "\(report.goal)"
        let steps = (report.steps ?? []).map(Self.step)
        var paths = [steps]
        if let last = steps.last { paths[0].append(Self.goalStep(from: last.to, goal: goal, grantedBy: report.goalGrantedBy)) }
        else if report.reachable { paths = [[Self.goalStep(from: report.from.description, goal: goal, grantedBy: report.goalGrantedBy)]] }
        else { paths = [] }
        self.init(paths: paths, goal: goal, title: "Attack path: \(report.from) → \(goal)")
    }

    /// Several minimal paths merged into one graph (`who-can --transitive`, `paths --to-admin`),
    /// at most `limit` of them (the shortest first, as `paths` is ordered).
    /// - Complexity: O(total steps of the first `limit` paths).
    public init(_ paths: [AttackPath], goal: AccessRequest, graph: AttackGraph, title: String, limit: Int = 25) {
        let goalName = "\(goal)"
        let drawn = paths.prefix(limit).map { p -> [Step] in
            var steps = p.steps.map { Self.step(graph.step($0)) }
            let last = p.steps.last.map { graph.table[$0.to] } ?? p.start
            steps.append(Self.goalStep(from: last.description, goal: goalName, grantedBy: graph.grantedBy(last, goal)))
            return steps
        }
        let more = paths.count > limit ? " (first \(limit) of \(paths.count))" : ""
        self.init(paths: drawn, goal: goalName, title: title + more)
    }

    /// A reported step: the held permissions (one per line) and the object used; the first
    /// grant as the binding (tooltip).
    static func step(_ s: AttackStepReport) -> Step {
        Step(from: s.from, to: s.to, techniqueID: s.technique.raw, techniqueName: s.title,
             permission: s.permissions.map { "\($0.request)" }.joined(separator: "\n") + (s.object.isEmpty ? "" : "\n(\(s.object))"),
             binding: s.permissions.flatMap(\.grantedBy).first)
    }

    static func goalStep(from: String, goal: String, grantedBy: [String]) -> Step {
        Step(from: from, to: goal, techniqueID: "RBAC", techniqueName: "allowed", permission: goal, binding: grantedBy.first)
    }
}
