import Testing
@testable import ReachReports

@Suite struct DotGraphTests {
    @Test func rendersDeterministicallyWithEscaping() {
        var g = DotGraph(name: "G", attributes: ["rankdir": "LR"])
        g.nodeDefaults = ["shape": "box"]
        g.addCluster("ns_prod", ["label": "prod"])
        g.addNode("prod/api", cluster: "ns_prod", ["label": "api \"v2\"", "color": "red"])
        g.addNode("ext")
        g.addNode("ext", ["label": "ignored: already added"])
        g.addEdge("ext", "prod/api", ["label": "TCP 443\nUDP 53"])
        #expect(g.render() == """
        digraph "G" {
          graph [rankdir="LR"];
          node [shape="box"];
          subgraph "cluster_ns_prod" {
            label="prod";
            "prod/api" [color="red", label="api \\"v2\\""];
          }
          "ext";
          "ext" -> "prod/api" [label="TCP 443\\nUDP 53"];
        }

        """)
        #expect(g.nodeCount == 2)
    }

    @Test func quoteEscapesBackslashes() {
        #expect(DotGraph.quote(#"a\b"#) == #""a\\b""#)
    }
}
