import ReachCore
import ReachModel

extension NetworkLint {
    /// Calico rules no packet can reach (KR-NP-109): within one Calico tier, for every own class
    /// the rule's policy selects and every port class where the rule may apply, every peer it
    /// matches is already matched by an earlier deciding rule (Allow, Deny or Pass) — of an
    /// earlier policy of the tier (order, then felix's name) or earlier in the same policy —
    /// and at least one of those has a different action (a covered rule with the same action is
    /// merely redundant, not reported). Earlier rules are taken first-match: a rule counts as
    /// deciding only the peers no rule before it took.
    ///
    /// Conservative, as the tier lint: the rule counts wherever it may apply (its protocol and
    /// `notPorts` guard, named ports anywhere), earlier rules only where they surely apply (their
    /// numeric ports, no named `notPorts`); the Kubernetes NetworkPolicies and other tiers are
    /// not counted as coverers.
    /// - Complexity: O(I × R² × K × Q × (K + E) / 64) for I Calico items of at most R rules, K
    ///   classes, Q port classes and E external atoms.
    static func shadowedCalicoRules(_ reach: NetworkReach) -> [Diagnostic] {
        guard let program = reach.store.builder.calico else { return [] }
        var out: [Diagnostic] = []
        for (items, ingress) in [(program.ingress, true), (program.egress, false)] {
            for (k, item) in items.enumerated() {
                guard let pi = item.policy else { continue }
                let earlierItems = items[..<k].filter { $0.tier == item.tier && $0.policy != nil }
                for (r, rule) in item.rules.enumerated() where rule.action != .log {
                    let earlier = earlierItems.flatMap { d in d.rules.map { (d, $0) } } + item.rules.prefix(r).map { (item, $0) }
                    guard let by = calicoCoverers(rule, own: item.selected.intersection(rule.own), earlier, program, reach) else { continue }
                    let policy = program.policies[pi]
                    let source = policy.rules(ingress: ingress)[r]
                    out.append(Diagnostic(
                        id: NetworkDiagnosticID.shadowedRule, severity: .warning, location: source.location ?? policy.meta.location,
                        path: "spec.\(ingress ? "ingress" : "egress")[\(r)]",
                        message: "\(policy.displayName): \(ingress ? "ingress" : "egress") rule \(r) (\(rule.action.rawValue)) is shadowed: every peer and port it matches is decided first by \(by.joined(separator: ", "))"))
                }
            }
        }
        return out
    }

    /// The earlier Calico rules that decide everything `rule` matches for the own classes `own`,
    /// or `nil` when some class, port or peer reaches it, nothing covers it with another action,
    /// or it matches nothing.
    static func calicoCoverers(_ rule: CompiledCalicoRule, own: BitSet, _ earlier: [(CompiledCalicoItem, CompiledCalicoRule)],
                               _ program: CalicoProgram, _ reach: NetworkReach) -> [String]? {
        guard !earlier.isEmpty, !own.isEmpty, !rule.peers.classes.isEmpty || !rule.peers.external.isEmpty else { return nil }
        var used: Set<String> = [], otherAction = false, applies = false
        for a in reach.store.representatives where rule.guardAtoms.contains(a) {
            let sure = earlier.filter { $0.1.action != .log && $0.1.guardAtoms.contains(a) && $0.1.numericOK.contains(a) && $0.1.namedNeg.isEmpty }
            var seen: Set<[Int]> = []
            for c in own.members {
                let active = sure.indices.filter { sure[$0].0.selected.contains(c) && sure[$0].1.own.contains(c) }
                guard seen.insert(active).inserted else { continue }
                applies = true
                var cover = PeerSet(classes: BitSet(capacity: reach.classes.count), external: BitSet(capacity: reach.ipAtoms.atoms.count))
                for i in active {
                    // First match: only the part no earlier rule took is decided by this one.
                    let (d, e) = sure[i]
                    let m = e.peers.subtracting(cover)
                    cover.formUnion(e.peers)
                    guard m.classes.intersects(rule.peers.classes) || m.external.intersects(rule.peers.external),
                          let p = d.policy else { continue }
                    used.insert("\(program.policies[p].displayName) rule \(e.index) (\(e.action.rawValue))")
                    if e.action != rule.action { otherAction = true }
                }
                guard rule.peers.classes.isSubset(of: cover.classes), rule.peers.external.isSubset(of: cover.external) else { return nil }
            }
        }
        return applies && otherAction ? used.sorted() : nil
    }

    /// Cilium allow rules no packet can reach (KR-NP-109): for every class the rule's policy
    /// selects and every port class where it may apply, every peer it matches is denied by
    /// Cilium deny rules selecting that class (deny wins whatever the order: language.rst, *Deny
    /// Policies*). Deny rules count only where they surely apply (every port, or a numeric port).
    /// - Complexity: O(A × K × Q × D × (K + E) / 64) for A Cilium allow rules and D deny rules.
    static func shadowedCiliumRules(_ reach: NetworkReach) -> [Diagnostic] {
        guard let tiers = reach.store.builder.tiers, !reach.ciliumDeny.isEmpty else { return [] }
        var out: [Diagnostic] = []
        let builder = reach.store.builder
        for (type, dirs, denies) in [(PolicyType.ingress, builder.ingress, tiers.ingress.filter(\.namespaceDeny)),
                                     (.egress, builder.egress, tiers.egress.filter(\.namespaceDeny))] where !denies.isEmpty {
            for dir in dirs where dir.policy >= reach.kubernetesPolicyCount && dir.policy < reach.policies.count {
                let policy = reach.policies[dir.policy]
                for (r, rule) in dir.rules.enumerated() {
                    guard let by = ciliumDeniers(rule, own: dir.selected, denies, reach) else { continue }
                    let source = PolicySemantics.rules(policy, type)?[r]
                    out.append(Diagnostic(
                        id: NetworkDiagnosticID.shadowedRule, severity: .warning, location: source?.location ?? policy.location,
                        message: "\(policy.name) (namespace \(policy.namespace ?? "")): an \(type.rawValue.lowercased()) allow rule is shadowed: every peer and port it matches is denied by \(by.joined(separator: ", "))"))
                }
            }
        }
        return out
    }

    /// The Cilium deny policies that refuse everything `rule` allows for the classes `own`, or
    /// `nil` when something gets through (or the rule matches nothing).
    static func ciliumDeniers(_ rule: CompiledRule, own: BitSet, _ denies: [CompiledAdminDirection], _ reach: NetworkReach) -> [String]? {
        guard !own.isEmpty, !rule.peers.classes.isEmpty || !rule.peers.external.isEmpty else { return nil }
        let named = reach.store.builder.namedMask
        var used: Set<String> = [], applies = false
        for a in reach.store.representatives {
            guard rule.allPorts || rule.numericAtoms.contains(a) || rule.named.contains(where: { named[$0]?[a] != nil }) else { continue }
            var seen: Set<[Int]> = []
            for c in own.members {
                let active = denies.indices.filter { denies[$0].selected.contains(c) }
                guard seen.insert(active).inserted else { continue }
                applies = true
                var cover = PeerSet(classes: BitSet(capacity: reach.classes.count), external: BitSet(capacity: reach.ipAtoms.atoms.count))
                for j in active {
                    for e in denies[j].rules.map(\.rule) where e.allPorts || e.numericAtoms.contains(a) {
                        cover.formUnion(e.peers)
                        if e.peers.classes.intersects(rule.peers.classes) || e.peers.external.intersects(rule.peers.external) {
                            used.insert(reach.ciliumDeny[denies[j].policy].name)
                        }
                    }
                }
                guard rule.peers.classes.isSubset(of: cover.classes), rule.peers.external.isSubset(of: cover.external) else { return nil }
            }
        }
        return applies ? used.sorted() : nil
    }
}
