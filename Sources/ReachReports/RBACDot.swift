import Audit
import Foundation
import ReachKit
import ReachModel

/// DOT for RBAC as written: subject → binding → role → (resources, verbs), aggregated
/// ClusterRoles linked to the roles their selectors match, risky rules in red. Built from the
/// snapshot's RBAC objects (no permission index), filterable to one subject, namespace or
/// resource, and capped at a node budget (the legend says how many bindings were left out).
public enum RBACDot {
    static let prefix = "rbac"

    public static func document(_ snapshot: ClusterSnapshot, filter: RBACGraphFilter = RBACGraphFilter(),
                                nodeBudget: Int = 120, title: String = "RBAC: who is granted what") -> GraphDocument {
        GraphDocument(graph: graph(snapshot, filter: filter, nodeBudget: nodeBudget, title: title))
    }

    /// - Complexity: O(bindings × (subjects + aggregated roles + rules)).
    public static func graph(_ snapshot: ClusterSnapshot, filter: RBACGraphFilter = RBACGraphFilter(),
                             nodeBudget: Int = 120, title: String = "RBAC: who is granted what") -> DotGraph {
        let model = RBACGraphModel(snapshot)
        var g = GraphStyle.base(name: "rbac", title: title + filterSuffix(filter))
        let candidates = model.filteredBindings(filter)
        let risky = candidates.map { !model.reachableRules($0.roleID, filter).flatMap { RuleRisk.of($0) }.isEmpty }
        // Bindings of risky roles first (then as loaded), so a tight budget keeps what matters.
        let order = candidates.indices.sorted { risky[$0] != risky[$1] ? risky[$0] : $0 < $1 }
        var omitted = 0
        for i in order {
            let b = candidates[i]
            var trial = g
            add(b, model, filter, to: &trial)
            if trial.nodeCount > nodeBudget && g.nodeCount > 0 { omitted += 1; continue }
            g = trial
        }
        if candidates.isEmpty {
            g.addNode("empty", ["label": "no bindings match", "shape": "plaintext"])
        }
        if omitted > 0 {
            g.addNode("more", ["id": "\(prefix)-more", "shape": "box3d", "style": "filled", "fillcolor": "#eeeeee",
                               "label": "… \(omitted) more binding\(omitted == 1 ? "" : "s") not drawn\nfilter by subject, namespace or resource"])
        }
        GraphLegend.add(to: &g, prefix: prefix, lines: legend(omitted: omitted, budget: nodeBudget, drawn: candidates.count - omitted))
        return g
    }

    static func add(_ b: BindingView, _ model: RBACGraphModel, _ filter: RBACGraphFilter, to g: inout DotGraph) {
        for s in b.subjects {
            g.addNode(s, subjectAttributes(s))
            g.addEdge(s, b.id, ["id": SVGID.make(prefix, "\(s)->\(b.id)")])
        }
        g.addNode(b.id, ["id": SVGID.make(prefix, b.id), "label": b.label, "shape": "box", "style": "filled",
                         "fillcolor": "#eeeeee", "fontsize": "9"])
        g.addEdge(b.id, b.roleID, ["id": SVGID.make(prefix, "\(b.id)->\(b.roleID)"),
                                   "label": b.namespace.map { "in \($0)" } ?? "cluster-wide"])
        addRole(b.roleID, b.roleRef, model, filter, to: &g, seen: [])
    }

    static func addRole(_ id: String, _ ref: RoleRef?, _ model: RBACGraphModel, _ filter: RBACGraphFilter,
                        to g: inout DotGraph, seen: Set<String>) {
        guard !seen.contains(id) else { return }
        guard let role = model.roles[id] else {
            g.addNode(id, ["id": SVGID.make(prefix, id), "label": "\(ref?.kind.rawValue ?? "Role") \(ref?.name ?? id)\n(not found)",
                           "shape": "box", "style": "dashed", "color": "#c0392b"])
            return
        }
        let rules = role.rules.filter { RBACGraphModel.keeps($0, filter) }
        let risky = !model.reachableRules(id, filter).flatMap { RuleRisk.of($0) }.isEmpty
        g.addNode(id, ["id": SVGID.make(prefix, id), "label": role.label + (role.aggregates.isEmpty ? "" : "\n(aggregated)"),
                       "shape": "box", "style": "rounded,filled", "fillcolor": risky ? "#f8d3d0" : "#fff2c2",
                       "tooltip": rules.map(RBACGraphModel.ruleText).joined(separator: "\n\n")])
        for rule in rules {
            let text = RBACGraphModel.ruleText(rule)
            let permID = "perm:" + text.replacingOccurrences(of: "\n", with: " | ")
            let risks = RuleRisk.of(rule)
            g.addNode(permID, ["id": SVGID.make(prefix, permID), "label": text, "shape": "note", "style": "filled",
                                       "fillcolor": risks.isEmpty ? "#ffffff" : "#f5b7b1", "fontsize": "9",
                                       "tooltip": risks.isEmpty ? text : "risky: " + risks.map(\.rawValue).joined(separator: ", ")])
            g.addEdge(id, permID, ["id": SVGID.make(prefix, "\(id)->\(permID)")])
        }
        for picked in role.aggregates where !model.reachableRules(picked, filter).isEmpty || filter.resource == nil {
            addRole(picked, nil, model, filter, to: &g, seen: seen.union([id]))
            g.addEdge(id, picked, ["id": SVGID.make(prefix, "\(id)->\(picked)"), "style": "dashed", "label": "aggregates"])
        }
    }

    static func subjectAttributes(_ s: String) -> [String: String] {
        var a = ["id": SVGID.make(prefix, s), "shape": "ellipse", "style": "filled"]
        if s.hasPrefix("ServiceAccount:") {
            a["fillcolor"] = "#d5efd5"; a["label"] = "ServiceAccount\n" + s.dropFirst("ServiceAccount:".count)
        } else if s.hasPrefix("Group:") {
            a["fillcolor"] = "#e8dcff"; a["peripheries"] = "2"; a["label"] = "Group\n" + s.dropFirst("Group:".count)
        } else {
            a["fillcolor"] = "#dbe9ff"
            if let colon = s.firstIndex(of: ":") { a["label"] = s[..<colon] + "\n" + s[s.index(after: colon)...] }
        }
        return a
    }

    static func filterSuffix(_ f: RBACGraphFilter) -> String {
        let parts = [f.subject.map { "subject \($0)" }, f.namespace.map { "namespace \($0)" }, f.resource.map { "resource \($0)" }]
            .compactMap { $0 }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    static func legend(omitted: Int, budget: Int, drawn: Int) -> [String] {
        var lines = [
            "ellipse: subject (blue user, purple group, green service account)",
            "grey box: binding (edge label: where it grants)",
            "rounded box: role (red: grants a risky rule)",
            "note: rule (resources, verbs); red: wildcard, secrets read,",
            "  pods/exec, bind/escalate or impersonate",
            "dashed edge: ClusterRole aggregation",
        ]
        lines.append(omitted > 0 ? "\(omitted) bindings aggregated into one node (node budget \(budget))" : "all \(drawn) bindings drawn")
        return lines
    }
}
