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
        let selected = selections(clusterRoles)
        let (sets, cycles) = fixpoint(clusterRoles, selected: selected, ruleStart: start)
        var diagnostics = cycles.map { cycleDiagnostic($0.map { clusterRoles[$0] }) }
        var out: [[EffectiveRule]] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            guard let set = sets[i] else {
                out.append(clusterRoles[i].rules.map { EffectiveRule(rule: $0) })
                continue
            }
            if !clusterRoles[i].rules.isEmpty {
                diagnostics.append(.rbac(RBACDiagnosticID.aggregatedRulesDiscarded, .info, clusterRoles[i].location, path: "rules",
                    "ClusterRole \(clusterRoles[i].name) has an aggregationRule: its \(clusterRoles[i].rules.count) authored rule(s) are replaced by the aggregated ones"))
            }
            out.append(materialise(set, clusterRoles, ruleStart: start))
        }
        return (out, diagnostics)
    }

    /// For each aggregated role, the *other* roles any of its selectors match (ascending; indices
    /// into `clusterRoles`): the edges of the aggregation graph.
    /// - Complexity: O(A × C × s).
    public static func selections(_ clusterRoles: [ClusterRole]) -> [Int: [Int]] {
        var selected: [Int: [Int]] = [:]
        for a in clusterRoles.indices {
            guard let selectors = clusterRoles[a].aggregationSelectors else { continue }
            selected[a] = clusterRoles.indices.filter { b in
                b != a && selectors.contains { $0.matches(clusterRoles[b].meta.labels) }
            }
        }
        return selected
    }

    /// Authored-rule sets of aggregated roles (least fixpoint, by SCC in reverse topological
    /// order) and the cycles found (SCCs of more than one role).
    /// - Complexity: O(V + E) for the SCCs plus O((A + E) × R / 64) word operations.
    static func fixpoint(_ clusterRoles: [ClusterRole], selected: [Int: [Int]], ruleStart start: [Int]) -> ([BitSet?], [[Int]]) {
        let n = clusterRoles.count, total = start[n]
        var edges: [(Int, Int)] = []
        for (a, picks) in selected { for b in picks where selected[b] != nil { edges.append((a, b)) } }
        let (componentOf, componentCount) = Digraph(vertexCount: n, edges: edges).stronglyConnectedComponents()
        var members = [[Int]](repeating: [], count: componentCount)
        for a in selected.keys.sorted() { members[componentOf[a]].append(a) }
        var result = [BitSet?](repeating: nil, count: n)
        var cycles: [[Int]] = []
        for c in 0..<componentCount where !members[c].isEmpty {
            var union = BitSet(capacity: total)
            for a in members[c] {
                for b in selected[a] ?? [] {
                    if selected[b] == nil {
                        for r in start[b]..<start[b + 1] { union.insert(r) }
                    } else if componentOf[b] != c, let done = result[b] {
                        union.formUnion(done)
                    }
                }
            }
            for a in members[c] { result[a] = union }
            if members[c].count > 1 { cycles.append(members[c]) }
        }
        return (result, cycles)
    }

    /// The rules of `set` in authored order (selected roles by name, then rule order), without
    /// semantic duplicates (the controller's `ruleExists`).
    static func materialise(_ set: BitSet, _ clusterRoles: [ClusterRole], ruleStart start: [Int]) -> [EffectiveRule] {
        var seen = Set<RuleContent>()
        var rules: [EffectiveRule] = []
        var owner = 0
        set.forEachMember { r in
            while start[owner + 1] <= r { owner += 1 }
            let rule = clusterRoles[owner].rules[r - start[owner]]
            if seen.insert(RuleContent(rule)).inserted {
                rules.append(EffectiveRule(rule: rule, aggregatedFrom: clusterRoles[owner].name))
            }
        }
        return rules
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
