import ReachCore
import ReachModel

/// A rule as it is in force in a role, with the ClusterRole that authored it when it arrived by
/// aggregation (for "why" answers).
public struct EffectiveRule: Hashable, Sendable {
    public var rule: PolicyRule
    /// The ClusterRole whose `rules` hold this rule, when that is not the role itself.
    public var aggregatedFrom: String?

    public init(rule: PolicyRule, aggregatedFrom: String? = nil) {
        self.rule = rule
        self.aggregatedFrom = aggregatedFrom
    }
}

/// ClusterRole aggregation in its steady state (rbac.md rule 7, `pkg/controller/clusterroleaggregation`).
///
/// An aggregated ClusterRole's rules are the union of the rules of every *other* ClusterRole
/// matched by any of its `clusterRoleSelectors`; its own authored `rules` are discarded. When the
/// selected role is itself aggregated, its aggregated rules count, so the result is the least
/// fixpoint, computed per strongly connected component of the "aggregates" graph in reverse
/// topological order (a cycle's members all get the union of what the cycle reaches; each cycle
/// is reported). Rules keep upstream's order (selected roles by name, rules in order) and
/// semantic duplicates are dropped, like the controller's `ruleExists`.
///
/// Design: authored rules get dense IDs; each aggregated role's result is a ``ReachCore/BitSet``
/// over them, so unions are word-parallel.
/// - Complexity: O(A × C × s) selector tests for A aggregated roles, C ClusterRoles and s
///   selector size, plus O((A + E) × R / 64) word operations for R authored rules and E
///   aggregation edges.
public enum Aggregation {
    /// Effective rules of every ClusterRole, in the order of `clusterRoles`, and diagnostics.
    public static func effectiveRules(_ clusterRoles: [ClusterRole]) -> (rules: [[EffectiveRule]], diagnostics: [Diagnostic]) {
        let n = clusterRoles.count
        var start = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { start[i + 1] = start[i] + clusterRoles[i].rules.count }
        let total = start[n]
        var authoredOwner = [Int](repeating: 0, count: total)
        for i in 0..<n { for r in start[i]..<start[i + 1] { authoredOwner[r] = i } }

        let aggregated = (0..<n).filter { clusterRoles[$0].aggregationSelectors != nil }
        var selected: [Int: [Int]] = [:]
        var edges: [(Int, Int)] = []
        for a in aggregated {
            let selectors = clusterRoles[a].aggregationSelectors ?? []
            let picks = (0..<n).filter { b in
                b != a && selectors.contains { $0.matches(clusterRoles[b].meta.labels) }
            }
            selected[a] = picks
            for b in picks where clusterRoles[b].aggregationSelectors != nil { edges.append((a, b)) }
        }
        let graph = Digraph(vertexCount: n, edges: edges)
        let (componentOf, componentCount) = graph.stronglyConnectedComponents()
        var members = [[Int]](repeating: [], count: componentCount)
        for a in aggregated { members[componentOf[a]].append(a) }

        var result = [BitSet?](repeating: nil, count: n)
        var diagnostics: [Diagnostic] = []
        for c in 0..<componentCount where !members[c].isEmpty {
            var union = BitSet(capacity: total)
            for a in members[c] {
                for b in selected[a] ?? [] {
                    if clusterRoles[b].aggregationSelectors == nil {
                        for r in start[b]..<start[b + 1] { union.insert(r) }
                    } else if componentOf[b] != c, let done = result[b] {
                        union.formUnion(done)
                    }
                }
            }
            for a in members[c] { result[a] = union }
            if members[c].count > 1 { diagnostics.append(cycleDiagnostic(members[c].map { clusterRoles[$0] })) }
        }

        var out: [[EffectiveRule]] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            guard let set = result[i] else {
                out.append(clusterRoles[i].rules.map { EffectiveRule(rule: $0) })
                continue
            }
            if !clusterRoles[i].rules.isEmpty {
                diagnostics.append(.rbac(RBACDiagnosticID.aggregatedRulesDiscarded, .info, clusterRoles[i].location, path: "rules",
                    "ClusterRole \(clusterRoles[i].name) has an aggregationRule: its \(clusterRoles[i].rules.count) authored rule(s) are replaced by the aggregated ones"))
            }
            var seen = Set<RuleContent>()
            var rules: [EffectiveRule] = []
            set.forEachMember { r in
                let rule = clusterRoles[authoredOwner[r]].rules[r - start[authoredOwner[r]]]
                if seen.insert(RuleContent(rule)).inserted {
                    rules.append(EffectiveRule(rule: rule, aggregatedFrom: clusterRoles[authoredOwner[r]].name))
                }
            }
            out.append(rules)
        }
        return (out, diagnostics)
    }

    private static func cycleDiagnostic(_ roles: [ClusterRole]) -> Diagnostic {
        let names = roles.map(\.name).sorted()
        return .rbac(RBACDiagnosticID.aggregationCycle, .warning, roles.first?.location, path: "aggregationRule",
                     "ClusterRoles aggregate each other in a cycle (\(names.joined(separator: " → "))): each gets the union of the rules the cycle selects (least fixpoint)")
    }
}

/// A rule's content without its location (semantic equality for de-duplication).
struct RuleContent: Hashable {
    let verbs, apiGroups, resources, resourceNames, nonResourceURLs: [String]
    init(_ r: PolicyRule) {
        verbs = r.verbs; apiGroups = r.apiGroups; resources = r.resources
        resourceNames = r.resourceNames; nonResourceURLs = r.nonResourceURLs
    }
}
