import ReachCore
import ReachModel

/// The tier, policy and rule that decided one side.
public struct TierDecision: Hashable, Sendable {
    public var tier: AdminNetworkPolicy.Tier
    /// `Kind/name` of the policy.
    public var policy: String
    public var priority: Int
    /// Index of the rule in the policy's ingress or egress list.
    public var rule: Int
    /// The rule's `name` (may be empty).
    public var ruleName: String
    public var action: AdminNetworkPolicy.Action
}

extension PairEvaluator {
    /// The first rule of `tier`, in evaluation order, whose policy selects `me` and which matches
    /// the peer and the probe (the naive reading of clusternetworkpolicy_types.go).
    /// - Complexity: O(tier policies × rules × peers).
    func adminDecision(_ tier: AdminNetworkPolicy.Tier, _ type: PolicyType, of me: NetworkEndpoint, peer: NetworkPeerRef,
                       probe: ProbePort, destination: NetworkEndpoint?) -> TierDecision? {
        let myNamespace = catalog.labels(ofNamespace: me.namespace)
        for policy in adminPolicies where policy.tier == tier
            && policy.subject.matches(namespaceLabels: myNamespace, labels: me.labels) {
            for (i, rule) in policy.rules(type).enumerated()
                where AdminSemantics.portsMatch(rule.ports, probe, destination: destination) && adminPeerMatches(rule, peer) {
                return TierDecision(tier: tier, policy: policy.displayName, priority: policy.priority, rule: i,
                                    ruleName: rule.name, action: rule.action)
            }
        }
        return nil
    }

    func adminPeerMatches(_ rule: AdminNetworkPolicy.Rule, _ peer: NetworkPeerRef) -> Bool {
        switch peer {
        case .endpoint(let i):
            let e = catalog.endpoints[i]
            let nsLabels = catalog.labels(ofNamespace: e.namespace)
            return rule.peers.contains { AdminSemantics.peerMatches($0, e, namespaceLabels: nsLabels) }
        case .external(let a):
            let address = IPAddress(family: ipAtoms.atoms[a].family, value: ipAtoms.atoms[a].first)
            return rule.peers.contains { AdminSemantics.peerMatches($0, external: address) }
        }
    }
}

/// The per-object rules of the tier policies, one endpoint at a time (the reference the bitset
/// compiler is tested against).
public enum AdminSemantics {
    /// Pod peers by selectors, `networks` by the pod's IPs; nodes and domain names match no pod.
    /// - Complexity: O(selector size + CIDRs × IPs).
    public static func peerMatches(_ peer: AdminNetworkPolicy.Peer, _ e: NetworkEndpoint, namespaceLabels: [String: String]) -> Bool {
        switch peer {
        case .selection(let s): s.matches(namespaceLabels: namespaceLabels, labels: e.labels)
        case .networks(let list): list.compactMap(CIDR.init).contains { cidr in e.ips.contains(where: cidr.contains) }
        case .nodes, .domainNames: false
        }
    }

    /// Only `networks` match an address outside the cluster.
    public static func peerMatches(_ peer: AdminNetworkPolicy.Peer, external address: IPAddress) -> Bool {
        guard case .networks(let list) = peer else { return false }
        return list.compactMap(CIDR.init).contains { $0.contains(address) }
    }

    /// `nil` ports = every port; numbers and ranges by protocol; a name by a container port of the
    /// destination pod with that name, the probe's protocol and number.
    public static func portsMatch(_ ports: [AdminNetworkPolicy.Port]?, _ probe: ProbePort, destination: NetworkEndpoint?) -> Bool {
        guard let ports else { return true }
        return ports.contains { port in
            switch port {
            case .number(let proto, let n): proto == probe.protocolName && probe.port == n
            case .range(let proto, let lo, let hi): proto == probe.protocolName && (lo...hi).contains(probe.port)
            case .named(let name): destination?.namedPort(name, probe.protocolName).contains(probe.port) ?? false
            }
        }
    }
}
