import ReachKit

/// DOT for a foothold path (footholds.md), for incident reviews: the internet, pods, nodes and
/// identities drawn with distinct shapes and colours; network steps (X1, X2) dashed blue with the
/// port and the deciding policies, marked as assumptions; pod/node steps (F1–F3) green; RBAC steps
/// (escalation.md, E1n, E7p) grey with the permission used; a legend. Formatting only.
public enum FootholdPathDot {
    static let prefix = "foothold"

    public static func document(_ r: FootholdPathReport) -> GraphDocument {
        GraphDocument(graph: graph(r))
    }

    /// - Complexity: O(steps).
    public static func graph(_ r: FootholdPathReport) -> DotGraph {
        let goal = r.goal.description
        var g = GraphStyle.base(name: "foothold_path", title: "Attack path: \(r.from) → \(goal)")
        addState(r.from, start: true, to: &g)
        for s in r.steps ?? [] {
            addState(s.to, start: false, to: &g)
            var a = ["id": SVGID.make(prefix, "\(s.from)->\(s.to):\(s.technique.raw)"),
                     "tooltip": "\(s.technique.raw) \(s.title)" + (s.detail.isEmpty ? "" : ": \(s.detail)")]
            var label = "\(s.technique.raw) \(s.title)"
            if !s.object.isEmpty { label += "\n\(s.object)" }
            switch s.technique.raw {
            case "X1", "X2":
                a["style"] = "dashed"; a["color"] = "#2874a6"; a["fontcolor"] = "#2874a6"; a["penwidth"] = "2"
                if !s.detail.isEmpty { label += "\n" + s.detail.replacingOccurrences(of: "; ", with: "\n") }
                label += "\n(assumed exploitable)"
            case "F1", "F2", "F3":
                a["color"] = "#1e8449"; a["fontcolor"] = "#1e8449"; a["penwidth"] = "2"
                if !s.detail.isEmpty { label += "\n\(s.detail)" }
            default:
                a["penwidth"] = "2"
                for p in s.permissions { label += "\n\(p.request)" }
                if s.admissionNote != nil { label += "\n(subject to admission policy)" }
                let granted = s.permissions.flatMap(\.grantedBy)
                if !granted.isEmpty { a["labeltooltip"] = "granted by " + granted.joined(separator: "; ") }
            }
            a["label"] = label
            g.addEdge(s.from, s.to, a)
        }
        g.addNode(goal, ["id": SVGID.make(prefix, "goal"), "label": goal, "tooltip": goal, "shape": "doubleoctagon",
                         "style": "filled", "fillcolor": "#c0392b", "fontcolor": "#ffffff", "penwidth": "2"])
        if r.reachable {
            let last = r.steps?.last?.to ?? r.from
            g.addEdge(last, goal, ["id": SVGID.make(prefix, "\(last)->goal"), "color": "#c0392b", "penwidth": "2",
                                   "label": r.goalHeldBy.isEmpty ? "holds the goal" : r.goalHeldBy.joined(separator: "\n"),
                                   "tooltip": "holds \(goal)"])
        }
        var legend = [
            "red ellipse: the internet; green box: a pod; grey box3d: root on a node; yellow: an identity",
            "double border: where the path starts; red octagon: the goal",
            "dashed blue edge: network step (X1 exposed service, X2 lateral movement), port and deciding policies; an assumption",
            "green edge: pod or node step (F1 token, F2 escape, F3 node's pods)",
            "grey edge: API step (escalation.md, E1n, E7p) with the permission it uses",
        ]
        if let note = r.steps?.lazy.compactMap(\.admissionNote).first { legend.append("API steps marked (subject to admission policy): \(note)") }
        if !r.reachable { legend.append("unreachable: no path in the model") }
        if !r.assumeExploitable { legend.append("exploitability not assumed: no X1/X2 steps") }
        GraphLegend.add(to: &g, prefix: prefix, lines: legend)
        return g
    }

    static func addState(_ state: String, start: Bool, to g: inout DotGraph) {
        var a = ["id": SVGID.make(prefix, state), "label": state.replacingFirstColon(), "tooltip": state, "style": "filled"]
        if state == "Internet" {
            a["shape"] = "ellipse"; a["fillcolor"] = "#f5b7b1"
        } else if state.hasPrefix("Pod:") {
            a["shape"] = "box"; a["fillcolor"] = "#d5f5e3"
        } else if state.hasPrefix("Node:") {
            a["shape"] = "box3d"; a["fillcolor"] = "#d6dbdf"
        } else {
            a["shape"] = "box"; a["style"] = "rounded,filled"; a["fillcolor"] = "#fff2c2"
        }
        if start { a["peripheries"] = "2" }
        g.addNode(state, a)
    }
}
