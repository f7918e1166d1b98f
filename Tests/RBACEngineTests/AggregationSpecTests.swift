import ReachModel
import Testing
@testable import RBACEngine

/// rbac.md rule 7: aggregation selectors, discarded authored rules, nesting, cycles.
@Suite struct AggregationSpecTests {
    static func role(_ name: String, _ labels: [String: String], _ verb: String, aggregate: [LabelSelector]? = nil) -> ClusterRole {
        ClusterRole(meta: ObjectMeta(name: name, labels: labels, location: SourceLocation(file: "t", document: 1, line: 1)),
                    rules: [PolicyRule(verbs: [verb], apiGroups: [""], resources: ["pods"])], aggregationSelectors: aggregate)
    }

    static func verbs(_ roles: [ClusterRole], of name: String) -> [String] {
        let sorted = roles.sorted { $0.name < $1.name }
        let (eff, _) = Aggregation.effectiveRules(sorted)
        let i = sorted.firstIndex { $0.name == name } ?? -1
        return eff[i].flatMap(\.rule.verbs).sorted()
    }

    typealias Req = LabelSelector.Requirement

    @Test(arguments: [
        (LabelSelector(matchExpressions: [Req(key: "tier", op: .in, values: ["a", "b"])]), ["a", "b"]),
        (LabelSelector(matchExpressions: [Req(key: "tier", op: .notIn, values: ["a"])]), ["b", "none"]),
        (LabelSelector(matchExpressions: [Req(key: "tier", op: .exists)]), ["a", "b"]),
        (LabelSelector(matchExpressions: [Req(key: "tier", op: .doesNotExist)]), ["none"]),
        (LabelSelector(matchLabels: ["tier": "a"], matchExpressions: [Req(key: "x", op: .exists)]), [String]()),
        (LabelSelector(), ["a", "b", "none"]),
    ])
    func selectorOperators(selector: LabelSelector, expected: [String]) {
        let roles = [Self.role("a", ["tier": "a"], "a"), Self.role("b", ["tier": "b"], "b"), Self.role("none", [:], "none"),
                     Self.role("agg", ["tier": "agg-self"], "own", aggregate: [selector])]
        // The aggregated role never selects itself and its own rule ("own") is discarded.
        #expect(Self.verbs(roles, of: "agg") == expected)
    }

    @Test func selectorsAreORed() {
        let roles = [Self.role("a", ["x": "1"], "a"), Self.role("b", ["y": "1"], "b"), Self.role("c", [:], "c"),
                     Self.role("agg", [:], "own", aggregate: [LabelSelector(matchLabels: ["x": "1"]), LabelSelector(matchLabels: ["y": "1"])])]
        #expect(Self.verbs(roles, of: "agg") == ["a", "b"])
    }

    @Test func emptySelectorListAggregatesNothing() {
        let roles = [Self.role("a", [:], "a"), Self.role("agg", [:], "own", aggregate: [])]
        #expect(Self.verbs(roles, of: "agg") == [])
    }

    @Test func nestedAggregationIsTheLeastFixpoint() {
        let roles = [Self.role("leaf", ["to-view": "1"], "get"),
                     Self.role("view", ["to-edit": "1"], "own-view", aggregate: [LabelSelector(matchLabels: ["to-view": "1"])]),
                     Self.role("edit-extra", ["to-edit": "1"], "update"),
                     Self.role("edit", [:], "own-edit", aggregate: [LabelSelector(matchLabels: ["to-edit": "1"])])]
        #expect(Self.verbs(roles, of: "view") == ["get"])
        #expect(Self.verbs(roles, of: "edit") == ["get", "update"])
    }

    @Test func cyclesAreReportedAndGetTheUnionOfWhatTheyReach() {
        let roles = [Self.role("x", ["g": "y"], "x-own", aggregate: [LabelSelector(matchLabels: ["g": "x"])]),
                     Self.role("y", ["g": "x"], "y-own", aggregate: [LabelSelector(matchLabels: ["g": "y"])]),
                     Self.role("leaf", ["g": "x"], "leaf")]
        #expect(Self.verbs(roles, of: "x") == ["leaf"])
        #expect(Self.verbs(roles, of: "y") == ["leaf"])
        let (_, diags) = Aggregation.effectiveRules(roles.sorted { $0.name < $1.name })
        #expect(diags.filter { $0.id == RBACDiagnosticID.aggregationCycle }.count == 1)
    }

    @Test func aggregatedRulesRememberTheirAuthor() {
        let roles = [Self.role("leaf", ["k": "v"], "get"), Self.role("agg", [:], "own", aggregate: [LabelSelector(matchLabels: ["k": "v"])])]
        let (eff, diags) = Aggregation.effectiveRules(roles.sorted { $0.name < $1.name })
        #expect(eff[0].first?.aggregatedFrom == "leaf")
        #expect(diags.contains { $0.id == RBACDiagnosticID.aggregatedRulesDiscarded })
    }
}
