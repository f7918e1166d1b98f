import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NetworkEngine
@testable import ReachKit
import ReachTestSupport
import Testing
@testable import ReachReports

/// SVG renders checked structurally: the document parses as XML and the expected node and edge
/// titles and ids are there. Never byte for byte.
@Suite struct GraphSVGTests {
    /// `<title>` texts and element ids of an SVG document.
    static func parse(_ svg: String) throws -> (titles: Set<String>, ids: Set<String>, tooltips: Set<String>) {
        let doc = try XMLDocument(data: Data(svg.utf8))
        #expect(doc.rootElement()?.name == "svg")
        var titles: Set<String> = [], ids: Set<String> = [], tooltips: Set<String> = []
        func walk(_ node: XMLNode) {
            if let e = node as? XMLElement {
                if e.name == "title", let t = e.stringValue { titles.insert(t) }
                for attribute in e.attributes ?? [] {
                    if attribute.name == "id", let v = attribute.stringValue { ids.insert(v) }
                    if attribute.name == "xlink:title", let v = attribute.stringValue { tooltips.insert(v) }
                }
            }
            for child in node.children ?? [] { walk(child) }
        }
        if let root = doc.rootElement() { walk(root) }
        return (titles, ids, tooltips)
    }

    @Test func reachabilitySVG() throws {
        let a = GraphWriterTests.analyzer(["example"])
        let overview = a.reachabilityOverview(a.networkReach())
        let svg = try ReachabilityDot.document(overview).svg()
        let (titles, ids, _) = try Self.parse(svg)
        for group in overview.groups { #expect(titles.contains(group.id), "missing node \(group.id)") }
        #expect(ids.contains("reach-legend"))
        for link in overview.links {
            let from = overview.groups[link.from].id, to = overview.groups[link.to].id
            let either = [SVGID.make("reach", "\(from)->\(to)"), SVGID.make("reach", "\(from)<->\(to)"), SVGID.make("reach", "\(to)<->\(from)")]
            #expect(either.contains(where: ids.contains), "missing edge \(from)->\(to)")
        }
    }

    @Test func rbacSVG() throws {
        let snapshot = GraphWriterTests.analyzer(["rbac/aggregation/input"]).snapshot
        let g = RBACDot.graph(snapshot)
        let (titles, ids, _) = try Self.parse(try GraphDocument(graph: g).svg())
        for node in g.nodes { #expect(titles.contains(node.id), "missing node \(node.id)") }
        #expect(ids.contains("rbac-legend"))
    }

    @Test func attackPathSVGHasTooltips() throws {
        let svg = try AttackPathDot.document(GraphWriterTests.diagram).svg()
        let (titles, ids, tooltips) = try Self.parse(svg)
        #expect(titles.contains("cluster-admin"))
        #expect(titles.contains("ServiceAccount:dev/ci"))
        #expect(ids.contains(SVGID.make("attack", "cluster-admin")))
        #expect(tooltips.contains { $0.contains("granted by RoleBinding dev/ci-exec") }, "\(tooltips)")
    }

    @Test func largeGraphsUseSfdp() {
        var g = DotGraph(name: "big")
        for i in 0...GraphDocument.largeGraphNodes { g.addNode("n\(i)") }
        #expect(GraphDocument(graph: g).engine == .sfdp)
        #expect(GraphDocument(graph: DotGraph(name: "small")).engine == .dot)
    }
}

/// Regression: a dense clustered reachability graph (the shape of a 10k-pod overview) used to
/// abort the process inside Graphviz 2.42 when its edges had `label`s.
@Suite struct DenseGraphTests {
    @Test func denseClusteredGraphRenders() throws {
        var groups: [ReachabilityOverview.Group] = []
        for ns in 0..<20 {
            for c in 0..<3 {
                groups.append(.init(id: "class:ns\(ns)/c\(c)", kind: c == 2 ? .aggregate : .podClass, namespace: "ns\(ns)",
                                    label: "ns\(ns)/c\(c)", podCount: 10, classCount: 1, ingressIsolated: c == 0, egressIsolated: false))
            }
        }
        var conn = ConnectionSet()
        conn.add(.tcp, 80...80)
        conn.add(.tcp, 8080...8090)
        var links: [ReachabilityOverview.Link] = []
        for a in groups.indices { for b in groups.indices where (a * 7 + b * 3) % 4 == 0 { links.append(.init(from: a, to: b, connections: conn)) } }
        let overview = ReachabilityOverview(groups: groups, links: links, classCount: 100, aggregatedClasses: 40,
                                            aggregatedExternal: 0, nodeBudget: 60, requestedNodeBudget: 60, edgeBudget: 150)
        let doc = ReachabilityDot.document(overview)
        #expect(doc.engine == .dot)
        let svg = try doc.svg()
        #expect(try GraphSVGTests.parse(svg).titles.contains("class:ns0/c0"))
    }
}
