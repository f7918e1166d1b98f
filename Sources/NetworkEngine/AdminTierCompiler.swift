import ReachCore
import ReachModel

/// One rule of a `policy.networking.k8s.io` tier policy compiled against the classes: its action,
/// and peers and ports in the shape of a NetworkPolicy rule (so port classes and named-port
/// resolution treat both alike).
struct CompiledAdminRule: Sendable {
    var action: AdminNetworkPolicy.Action
    var rule: CompiledRule
}

/// One direction of one tier policy: the classes its subject selects and its rules in order.
struct CompiledAdminDirection: Sendable {
    /// Index into the evaluation-ordered admin policy list.
    var policy: Int
    var tier: AdminNetworkPolicy.Tier
    var selected: BitSet
    var rules: [CompiledAdminRule]
    /// Cilium deny rules (`ingressDeny`/`egressDeny`): evaluated after the Admin tier, they decide
    /// (deny) every peer the Admin tier left undecided, Pass included; `policy` is then an index
    /// into the Cilium deny policies.
    var namespaceDeny = false

    /// The rules as a NetworkPolicy direction (for the port-class signature).
    var asDirection: CompiledDirection { CompiledDirection(policy: -1, selected: selected, rules: rules.map(\.rule)) }
}

extension AdminNetworkPolicy {
    /// The directions' rules, ingress or egress.
    func rules(_ type: PolicyType) -> [Rule] { type == .ingress ? ingress : egress }

    /// Named ports carry no protocol upstream: the name matches a container port of that name
    /// whatever its protocol, so each name stands for one reference per protocol.
    static func namedRefs(_ name: String) -> [NamedPortRef] {
        NetworkProtocol.allCases.map { NamedPortRef(name: name, protocolName: $0) }
    }

    /// Every CIDR of a `networks` peer.
    var networkCIDRs: [CIDR] {
        (ingress + egress).flatMap { rule in
            rule.peers.flatMap { peer -> [CIDR] in
                if case .networks(let list) = peer { return list.compactMap(CIDR.init) }
                return []
            }
        }
    }
}

extension PolicyCompiler {
    /// Compiles the tier policies (already in evaluation order) for one direction.
    /// - Complexity: O(policies × rules × peers × (K + E) / 64) with selector rows cached.
    mutating func compileAdmin(_ policies: [AdminNetworkPolicy], _ type: PolicyType) -> [CompiledAdminDirection] {
        var out: [CompiledAdminDirection] = []
        for (pi, policy) in policies.enumerated() {
            let rules = policy.rules(type)
            guard !rules.isEmpty else { continue }
            out.append(CompiledAdminDirection(policy: pi, tier: policy.tier, selected: selectionRow(policy.subject),
                                              rules: rules.map { CompiledAdminRule(action: $0.action, rule: compileAdmin($0)) }))
        }
        return out
    }

    mutating func compileAdmin(_ rule: AdminNetworkPolicy.Rule) -> CompiledRule {
        var peers = PeerSet(classes: BitSet(capacity: width), external: BitSet(capacity: externalWidth))
        for peer in rule.peers {
            switch peer {
            case .selection(let s): peers.classes.formUnion(selectionRow(s))
            // `networks` match pod IPs as well as the outside world (the API comment says so).
            case .networks(let list): for cidr in list { peers.formUnion(blockRow(IPBlock(cidr: cidr))) }
            case .nodes, .domainNames: break
            }
        }
        var numeric = BitSet(capacity: portAtoms.atoms.count)
        var named: [NamedPortRef] = []
        for port in rule.ports ?? [] {
            switch port {
            case .number(let proto, let n): for a in portAtoms.atoms(proto, n, n) { numeric.insert(a) }
            case .range(let proto, let lo, let hi): for a in portAtoms.atoms(proto, lo, hi) { numeric.insert(a) }
            case .named(let name): named += AdminNetworkPolicy.namedRefs(name)
            }
        }
        return CompiledRule(peers: peers, allPorts: rule.ports == nil, numericAtoms: numeric, named: named)
    }

    /// Classes a subject or pod peer selects: every pod of matching namespaces, or namespaceSelector
    /// AND podSelector.
    mutating func selectionRow(_ s: AdminNetworkPolicy.Selection) -> BitSet {
        switch s {
        case .namespaces(let ns): peerRow(NetworkPolicyPeer(namespaceSelector: ns), "")
        case .pods(let ns, let pod): peerRow(NetworkPolicyPeer(podSelector: pod, namespaceSelector: ns), "")
        }
    }

    /// Port cut points of the tier policies' numbers and ranges, and of every declared container
    /// port whose name a tier policy uses.
    static func adminPortCuts(_ policies: [AdminNetworkPolicy], _ catalog: EndpointCatalog) -> [NetworkProtocol: Set<Int>] {
        var cuts: [NetworkProtocol: Set<Int>] = [:]
        var names: Set<String> = []
        for p in policies {
            for rule in p.ingress + p.egress {
                for port in rule.ports ?? [] {
                    switch port {
                    case .number(let proto, let n): cuts[proto, default: []].formUnion([n, n + 1])
                    case .range(let proto, let lo, let hi): cuts[proto, default: []].formUnion([lo, hi + 1])
                    case .named(let name): names.insert(name)
                    }
                }
            }
        }
        for e in catalog.endpoints {
            for port in e.ports where port.name.map(names.contains) == true {
                cuts[port.protocolName, default: []].formUnion([port.containerPort, port.containerPort + 1])
            }
        }
        return cuts
    }

    /// Every named-port reference of the tier policies.
    static func adminNamedRefs(_ policies: [AdminNetworkPolicy]) -> Set<NamedPortRef> {
        var refs: Set<NamedPortRef> = []
        for p in policies {
            for rule in p.ingress + p.egress {
                for case .named(let name) in rule.ports ?? [] { refs.formUnion(AdminNetworkPolicy.namedRefs(name)) }
            }
        }
        return refs
    }
}
