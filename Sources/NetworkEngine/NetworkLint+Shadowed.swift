import ReachCore
import ReachModel

extension NetworkLint {
    /// Tier-policy rules no packet can reach (KR-NP-109): in every port class where the rule can
    /// apply, every peer it matches is already matched by a rule that comes first — an earlier
    /// rule of the same policy, or a rule of an earlier policy of the same tier whose subject
    /// selects at least the same classes (first match decides, Pass included).
    ///
    /// Conservative, so that a finding is never wrong: the rule counts as applying wherever it
    /// might (named ports resolving anywhere), the earlier rules only where they surely apply
    /// (every port, or a numeric port of the class), and external peers must be covered too.
    /// - Complexity: O(D × R² × Q × (K + E) / 64) for D tier-policy directions of at most R rules,
    ///   Q port classes, K classes and E external atoms.
    static func shadowedRules(_ reach: NetworkReach) -> [Diagnostic] {
        guard let tiers = reach.store.builder.tiers else { return [] }
        var out: [Diagnostic] = []
        for (type, dirs) in [(PolicyType.ingress, tiers.ingress.filter { !$0.namespaceDeny }), (.egress, tiers.egress.filter { !$0.namespaceDeny })] {
            for (k, dir) in dirs.enumerated() {
                let before = dirs[..<k].filter { $0.tier == dir.tier && dir.selected.isSubset(of: $0.selected) }
                for (r, rule) in dir.rules.enumerated() {
                    let earlier = before.flatMap { d in d.rules.indices.map { (d, $0) } } + dir.rules.indices.prefix(r).map { (dir, $0) }
                    guard let by = coverers(rule.rule, earlier, reach) else { continue }
                    let policy = reach.adminPolicies[dir.policy]
                    let source = policy.rules(type)[r]
                    let name = source.name.isEmpty ? "" : " \"\(source.name)\""
                    out.append(Diagnostic(
                        id: NetworkDiagnosticID.shadowedRule, severity: .warning, location: source.location ?? policy.meta.location,
                        path: "spec.\(type == .ingress ? "ingress" : "egress")[\(r)]",
                        message: "\(policy.displayName): \(type.rawValue.lowercased()) rule \(r)\(name) (\(source.action.rawValue)) is shadowed: every peer and port it matches is decided first by \(by.joined(separator: ", "))"))
                }
            }
        }
        return out
    }

    /// The earlier rules that decide everything `rule` matches, or `nil` when some peer and port
    /// reach it (or it matches nothing at all).
    static func coverers(_ rule: CompiledRule, _ earlier: [(CompiledAdminDirection, Int)], _ reach: NetworkReach) -> [String]? {
        guard !earlier.isEmpty, !rule.peers.classes.isEmpty || !rule.peers.external.isEmpty else { return nil }
        let named = reach.store.builder.namedMask
        var used: Set<String> = []
        var applies = false
        for a in reach.store.representatives {
            let possible = rule.allPorts || rule.numericAtoms.contains(a) || rule.named.contains { named[$0]?[a] != nil }
            guard possible else { continue }
            applies = true
            var cover = PeerSet(classes: BitSet(capacity: reach.classes.count), external: BitSet(capacity: reach.ipAtoms.atoms.count))
            for (d, i) in earlier {
                let e = d.rules[i].rule
                guard e.allPorts || e.numericAtoms.contains(a) else { continue }
                if e.peers.classes.intersects(rule.peers.classes) || e.peers.external.intersects(rule.peers.external) {
                    let p = reach.adminPolicies[d.policy]
                    used.insert("\(p.displayName) rule \(i)")
                }
                cover.formUnion(e.peers)
            }
            guard rule.peers.classes.isSubset(of: cover.classes), rule.peers.external.isSubset(of: cover.external) else { return nil }
        }
        return applies ? used.sorted() : nil
    }
}
