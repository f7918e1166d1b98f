/// A Graphviz DOT document built in memory and written deterministically: nodes, edges and
/// clusters keep insertion order, attributes are sorted by key, every string is quoted and escaped.
/// Pure Swift (no Graphviz): the DOT text is golden-tested and fed to ``ReachGraphviz`` for SVG.
public struct DotGraph: Sendable {
    public struct Node: Sendable {
        public var id: String
        public var attributes: [String: String]
    }

    public struct Edge: Sendable {
        public var from: String
        public var to: String
        public var attributes: [String: String]
    }

    public struct Cluster: Sendable {
        public var id: String
        public var attributes: [String: String]
        public var nodes: [Node] = []
    }

    public var name: String
    public var directed: Bool
    public var graphAttributes: [String: String]
    public var nodeDefaults: [String: String] = [:]
    public var edgeDefaults: [String: String] = [:]
    public private(set) var nodes: [Node] = []
    public private(set) var edges: [Edge] = []
    public private(set) var clusters: [Cluster] = []
    private var known: Set<String> = []

    public init(name: String, directed: Bool = true, attributes: [String: String] = [:]) {
        self.name = name
        self.directed = directed
        self.graphAttributes = attributes
    }

    /// Adds a node (once: later calls with the same id are ignored), optionally inside a cluster.
    /// - Complexity: O(1) expected, O(clusters) with a cluster.
    public mutating func addNode(_ id: String, cluster: String? = nil, _ attributes: [String: String] = [:]) {
        guard known.insert(id).inserted else { return }
        let node = Node(id: id, attributes: attributes)
        if let cluster, let i = clusters.firstIndex(where: { $0.id == cluster }) {
            clusters[i].nodes.append(node)
        } else {
            nodes.append(node)
        }
    }

    /// Declares a cluster (subgraph) before nodes are added to it.
    public mutating func addCluster(_ id: String, _ attributes: [String: String] = [:]) {
        guard !clusters.contains(where: { $0.id == id }) else { return }
        clusters.append(Cluster(id: id, attributes: attributes))
    }

    public mutating func addEdge(_ from: String, _ to: String, _ attributes: [String: String] = [:]) {
        edges.append(Edge(from: from, to: to, attributes: attributes))
    }

    public var nodeCount: Int { known.count }

    /// Longest line of an attribute value (a label, tooltip…) written, in UTF-8 bytes: longer
    /// lines are cut at a character boundary with an ellipsis (``SafeText/truncated(_:maxBytes:)``).
    /// Graphviz crashes (SIGSEGV in layout) on megabyte labels, and a 200-byte line is already
    /// wider than any readable node.
    public static let maxLineBytes = 200
    /// Longest attribute value written, in UTF-8 bytes, all lines together (same truncation).
    public static let maxValueBytes = 4096
    /// Node and cluster IDs longer than this (in UTF-8 bytes), or holding characters that are not
    /// safe on a terminal, are replaced by short generated IDs (`kr_n1`, `kr_n2`… in order of
    /// first use) in the DOT text; the original ID becomes the node's label when it has none.
    public static let maxIDBytes = 256

    /// The DOT text. Every string is escaped with ``SafeText/dotString(_:)``; attribute values are
    /// truncated (``maxLineBytes``, ``maxValueBytes``) and unsafe or huge IDs shortened
    /// (``maxIDBytes``), so hostile names can neither break the syntax nor crash Graphviz.
    /// - Complexity: O(size of the graph).
    public func render() -> String {
        var ids = IDMap(known: known)
        var out = "\(directed ? "digraph" : "graph") \(Self.quote(name)) {\n"
        if !graphAttributes.isEmpty { out += "  graph \(Self.attributes(graphAttributes));\n" }
        if !nodeDefaults.isEmpty { out += "  node \(Self.attributes(nodeDefaults));\n" }
        if !edgeDefaults.isEmpty { out += "  edge \(Self.attributes(edgeDefaults));\n" }
        for cluster in clusters {
            var clusterID = "cluster_" + cluster.id
            if ids.needsShortID(clusterID) { clusterID = "cluster_" + ids.short(cluster.id) }
            out += "  subgraph \(Self.quote(clusterID)) {\n"
            for (k, v) in cluster.attributes.sorted(by: { $0.key < $1.key }) { out += "    \(k)=\(Self.quote(Self.limited(v)));\n" }
            for node in cluster.nodes { out += "    " + Self.nodeLine(node, &ids) }
            out += "  }\n"
        }
        for node in nodes { out += "  " + Self.nodeLine(node, &ids) }
        let arrow = directed ? "->" : "--"
        for edge in edges {
            out += "  \(Self.quote(ids.id(edge.from))) \(arrow) \(Self.quote(ids.id(edge.to)))\(Self.suffix(edge.attributes));\n"
        }
        out += "}\n"
        return out
    }

    /// `"id" [attributes];` with the ID shortened when needed (the original kept as label).
    static func nodeLine(_ node: Node, _ ids: inout IDMap) -> String {
        let id = ids.id(node.id)
        var attributes = node.attributes
        if id != node.id && attributes["label"] == nil { attributes["label"] = node.id }
        return "\(quote(id))\(suffix(attributes));\n"
    }

    /// Short IDs for node IDs that are too long or unsafe, assigned in order of first use.
    struct IDMap {
        var known: Set<String>
        var assigned: [String: String] = [:]
        var next = 1

        func needsShortID(_ id: String) -> Bool {
            id.utf8.count > DotGraph.maxIDBytes || id.unicodeScalars.contains(where: SafeText.isTerminalUnsafe)
        }

        mutating func id(_ id: String) -> String { needsShortID(id) ? short(id) : id }

        mutating func short(_ id: String) -> String {
            if let s = assigned[id] { return s }
            var candidate = "kr_n\(next)"
            while known.contains(candidate) { next += 1; candidate = "kr_n\(next)" }
            next += 1
            known.insert(candidate)
            assigned[id] = candidate
            return candidate
        }
    }

    /// `value` with every line cut to ``maxLineBytes`` and the whole to ``maxValueBytes``.
    /// - Complexity: O(length of the value).
    static func limited(_ value: String) -> String {
        if value.utf8.count <= maxLineBytes { return value }
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        var out = lines.map { SafeText.truncated(String($0), maxBytes: maxLineBytes) }.joined(separator: "\n")
        if out.utf8.count > maxValueBytes { out = SafeText.truncated(out, maxBytes: maxValueBytes) }
        return out
    }

    static func suffix(_ attributes: [String: String]) -> String {
        attributes.isEmpty ? "" : " " + self.attributes(attributes)
    }

    static func attributes(_ attributes: [String: String]) -> String {
        "[" + attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\(quote(limited($0.value)))" }.joined(separator: ", ") + "]"
    }

    /// A DOT double-quoted string: ``SafeText/dotString(_:)`` (backslashes and quotes escaped,
    /// newlines as `\n`, control characters written visibly).
    public static func quote(_ text: String) -> String { SafeText.dotString(text) }
}
