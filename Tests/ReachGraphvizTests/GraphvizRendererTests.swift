import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReachGraphviz

@Suite struct GraphvizRendererTests {
    @Test func rendersSVGInProcess() throws {
        let svg = try GraphvizRenderer.svg(dot: #"digraph G { a [id="node_a"]; b [id="node_b"]; a -> b [id="edge_ab"]; }"#)
        #expect(svg.contains("<svg"))
        #expect(svg.contains(#"id="node_a""#))
        #expect(svg.contains(#"id="node_b""#))
        #expect(svg.contains(#"id="edge_ab""#))
        #expect(svg.contains("<title>a&#45;&gt;b</title>"))
        // Structurally valid XML.
        let doc = try XMLDocument(data: Data(svg.utf8))
        #expect(doc.rootElement()?.name == "svg")
    }

    @Test func syntaxErrorsBecomeSwiftErrors() {
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.svg(dot: "digraph { a -> ") }
    }

    @Test func repeatedRendersAreStable() throws {
        let dot = "digraph G { x -> y -> z; }"  // named: anonymous graphs get a per-process counter name
        let first = try GraphvizRenderer.svg(dot: dot)
        for _ in 0..<50 { #expect(try GraphvizRenderer.svg(dot: dot) == first) }
    }

    @Test(arguments: [LayoutEngine.dot, .neato, .fdp, .sfdp])
    func layoutEngines(engine: LayoutEngine) throws {
        let svg = try GraphvizRenderer.svg(dot: "graph { a -- b; b -- c; c -- a; }", engine: engine)
        #expect(svg.contains("<svg"))
    }
}
