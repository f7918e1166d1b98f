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
/// HTML page without clashes. Names longer than ``maxNameBytes`` keep their first characters
/// and get an FNV-1a hash of the whole name, so IDs stay short and distinct.
public enum SVGID {
    /// Longest name part kept as is, in UTF-8 bytes (IDs stay under ``DotGraph/maxLineBytes``).
    public static let maxNameBytes = 184

    /// - Complexity: O(name length).
    public static func make(_ prefix: String, _ name: String) -> String {
        if name.utf8.count > maxNameBytes {
            return prefix + "-" + safe(name.prefix(maxNameBytes / 2)) + "-" + fnv1a(name)
        }
        return prefix + "-" + safe(name[...])
    }

    /// Letters, digits and `._:/-` kept; every other character (grapheme) becomes `_`.
    static func safe(_ name: Substring) -> String {
        // Fast path: already safe ASCII (the usual Kubernetes name).
        if name.utf8.allSatisfy(isAllowed) { return String(name) }
        return String(name.map { c -> Character in c.asciiValue.map(isAllowed) == true ? c : "_" })
    }

    @inline(__always)
    static func isAllowed(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// 32-bit FNV-1a of the UTF-8 bytes, as 8 hex digits.
    static func fnv1a(_ text: String) -> String {
        var h: UInt32 = 0x811C_9DC5
        for b in text.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
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
