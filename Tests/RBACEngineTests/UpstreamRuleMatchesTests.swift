import ReachModel
import Testing
@testable import RBACEngine

/// Transcribed from kubernetes `plugin/pkg/auth/authorizer/rbac/rbac_test.go`, `TestRuleMatches`
/// (every rule and request → expected entry). Each row is checked against
/// ``RuleMatching/allows(_:_:)`` and against the bitset ``RuleIndex``.
@Suite struct UpstreamRuleMatchesTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var rule: PolicyRule
        var expectations: [(AccessRequest, Bool)]
        var description: String { name }
    }

    static func res(_ verb: String, _ group: String, _ resource: String, _ sub: String = "") -> AccessRequest {
        AccessRequest(verb: verb, apiGroup: group, resource: resource, subresource: sub)
    }
    static func url(_ verb: String, _ path: String) -> AccessRequest { .nonResource(verb: verb, path: path) }

    /// The 2×2×2 grid of verb1/2 × group1/2 × resource1/2 used by the first four cases.
    static func grid(_ expected: [Bool]) -> [(AccessRequest, Bool)] {
        var out: [(AccessRequest, Bool)] = []
        var i = 0
        for v in ["verb1", "verb2"] {
            for (g, r) in [("group1", "resource1"), ("group2", "resource1"), ("group1", "resource2"), ("group2", "resource2")] {
                out.append((res(v, g, r), expected[i])); i += 1
            }
        }
        return out
    }

    static let urls = ["/foo", "/foo/bar", "/foo/baz", "/foo/bar/one", "/foo/baz/one"]

    static let cases: [Case] = [
        Case(name: "star verb, exact match other", rule: PolicyRule(verbs: ["*"], apiGroups: ["group1"], resources: ["resource1"]),
             expectations: grid([true, false, false, false, true, false, false, false])),
        Case(name: "star group, exact match other", rule: PolicyRule(verbs: ["verb1"], apiGroups: ["*"], resources: ["resource1"]),
             expectations: grid([true, true, false, false, false, false, false, false])),
        Case(name: "star resource, exact match other", rule: PolicyRule(verbs: ["verb1"], apiGroups: ["group1"], resources: ["*"]),
             expectations: grid([true, false, true, false, false, false, false, false])),
        Case(name: "tuple expansion", rule: PolicyRule(verbs: ["verb1", "verb2"], apiGroups: ["group1", "group2"], resources: ["resource1", "resource2"]),
             expectations: grid(Array(repeating: true, count: 8))),
        Case(name: "subresource expansion", rule: PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["resource1/subresource1"]),
             expectations: [
                (res("verb1", "group1", "resource1", "subresource1"), true),
                (res("verb1", "group2", "resource1", "subresource2"), false),
                (res("verb1", "group1", "resource2", "subresource1"), false),
                (res("verb1", "group2", "resource2", "subresource1"), false),
                (res("verb2", "group1", "resource1", "subresource1"), true),
                (res("verb2", "group2", "resource1", "subresource2"), false),
                (res("verb2", "group1", "resource2", "subresource1"), false),
                (res("verb2", "group2", "resource2", "subresource1"), false),
             ]),
        Case(name: "star nonresource, exact match other", rule: PolicyRule(verbs: ["verb1"], nonResourceURLs: ["*"]),
             expectations: urls.map { (url("verb1", $0), true) } + urls.map { (url("verb2", $0), false) }),
        Case(name: "star nonresource subpath", rule: PolicyRule(verbs: ["verb1"], nonResourceURLs: ["/foo/*"]),
             expectations: [
                (url("verb1", "/foo"), false), (url("verb1", "/foo/bar"), true), (url("verb1", "/foo/baz"), true),
                (url("verb1", "/foo/bar/one"), true), (url("verb1", "/foo/baz/one"), true),
                (url("verb1", "/notfoo"), false), (url("verb1", "/notfoo/bar"), false), (url("verb1", "/notfoo/baz"), false),
                (url("verb1", "/notfoo/bar/one"), false), (url("verb1", "/notfoo/baz/one"), false),
             ]),
        Case(name: "star verb, exact nonresource", rule: PolicyRule(verbs: ["*"], nonResourceURLs: ["/foo", "/foo/bar/one"]),
             expectations: ["verb1", "verb2"].flatMap { v in
                 [(url(v, "/foo"), true), (url(v, "/foo/bar"), false), (url(v, "/foo/baz"), false),
                  (url(v, "/foo/bar/one"), true), (url(v, "/foo/baz/one"), false)]
             }),
    ]

    @Test(arguments: cases)
    func ruleMatches(_ c: Case) {
        let index = RuleIndex(rules: [c.rule])
        for (request, expected) in c.expectations {
            #expect(RuleMatching.allows(c.rule, request) == expected, "\(c.name): \(request)")
            #expect(index.matching(request).contains(0) == expected, "\(c.name) (index): \(request)")
        }
    }
}
