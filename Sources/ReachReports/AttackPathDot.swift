import ReachGraphviz
import ReachKit

/// An attack path as a small left-to-right DOT graph: one node per state (the start, each hop,
/// and the goal), one edge per step labelled with the technique and the object used.
public enum AttackPathDot {
    /// - Complexity: O(length of the path).
    public static func dot(_ r: AttackPathReport) -> String {
        var g = DotGraph(name: "attack-path", attributes: ["rankdir": "LR", "fontname": "Helvetica"])
        g.nodeDefaults = ["shape": "box", "style": "rounded", "fontname": "Helvetica"]
        g.edgeDefaults = ["fontname": "Helvetica", "fontsize": "10"]
        let start = r.from.description
        g.addNode(start, ["id": "state_0", "style": "rounded,filled", "fillcolor": "#dbe9f6"])
        var previous = start
        for (i, s) in (r.steps ?? []).enumerated() {
            g.addNode(s.to, ["id": "state_\(i + 1)"])
            var label = "\(s.technique) \(s.title)"
            if !s.object.isEmpty { label += "\n\(s.object)" }
            g.addEdge(previous, s.to, ["label": label, "id": "step_\(i + 1)"])
            previous = s.to
        }
        let goal = "goal: \(r.goal)"
        g.addNode(goal, ["id": "goal", "shape": "note", "style": r.reachable ? "filled" : "dashed",
                         "fillcolor": "#f6dbdb"])
        g.addEdge(previous, goal, r.reachable ? ["label": "allowed", "style": "bold"] : ["label": "unreachable", "style": "dashed"])
        return g.render()
    }

    /// The SVG of ``dot(_:)`` through in-process Graphviz.
    public static func svg(_ r: AttackPathReport) throws -> String {
        try GraphvizRenderer.svg(dot: dot(r))
    }
}
