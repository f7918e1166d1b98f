import NetworkEngine
import ReachKit

/// DOT for a ``ReachKit/ReachabilityOverview``: namespaces as clusters, classes of equivalent
/// pods as nodes, external address ranges in their own cluster, edges labelled with the allowed
/// port ranges, isolation shown by fill colour, and a legend. Formatting only.
public enum ReachabilityDot {
    static let prefix = "reach"

    /// The overview as a graph document (layout engine chosen by size).
    public static func document(_ overview: ReachabilityOverview, title: String = "NetworkPolicy reachability") -> GraphDocument {
        GraphDocument(graph: graph(overview, title: title))
    }

    /// - Complexity: O(groups + links).
    public static func graph(_ overview: ReachabilityOverview, title: String = "NetworkPolicy reachability") -> DotGraph {
        var g = GraphStyle.base(name: "reachability", title: title)
        for group in overview.groups {
            var cluster: String? = nil
            if group.kind == .external {
                cluster = "external"
                g.addCluster("external", ["label": "outside the cluster (ipBlock ranges)", "style": "dashed", "color": "#6a7fb5"])
            } else if let ns = group.namespace {
                cluster = "ns_" + ns
                g.addCluster("ns_" + ns, ["label": "namespace " + ns, "style": "rounded", "color": "#888888"])
            }
            g.addNode(group.id, cluster: cluster, nodeAttributes(group))
        }
        // Reciprocal links with the same ports become one double-headed edge (half the clutter).
        var connections: [Int: ConnectionSet] = [:]
        let n = overview.groups.count
        for link in overview.links { connections[link.from * n + link.to] = link.connections }
        for link in overview.links {
            let back = link.from != link.to && connections[link.to * n + link.from] == link.connections
            if back && link.from > link.to { continue }
            let from = overview.groups[link.from], to = overview.groups[link.to]
            let text = link.connections.description
            // `xlabel`, not `label`: Graphviz 2.42's dot layout corrupts its heap (double free
            // in gvFreeLayout) on labelled edges between clusters once graphs get dense; xlabels
            // are placed after layout and avoid it (see DenseGraphTests).
            var attributes = [
                "id": SVGID.make(prefix, "\(from.id)\(back ? "<->" : "->")\(to.id)"), "xlabel": text,
                "tooltip": "\(oneLine(from.label)) \(back ? "↔" : "→") \(oneLine(to.label)): \(text)",
            ]
            if back { attributes["dir"] = "both" }
            g.addEdge(from.id, to.id, attributes)
        }
        GraphLegend.add(to: &g, prefix: prefix, lines: legend(overview))
        return g
    }

    static func nodeAttributes(_ group: ReachabilityOverview.Group) -> [String: String] {
        var a = ["id": SVGID.make(prefix, group.id)]
        switch group.kind {
        case .external:
            a["shape"] = "hexagon"; a["style"] = "filled"; a["fillcolor"] = "#e3e9fb"
            a["label"] = group.label
            a["tooltip"] = "external addresses: " + oneLine(group.label)
            return a
        case .podClass:
            a["shape"] = "box"; a["style"] = "rounded,filled"
        case .aggregate:
            a["shape"] = "box3d"; a["style"] = "filled"
        }
        let name = group.kind == .podClass ? shortName(group) : group.label
        let pods = "\(group.podCount) pod\(group.podCount == 1 ? "" : "s")"
        let classes = group.kind == .aggregate ? " in \(group.classCount) classes" : ""
        a["label"] = "\(name)\n\(pods)\(classes) · \(isolationText(group))"
        a["fillcolor"] = group.ingressIsolated ? (group.egressIsolated ? "#d5efd5" : "#fff2c2") : "#f8d3d0"
        a["tooltip"] = "\(group.label): \(pods)\(classes); \(isolationText(group))"
        return a
    }

    static func oneLine(_ text: String) -> String { text.split(separator: "\n").joined(separator: " ") }

    /// The class label without its namespace (the cluster names it).
    static func shortName(_ group: ReachabilityOverview.Group) -> String {
        guard let ns = group.namespace, group.label.hasPrefix(ns + "/") else { return group.label }
        return String(group.label.dropFirst(ns.count + 1))
    }

    static func isolationText(_ group: ReachabilityOverview.Group) -> String {
        switch (group.ingressIsolated, group.egressIsolated) {
        case (true, true): "isolated in+out"
        case (true, false): "ingress-isolated"
        case (false, true): "egress-isolated only"
        case (false, false): "not isolated"
        }
    }

    static func legend(_ overview: ReachabilityOverview) -> [String] {
        var lines = [
            "box: class of equivalent pods (same policies apply)",
            "green: isolated for ingress and egress",
            "yellow: ingress-isolated, egress open",
            "red: not ingress-isolated (any source may connect)",
            "hexagon: external address range",
            "edge: allowed ports between different pods",
            "double arrow: the same ports both ways",
            "self traffic is always allowed (not drawn)",
        ]
        if overview.isAggregated {
            lines.append("box3d: \(overview.aggregatedClasses) of \(overview.classCount) classes aggregated")
            lines.append("  per namespace (node budget \(overview.nodeBudget))")
            if overview.nodeBudget < overview.requestedNodeBudget {
                lines.append("  budget lowered from \(overview.requestedNodeBudget) to keep ≤ \(overview.edgeBudget) edges")
            }
            if overview.aggregatedExternal > 0 { lines.append("\(overview.aggregatedExternal) external ranges aggregated") }
        } else {
            lines.append("all \(overview.classCount) classes shown (no aggregation)")
        }
        return lines
    }
}
