import Testing
@testable import ReachModel

/// Cases transcribed from projectcalico/calico `libcalico-go/lib/selector/parser/parser_test.go`
/// (`selectorTests`, `badSelectors`): selector, labels that match, labels that do not.
private let selectorCases: [(String, [[String: String]], [[String: String]])] = [
    (#"a == "b""#, [["a": "b"], ["a": "b", "c": "d"]], [[:], ["a": "c"], ["c": "d"]]),
    (#"a == "b" && c == "d""#, [["a": "b", "c": "d"]], [[:], ["a": "b", "c": "e"], ["a": "c", "c": "d"], ["c": "d"], ["a": "b"]]),
    (#"a == "b" || c == "d""#, [["a": "b", "c": "d"], ["a": "b"], ["c": "d"]], [[:], ["a": "e", "c": "e"], ["c": "e"], ["a": "e"]]),
    (#"a in {"'", '"', "c"}"#, [["a": "c"], ["a": "\""], ["a": "'"]], [[:], ["a": "e"]]),
    (#"a not in {"'", '"', "c"}"#, [[:], ["a": "e"]], [["a": "c"], ["a": "\""], ["a": "'"]]),
    ("a == 'a'", [["a": "a"]], [["a": "b"], [:]]),
    (#"a == "a""#, [["a": "a"]], []),
    (#"a != "b""#, [["a": "a"]], []),
    (#"a != "a""#, [[:]], [["a": "a"]]),
    ("a != 'a'", [], [["a": "a"]]),
    (#"a contains "a""#, [["a": "a"], ["a": "bab"], ["a": "aaa", "b": "c"]], [[:], ["a": "b"], ["b": "aaa"]]),
    (#"a starts with "a""#, [["a": "a"], ["a": "abb"], ["a": "aaa", "b": "c"]], [[:], ["a": "b"], ["a": "baa"], ["b": "aaa"]]),
    (#"a ends with "a""#, [["a": "a"], ["a": "bba"], ["a": "aaa", "b": "c"]], [[:], ["a": "b"], ["a": "aab"], ["b": "aaa"]]),
    (#"a startswith "a""#, [["a": "abb"]], [["a": "baa"]]),
    (#"a in {"a"}"#, [["a": "a"]], [["a": "b"]]),
    (#"!a in {"a"}"#, [["a": "b"]], []),
    (#"a in {"a", "b"}"#, [["a": "a"], ["a": "b"]], [["a": "c"]]),
    (#"a not in {"d", "e"}"#, [["a": "a"]], []),
    (#"a not in {"a"}"#, [], [["a": "a"]]),
    ("has(a)", [["a": "b"]], []),
    ("!has(a)", [["b": "b"]], [["a": "b"]]),
    ("has(b)", [], [["a": "b"]]),
    ("!!has(b)", [], [["a": "b"]]),
    ("! has(a)", [], [["a": "b"]]),
    ("!!! has(a)", [], [["a": "b"]]),
    ("!!!has(a)", [], [["a": "b"]]),
    ("!! ! has(a)", [], [["a": "b"]]),
    ("! !!has(a)", [], [["a": "b"]]),
    ("", [[:], ["a": "b"]], []),
    (" ", [[:]], []),
    ("all()", [[:]], []),
    (" all()", [[:], ["a": "b"]], []),
    ("global()", [[:]], []),
    (" global()", [[:], ["a": "b"]], []),
    ("a == 'a1' && b == 'b1'", [["a": "a1", "b": "b1"]], []),
    ("a == 'a1' && b != 'b1'", [], [["a": "a1", "b": "b1"]]),
    ("a != 'a1' && b == 'b1'", [], [["a": "a1", "b": "b1"]]),
    ("a != 'a1' && b != 'b1'", [], [["a": "a1", "b": "b1"]]),
    ("a != 'a1' && !b == 'b1'", [], [["a": "a1", "b": "b1"]]),
    ("!a == 'a1' && b == 'b1'", [], [["a": "a1", "b": "b1"]]),
    ("has(a) && !has(b)", [["a": "a"]], []),
    ("!has(b) && has(a)", [["a": "a"]], []),
    ("!(!has(a) || has(b))", [["a": "a"]], []),
    ("!(has(b) || !has(a))", [["a": "a"]], []),
    ("a == 'a1' || b == 'b1'", [["a": "a1", "b": "b1"]], []),
    ("a == 'a1' || b != 'b1'", [["a": "a1", "b": "b1"]], []),
    ("a != 'a1' || b == 'b1'", [["a": "a1", "b": "b1"]], []),
    ("a != 'a1' || b != 'b1'", [], [["a": "a1", "b": "b1"]]),
    ("! a == 'a1' || ! b == 'b1'", [], [["a": "a1", "b": "b1"]]),
    // Label keys with Kubernetes punctuation (tokenizer.go `identifierChar`: letters, digits, _ . / -).
    ("app.kubernetes.io/name == 'web-1'", [["app.kubernetes.io/name": "web-1"]], [["app.kubernetes.io/name": "web"]]),
]

/// `badSelectors` of parser_test.go.
private let badSelectors = [
    "b == b", "b contains b", "b starts with b", "b ends with b", "'b1' == b", "b", "a b", "!",
    #"foo == "bar" &"#, #"foo == "bar" |"#, "foo != ||", #"foo in {"", ||"#, #"foo in """#,
    #""FOO"#, #""FOO'"#, "'FOO", "(", #"(a == "foo""#, ")", "()", "%", #"a == "b" && %"#,
    #"a == "b" || %"#, "a ", "has(foo) &&",
]

@Suite struct CalicoSelectorTests {
    @Test(arguments: selectorCases.indices)
    func upstreamTable(_ i: Int) throws {
        let (text, yes, no) = selectorCases[i]
        let sel = try CalicoSelector.parse(text)
        for labels in yes { #expect(sel.matches(labels), "\(text) should match \(labels)") }
        for labels in no { #expect(!sel.matches(labels), "\(text) should not match \(labels)") }
    }

    @Test(arguments: badSelectors)
    func rejectsBadSelector(_ text: String) {
        #expect(throws: CalicoSelector.ParseError.self) { try CalicoSelector.parse(text) }
    }

    @Test func hostileInputIsBounded() {
        let deep = String(repeating: "(", count: 10_000) + "all()" + String(repeating: ")", count: 10_000)
        #expect(throws: CalicoSelector.ParseError.self) { try CalicoSelector.parse(deep) }
        let nots = String(repeating: "!", count: 5_000) + "has(a)"
        #expect(throws: CalicoSelector.ParseError.self) { try CalicoSelector.parse(nots) }
        let long = "a == '" + String(repeating: "x", count: 20_000) + "'"
        #expect(throws: CalicoSelector.ParseError.self) { try CalicoSelector.parse(long) }
        let longLabel = String(repeating: "k", count: 513) + " == 'v'"
        #expect(throws: CalicoSelector.ParseError.self) { try CalicoSelector.parse(longLabel) }
    }

    @Test func errorsAreLocated() {
        do {
            _ = try CalicoSelector.parse("a == 'b' && %")
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 12)
        }
    }

    @Test func keysAreCollected() throws {
        #expect(try CalicoSelector.parse("a == 'x' && (has(b) || !c in {'1'})").keys == ["a", "b", "c"])
    }
}
