import ReachModel
import Testing
@testable import RBACEngine

/// Transcribed from kubernetes
/// `pkg/controller/clusterroleaggregation/clusterroleaggregation_controller_test.go`,
/// `TestSyncClusterRole`: the rules of ClusterRole `combined` after the controller syncs it.
@Suite struct UpstreamAggregationTests {
    static let hammer = [PolicyRule(verbs: ["hammer"], resources: ["nails"]), PolicyRule(verbs: ["hammer"], resources: ["wedges"])]
    static let chisel = [PolicyRule(verbs: ["chisel"], resources: ["mortises"])]
    static let saw = [PolicyRule(verbs: ["saw"], resources: ["boards"])]

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        /// (name, labels value for key `foo`, rules)
        var roles: [(String, String, [PolicyRule])]
        var selectors: [String]
        var combinedRules: [PolicyRule]
        var expected: [PolicyRule]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "remove dead rules", roles: [("hammer", "bar", hammer)], selectors: ["bar"], combinedRules: saw, expected: hammer),
        Case(name: "strip rules", roles: [("hammer", "not-bar", hammer)], selectors: ["bar"], combinedRules: hammer, expected: []),
        Case(name: "select properly and put in order",
             roles: [("hammer", "bar", hammer), ("chisel", "bar", chisel), ("saw", "not-bar", saw)],
             selectors: ["bar"], combinedRules: [], expected: chisel + hammer),
        Case(name: "select properly with multiple selectors",
             roles: [("hammer", "bar", hammer), ("chisel", "bar", chisel), ("saw", "not-bar", saw)],
             selectors: ["bar", "not-bar"], combinedRules: [], expected: chisel + hammer + saw),
        Case(name: "select properly remove duplicates",
             roles: [("hammer", "bar", hammer), ("chisel", "bar", chisel), ("saw", "bar", saw), ("other-saw", "not-bar", saw)],
             selectors: ["bar", "not-bar"], combinedRules: [], expected: chisel + hammer + saw),
        Case(name: "no diff skip", roles: [("hammer", "bar", hammer)], selectors: ["bar"], combinedRules: hammer, expected: hammer),
    ]

    @Test(arguments: cases)
    func syncClusterRole(_ c: Case) {
        var roles = c.roles.enumerated().map { i, r in
            ClusterRole(meta: ObjectMeta(name: r.0, labels: ["foo": r.1], location: SourceLocation(file: "t", document: i + 1, line: 1)), rules: r.2)
        }
        roles.append(ClusterRole(meta: ObjectMeta(name: "combined", location: SourceLocation(file: "t", document: 99, line: 1)),
                                 rules: c.combinedRules,
                                 aggregationSelectors: c.selectors.map { LabelSelector(matchLabels: ["foo": $0]) }))
        roles.sort { $0.name < $1.name }
        let (effective, _) = Aggregation.effectiveRules(roles)
        let combined = roles.firstIndex { $0.name == "combined" } ?? -1
        #expect(effective[combined].map(\.rule) == c.expected)
    }
}
