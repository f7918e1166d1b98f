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

    /// The DOT text.
    /// - Complexity: O(size of the graph).
    public func render() -> String {
        var out = "\(directed ? "digraph" : "graph") \(Self.quote(name)) {\n"
        if !graphAttributes.isEmpty { out += "  graph \(Self.attributes(graphAttributes));\n" }
        if !nodeDefaults.isEmpty { out += "  node \(Self.attributes(nodeDefaults));\n" }
        if !edgeDefaults.isEmpty { out += "  edge \(Self.attributes(edgeDefaults));\n" }
        for cluster in clusters {
            out += "  subgraph \(Self.quote("cluster_" + cluster.id)) {\n"
            for (k, v) in cluster.attributes.sorted(by: { $0.key < $1.key }) { out += "    \(k)=\(Self.quote(v));\n" }
            for node in cluster.nodes { out += "    \(Self.quote(node.id))\(Self.suffix(node.attributes));\n" }
            out += "  }\n"
        }
        for node in nodes { out += "  \(Self.quote(node.id))\(Self.suffix(node.attributes));\n" }
        let arrow = directed ? "->" : "--"
        for edge in edges { out += "  \(Self.quote(edge.from)) \(arrow) \(Self.quote(edge.to))\(Self.suffix(edge.attributes));\n" }
        out += "}\n"
        return out
    }

    static func suffix(_ attributes: [String: String]) -> String {
        attributes.isEmpty ? "" : " " + self.attributes(attributes)
    }

    static func attributes(_ attributes: [String: String]) -> String {
        "[" + attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\(quote($0.value))" }.joined(separator: ", ") + "]"
    }

    /// A DOT double-quoted string (backslashes and quotes escaped, newlines as `\n`).
    public static func quote(_ text: String) -> String {
        var out = "\""
        for ch in text.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}
