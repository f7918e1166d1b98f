import ReachCore
import ReachModel

/// What Calico's tiers decided for one side.
public struct CalicoDecision: Hashable, Sendable {
    public enum Outcome: String, Hashable, Sendable {
        /// An Allow rule matched.
        case allow
        /// A Deny rule matched.
        case deny
        /// A policy of the tier applied and no rule decided: the tier's end-of-tier drop.
        case endOfTierDeny
        /// No tier decided (nothing applied, or Pass in the last applying tier): the profiles,
        /// which allow (Kubernetes `kns.<namespace>` profiles), or the Baseline admin tier.
        case undecided
    }
    public var outcome: Outcome
    /// The Calico tier that decided (`default` holds the Kubernetes NetworkPolicies).
    public var tier: String
    /// The policy (`GlobalNetworkPolicy/name`, `CalicoNetworkPolicy/ns/name` or
    /// `NetworkPolicy/ns/name` for a Kubernetes one) and rule index; `nil` for end-of-tier/undecided.
    public var policy: String?
    public var rule: Int?
    /// Policies that passed (`Pass`), in order.
    public var passedBy: [String] = []

    public var decided: Bool { outcome != .undecided }
}

/// One policy of Calico's ordered list: a Calico policy, or a Kubernetes NetworkPolicy placed in
/// the default tier at order 1000 (Calico's conversion, `libcalico-go/lib/backend/k8s/conversion`
/// `K8sNetworkPolicyToCalico`: `Order: 1000`, name `knp.default.<name>`).
enum CalicoItem: Hashable, Sendable {
    case calico(Int)
    case kubernetes(Int)

    /// (tier order, tier, order, felix tie-break name).
    static func sortKey(_ item: CalicoItem, calico: [CalicoPolicy], kubernetes: [NetworkPolicy]) -> (Double, String, Double, String) {
        switch item {
        case .calico(let i):
            let p = calico[i]
            return (p.tierOrder, p.tier, p.order ?? .infinity, p.sortName)
        case .kubernetes(let i):
            let p = kubernetes[i]
            return (1_000_000, "default", 1000, "knp.default.\(p.name)/\(p.namespace ?? "")")
        }
    }

    /// Every item in evaluation order.
    /// - Complexity: O(n log n).
    static func ordered(calico: [CalicoPolicy], kubernetes: [NetworkPolicy]) -> [CalicoItem] {
        let items = calico.indices.map(CalicoItem.calico) + kubernetes.indices.map(CalicoItem.kubernetes)
        return items.sorted { a, b in
            let ka = sortKey(a, calico: calico, kubernetes: kubernetes), kb = sortKey(b, calico: calico, kubernetes: kubernetes)
            return (ka.0, ka.1, ka.2, ka.3) < (kb.0, kb.1, kb.2, kb.3)
        }
    }
}

extension PairEvaluator {
    /// Calico's tiers for one side, read literally: tiers in order; in a tier, the policies that
    /// apply to `me` in order, each rule first-match (Allow/Deny decide, Pass leaves the tier, Log
    /// continues); a tier with an applying policy and no decision denies (end of tier), unless its
    /// `Tier` has `defaultAction: Pass` (Calico docs, *Tier*: "This behaviour can be changed by
    /// setting the defaultAction of a tier to Pass").
    /// - Complexity: O(policies × rules × selector size).
    func calicoDecision(_ type: PolicyType, of me: NetworkEndpoint, peer: NetworkPeerRef, probe: ProbePort,
                        destination: NetworkEndpoint?) -> CalicoDecision {
        let calico = calicoPolicies ?? []
        let ingress = type == .ingress
        var passed: [String] = []
        var tier: String? = nil
        var applied = false, passing = false, tierPasses = false
        for item in CalicoItem.ordered(calico: calico, kubernetes: policies) {
            let itemTier = item.tier(calico)
            if itemTier != tier {
                if applied, !passing, tierPasses { passed.append("Tier/\(tier ?? "") defaultAction Pass") }
                if applied, !passing, !tierPasses { return CalicoDecision(outcome: .endOfTierDeny, tier: tier ?? "", passedBy: passed) }
                tier = itemTier
                applied = false
                passing = false
                tierPasses = item.tierPasses(calico)
            }
            guard !passing else { continue }
            switch item {
            case .kubernetes(let i):
                let policy = policies[i]
                guard PolicySemantics.selects(policy, me), let rules = PolicySemantics.rules(policy, type) else { continue }
                applied = true
                if let r = rules.indices.first(where: {
                    PolicySemantics.portsMatch(rules[$0], probe, destination: destination) && peersMatch(rules[$0], policy, peer)
                }) {
                    return CalicoDecision(outcome: .allow, tier: itemTier, policy: "NetworkPolicy/\(policy.namespace ?? "")/\(policy.name)",
                                          rule: r, passedBy: passed)
                }
            case .calico(let i):
                let policy = calico[i]
                guard CalicoSemantics.selects(policy, me, ingress: ingress, catalog: catalog) else { continue }
                applied = true
                for (r, rule) in policy.rules(ingress: ingress).enumerated()
                    where calicoRuleMatches(rule, policy, ingress: ingress, me: me, peer: peer, probe: probe, destination: destination) {
                    switch rule.action {
                    case .allow, .deny:
                        return CalicoDecision(outcome: rule.action == .allow ? .allow : .deny, tier: itemTier,
                                              policy: policy.displayName, rule: r, passedBy: passed)
                    case .pass:
                        passed.append(policy.displayName)
                        passing = true
                    case .log: continue
                    }
                    break
                }
            }
        }
        if applied, !passing, !tierPasses { return CalicoDecision(outcome: .endOfTierDeny, tier: tier ?? "", passedBy: passed) }
        if applied, !passing, tierPasses { passed.append("Tier/\(tier ?? "") defaultAction Pass") }
        return CalicoDecision(outcome: .undecided, tier: tier ?? "", passedBy: passed)
    }

    /// A rule against (own endpoint, peer, probe): protocol, the own side's entity rule, the peer's
    /// entity rule, destination ports (names on the destination pod).
    func calicoRuleMatches(_ rule: CalicoPolicy.Rule, _ policy: CalicoPolicy, ingress: Bool, me: NetworkEndpoint,
                           peer: NetworkPeerRef, probe: ProbePort, destination: NetworkEndpoint?) -> Bool {
        guard !CalicoSemantics.hasSourcePorts(rule), CalicoSemantics.protocolMatches(rule, probe),
              CalicoSemantics.portsMatch(rule.destination, probe, destination: destination) else { return false }
        let own = ingress ? rule.destination : rule.source
        let other = ingress ? rule.source : rule.destination
        guard CalicoSemantics.entityMatches(own, policy, me, catalog: catalog) else { return false }
        switch peer {
        case .endpoint(let i): return CalicoSemantics.entityMatches(other, policy, catalog.endpoints[i], catalog: catalog)
        case .external(let a):
            let address = IPAddress(family: ipAtoms.atoms[a].family, value: ipAtoms.atoms[a].first)
            return CalicoSemantics.entityMatches(other, policy, external: address)
        }
    }
}

extension CalicoItem {
    func tier(_ calico: [CalicoPolicy]) -> String {
        if case .calico(let i) = self { return calico[i].tier }
        return "default"
    }

    /// Whether the item's tier ends with Pass (`Tier` `defaultAction: Pass`) instead of a deny.
    func tierPasses(_ calico: [CalicoPolicy]) -> Bool {
        if case .calico(let i) = self { return calico[i].tierPasses }
        return calico.first { $0.tier == "default" }?.tierPasses ?? false
    }
}
