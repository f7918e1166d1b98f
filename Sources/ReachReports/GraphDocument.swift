import Foundation
import ReachGraphviz

/// A DOT graph together with the layout engine that suits it (`dot` for small graphs, `sfdp`
/// beyond ``GraphDocument/largeGraphNodes``), renderable in-process to SVG, PNG or PDF.
public struct GraphDocument: Sendable {
    public var graph: DotGraph
    public var engine: LayoutEngine

    /// Graphs with more nodes than this are laid out with `sfdp` (force-directed, scales to
    /// thousands of nodes) instead of `dot` (layered, slow and wide on big graphs).
    public static let largeGraphNodes = 80

    public init(graph: DotGraph, engine: LayoutEngine? = nil) {
        self.graph = graph
        self.engine = engine ?? (graph.nodeCount > Self.largeGraphNodes ? .sfdp : .dot)
        if self.engine == .sfdp {
            self.graph.graphAttributes["overlap"] = "prism"
            self.graph.graphAttributes["splines"] = "true"
        }
    }

    /// The DOT text (deterministic; golden-tested).
    public var dot: String { graph.render() }

    /// Renders through libgvc.
    /// - Complexity: that of the Graphviz layout.
    public func render(_ format: RenderFormat) throws -> Data {
        try GraphvizRenderer.render(dot: dot, engine: engine, format: format)
    }

    /// SVG text.
    public func svg() throws -> String { String(decoding: try render(.svg), as: UTF8.self) }
}

/// The legend every graph carries: a note node listing what shapes, colours and labels mean,
/// including whether nodes were aggregated beyond the node budget.
public enum GraphLegend {
    /// Adds the legend as a `note` node named `legend` (outside every cluster).
    public static func add(to graph: inout DotGraph, prefix: String, lines: [String]) {
        graph.addNode("legend", [
            "id": "\(prefix)-legend", "shape": "note", "style": "filled", "fillcolor": "#fafafa", "color": "#999999",
            "fontsize": "10", "label": (["Legend"] + lines).joined(separator: "\n"),
        ])
    }
}

/// Identifiers for SVG elements (`id` attributes): the graph's prefix plus the node name with
/// characters outside `[A-Za-z0-9._:/-]` replaced by `_`, so several graphs can be inlined in one
/// HTML page without clashes.
public enum SVGID {
    public static func make(_ prefix: String, _ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:/-")
        return prefix + "-" + String(name.map { allowed.contains($0) ? $0 : "_" })
    }
}

/// Shared styling so graphs look like one family.
enum GraphStyle {
    static let font = "Helvetica"

    static func base(name: String, title: String, rankdir: String = "LR") -> DotGraph {
        var g = DotGraph(name: name, attributes: [
            "rankdir": rankdir, "fontname": font, "label": title, "labelloc": "t", "fontsize": "16",
            "nodesep": "0.3", "ranksep": "0.6",
        ])
        g.nodeDefaults = ["fontname": font, "fontsize": "11"]
        g.edgeDefaults = ["fontname": font, "fontsize": "9", "color": "#555555"]
        return g
    }
}
