import Foundation
import Testing
@testable import ReachReports

/// Hostile names inside the shared writers: DOT quoting, ID shortening and label truncation,
/// JSON escaping of characters the serializer leaves raw, HTML escaping.
@Suite struct HostileRenderingTests {
    @Test func unsafeAndHugeNodeIDsAreShortenedAndKeptAsLabels() {
        var g = DotGraph(name: "G")
        let evil = "User:evil\u{1B}]0;title\u{07}"
        let huge = String(repeating: "y", count: 5000)
        g.addNode("kr_n1")  // an existing ID the generated ones must not reuse
        g.addNode(evil)
        g.addNode(huge, ["label": "big"])
        g.addEdge(evil, huge)
        let dot = g.render()
        #expect(dot.contains(#""kr_n2" [label="User:evil\\x1b]0;title\\x07"];"#))
        #expect(dot.contains(#""kr_n3" [label="big"];"#))
        #expect(dot.contains(#""kr_n2" -> "kr_n3";"#))
        #expect(!dot.unicodeScalars.contains { $0 != "\n" && SafeText.isTerminalUnsafe($0) })
    }

    @Test func longAttributeValuesAreTruncatedPerLineAndInTotal() {
        var g = DotGraph(name: "G")
        let line = String(repeating: "z", count: 1000)
        g.addNode("a", ["label": "short\n" + line, "tooltip": Array(repeating: "0123456789", count: 100).joined(separator: "\n")])
        let dot = g.render()
        let cut = String(repeating: "z", count: DotGraph.maxLineBytes - 3) + "…"
        #expect(dot.contains(#"label="short\n"# + cut + "\""))
        #expect(dot.utf8.count < DotGraph.maxValueBytes + 600)
    }

    @Test func legitimateLongValuesAreUnchanged() {
        #expect(DotGraph.limited("Legend\n" + String(repeating: "a", count: 150)) == "Legend\n" + String(repeating: "a", count: 150))
    }

    @Test func svgIDsOfHugeNamesStayShortAndDistinct() {
        let a = SVGID.make("rbac", String(repeating: "a", count: 10_000) + "1")
        let b = SVGID.make("rbac", String(repeating: "a", count: 10_000) + "2")
        #expect(a != b)
        #expect(a.utf8.count < DotGraph.maxLineBytes && b.utf8.count < DotGraph.maxLineBytes)
        #expect(SVGID.make("rbac", "User:alice") == "rbac-User:alice")
    }

    @Test func jsonEscapesCharactersTheSerializerLeavesRaw() throws {
        let value = ["name": "a\u{1B}b\u{7F}c\u{9B}d\u{202E}e\u{2028}f\u{E0001}g\n"]
        let text = JSONText.encode(.object(value.map { ($0.key, .string($0.value)) }))
        #expect(text.contains(#""a\u001bb\u007fc\u009bd\u202ee\u2028f\udb40\udc01g\n""#))
        #expect(!text.dropLast().unicodeScalars.contains { $0 != "\n" && SafeText.isTerminalUnsafe($0) })
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(decoded == value)
    }

    @Test func htmlEscapeUsesSafeText() {
        #expect(HTML.escape("<b a='1'>&\u{1B}</b>") == "&lt;b a=&#39;1&#39;&gt;&amp;\\x1b&lt;/b&gt;")
    }
}
