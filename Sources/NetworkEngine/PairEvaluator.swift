import ReachCore
import ReachModel

/// Why one side (ingress of the destination or egress of the source) admits or refuses a probe.
public struct SideExplanation: Hashable, Sendable {
    public struct PolicyMatch: Hashable, Sendable {
        /// `namespace/name` of the policy.
        public var policy: String
        /// Indices of the rules that match the peer and the port (empty = this policy admits nothing here).
        public var matchingRules: [Int]
        public var ruleCount: Int
    }
    /// Policies selecting the endpoint for this direction (empty = not isolated).
    public var policies: [PolicyMatch]
    /// The side is an external address range (never isolated).
    public var external: Bool
    public var isolated: Bool { !policies.isEmpty }
    /// The Admin-tier rule that matched first (Accept or Deny decides; Pass hands over to the
    /// NetworkPolicies), if any.
    public var adminDecision: TierDecision? = nil
    /// The Baseline-tier rule that matched first, when neither the Admin tier nor a NetworkPolicy decided.
    public var baselineDecision: TierDecision? = nil
    /// The Cilium deny rule that matched (`Kind/name` policy, direction, rule index), if any: it
    /// refuses whatever the Admin tier left undecided.
    public var ciliumDeny: String? = nil
    /// Under the Calico engine: what Calico's tiers (NetworkPolicies included) decided.
    public var calicoDecision: CalicoDecision? = nil
    public var admits: Bool {
        if let a = adminDecision, a.action != .pass { return a.action == .accept }
        if ciliumDeny != nil { return false }
        if let c = calicoDecision, c.decided { return c.outcome == .allow }
        if calicoDecision != nil { return baselineDecision.map { $0.action != .deny } ?? true }
        if isolated { return policies.contains { !$0.matchingRules.isEmpty } }
        if let b = baselineDecision { return b.action != .deny }
        return true
    }
}

/// The verdict for one (source, destination, probe) and its reasons.
public struct ReachExplanation: Hashable, Sendable {
    public var source: String
    public var destination: String
    public var probe: ProbePort
    public var selfTraffic: Bool
    public var ingress: SideExplanation
    public var egress: SideExplanation
    public var allowed: Bool { selfTraffic || (ingress.admits && egress.admits) }
}

/// The naive per-pair evaluator: the spec read literally, one pair at a time. It is the oracle of
/// the differential test and the engine behind `--explain`.
public struct PairEvaluator: Sendable {
    public let catalog: EndpointCatalog
    public let policies: [NetworkPolicy]
    public let ipAtoms: IPAtomTable
    /// The tier policies, in evaluation order (``ReachModel/AdminNetworkPolicy/evaluationOrder(_:_:)``).
    public var adminPolicies: [AdminNetworkPolicy] = []
    /// Calico's policies when the engine is Calico (`nil` otherwise): NetworkPolicies are then
    /// evaluated in Calico's default tier at order 1000 (``calicoDecision(_:of:peer:probe:destination:)``).
    public var calicoPolicies: [CalicoPolicy]? = nil
    /// Whether NetworkPolicy ipBlocks match pod IPs (rule 7; `false` under Cilium).
    public var ipBlocksMatchPods = true
    /// Cilium policies (enforced under ``ReachModel/PolicyEngineKind/cilium``), read by
    /// ``CiliumSemantics``.
    public var ciliumPolicies: [CiliumPolicy] = []

    public init(catalog: EndpointCatalog, policies: [NetworkPolicy], ipAtoms: IPAtomTable) {
        self.catalog = catalog
        self.policies = policies
        self.ipAtoms = ipAtoms
    }

    /// - Complexity: O(policies × rules × peers) per call.
    public func allowed(_ src: NetworkPeerRef, _ dst: NetworkPeerRef, _ probe: ProbePort) -> Bool {
        explain(src, dst, probe).allowed
    }

    /// - Complexity: O(policies × rules × peers).
    public func explain(_ src: NetworkPeerRef, _ dst: NetworkPeerRef, _ probe: ProbePort) -> ReachExplanation {
        let dstEndpoint = endpoint(dst)
        let ingress = side(.ingress, of: dst, peer: src, probe: probe, destination: dstEndpoint)
        let egress = side(.egress, of: src, peer: dst, probe: probe, destination: dstEndpoint)
        var isSelf = false
        if case .endpoint = src, src == dst { isSelf = true }
        return ReachExplanation(source: name(src), destination: name(dst), probe: probe, selfTraffic: isSelf,
                                ingress: ingress, egress: egress)
    }

    public func name(_ ref: NetworkPeerRef) -> String {
        switch ref {
        case .endpoint(let i): catalog.endpoints[i].displayName
        case .external(let a): "\(ipAtoms.atoms[a])[External]"
        }
    }

    func endpoint(_ ref: NetworkPeerRef) -> NetworkEndpoint? {
        if case .endpoint(let i) = ref { return catalog.endpoints[i] }
        return nil
    }

    /// Whether a rule's peer list admits `peer` (missing or `[]` = every peer, outside world included).
    func peersMatch(_ rule: NetworkPolicyRule, _ policy: NetworkPolicy, _ peer: NetworkPeerRef) -> Bool {
        guard let peers = rule.peers, !peers.isEmpty else { return true }
        switch peer {
        case .endpoint(let i):
            let e = catalog.endpoints[i]
            let nsLabels = catalog.labels(ofNamespace: e.namespace)
            return peers.contains {
                if $0.ipBlock != nil, !ipBlocksMatchPods { return false }
                return PolicySemantics.peerMatches($0, policyNamespace: policy.namespace, e, namespaceLabels: nsLabels)
            }
        case .external(let a):
            return peers.contains { PolicySemantics.peerMatches($0, external: ipAtoms.atoms[a]) }
        }
    }

    func side(_ type: PolicyType, of own: NetworkPeerRef, peer: NetworkPeerRef, probe: ProbePort,
              destination: NetworkEndpoint?) -> SideExplanation {
        guard let me = endpoint(own) else { return SideExplanation(policies: [], external: true) }
        let admin = adminDecision(.admin, type, of: me, peer: peer, probe: probe, destination: destination)
        var matches: [SideExplanation.PolicyMatch] = []
        for policy in policies where PolicySemantics.selects(policy, me) {
            guard let rules = PolicySemantics.rules(policy, type) else { continue }
            let hits = rules.indices.filter {
                PolicySemantics.portsMatch(rules[$0], probe, destination: destination) && peersMatch(rules[$0], policy, peer)
            }
            matches.append(.init(policy: "\(policy.namespace ?? "")/\(policy.name)", matchingRules: hits, ruleCount: rules.count))
        }
        let cilium = ciliumSide(type, of: me, peer: peer, probe: probe, destination: destination)
        let isolating = !matches.isEmpty || cilium.isolating
        matches = isolating ? matches + cilium.matches : []
        var out = SideExplanation(policies: matches, external: false)
        out.adminDecision = admin
        out.ciliumDeny = cilium.deny
        if calicoPolicies != nil, admin == nil || admin?.action == .pass {
            let c = calicoDecision(type, of: me, peer: peer, probe: probe, destination: destination)
            out.calicoDecision = c
            if !c.decided { out.baselineDecision = adminDecision(.baseline, type, of: me, peer: peer, probe: probe, destination: destination) }
            return out
        }
        if admin == nil || admin?.action == .pass, matches.isEmpty {
            out.baselineDecision = adminDecision(.baseline, type, of: me, peer: peer, probe: probe, destination: destination)
        }
        return out
    }
}
