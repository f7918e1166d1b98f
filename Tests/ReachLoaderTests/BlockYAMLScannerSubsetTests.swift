import ReachLoader
import Testing

/// Which documents the fast block-YAML path keeps (and then matches libyaml exactly) and which it
/// gives back to libyaml, one rule at a time (rules: docs/yaml-1.1.md, "The block fast path").
@Suite struct BlockYAMLScannerSubsetTests {
    static let kubectlStyle = """
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: "web-0"
          labels: {}
          annotations:
            note: 'it''s # not a comment'
            path: "a\\/b\\n"
        spec:
          containers:
          - name: app
            image: nginx:1.25   # pinned
            ports:
            -   containerPort: 80
                protocol: TCP
            args: []
          nodeSelector:
          tolerations:
            - key: é
              value: 日本 語
        """

    @Test func keepsKubectlStyleDocumentsAndMatchesLibyaml() throws {
        for text in [Self.kubectlStyle, Self.kubectlStyle.replacingOccurrences(of: "\n", with: "\r\n")] {
            let fast = try #require(YAMLPathComparison.fastPath(text[...]))
            #expect(fast == YAMLPathComparison.libyaml(text[...]))
        }
    }

    @Test func duplicateKeyWarningsAreLibyamlsAndOnlyOnSuccess() throws {
        let text = "a: 1\nb: 2\na: 3\n"
        let fast = try #require(YAMLPathComparison.fastPath(text[...]))
        #expect(fast.first?.warnings.count == 1)
        #expect(fast == YAMLPathComparison.libyaml(text[...]))
    }

    /// A line longer than 1,024 bytes goes to libyaml (per-node work on a line stays bounded):
    /// 200,000 nodes on one 1.2 MB line are given back at once.
    @Test func longLinesGoToLibyaml() {
        let text = "x: [é, " + Array(repeating: "abcd", count: 200_000).joined(separator: ", ") + "]\n"
        let clock = ContinuousClock(), t0 = clock.now
        #expect(YAMLPathComparison.fastPath(text[...]) == nil)
        #expect(clock.now - t0 < .seconds(5))
    }

    @Test(arguments: [
        "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: >\n  text\n", "a: {b: c,\n  d: e}\n", "a: [1,]\n", "a: {b}\n", "a: [b: c]\n",
        "a: {b:c}\n", "a: {\"b\":c}\n", "a: [b] x\n", "a: [b #c]\n", "a: {b: }\n", "a: [b,,c]\n", "a: [?b]\n",
        "a: b\n  c\n", "a: 'b\n  c'\n", "a: \"b\\x41\"\n", "a: \"b\\u00e9\"\n", "a:\tb\n", "a: b\u{85}c\n",
        "a: \u{FEFF}b\n", "%YAML 1.1\n---\na: b\n", "a: b\n...\n", "a: b\n---\nc: d\n", "? a\n: b\n",
        "- \n- a\n", "- - a\n", "a:\n  scalar alone\n", "a: b: c\n", "a: 1\n b: 2\n", "{\"a\": 1}\n", "plain\n",
        "a: b\r\rc: d\n", "a: @x\n", "a: `x\n", "<<: 1\n", String(repeating: "k", count: 1001) + ": v\n",
        (0..<101).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " v\n",
    ])
    func givesBackToLibyaml(_ text: String) {
        #expect(YAMLPathComparison.fastPath(text[...]) == nil, "\(text.debugDescription) should go to libyaml")
    }
}
