import ReachCore
import ReachModel

/// One Calico rule compiled against the classes and atoms. At port atom `a` the rule is active
/// when `guardAtoms ∋ a` (protocol/notProtocol and no numeric `notPorts` hit); destinations match
/// everywhere when `numericOK ∋ a`, else only classes resolving a `namedPos` name into `a`; classes
/// resolving a `namedNeg` name into `a` never match.
struct CompiledCalicoRule: Sendable {
    var action: CalicoPolicy.Action
    /// Index of the rule in its policy's list (for `--explain`/lint).
    var index: Int
    /// Peers the peer-side entity rule matches.
    var peers: PeerSet
    /// Own classes the own-side entity rule matches (destination for ingress, source for egress).
    var own: BitSet
    var guardAtoms: BitSet
    var numericOK: BitSet
    var namedPos: [NamedPortRef]
    var namedNeg: [NamedPortRef]

    /// The port behaviour as NetworkPolicy-shaped rules (port classes split on both atom sets).
    var asRules: [CompiledRule] {
        [CompiledRule(peers: peers, allPorts: false, numericAtoms: guardAtoms, named: namedPos + namedNeg),
         CompiledRule(peers: peers, allPorts: false, numericAtoms: numericOK, named: [])]
    }
}

/// One entry of Calico's ordered policy list for one direction: a Calico policy, or (`policy ==
/// nil`) the Kubernetes NetworkPolicies, which Calico evaluates in the default tier at order 1000.
struct CompiledCalicoItem: Sendable {
    var policy: Int?
    /// Index of the item's tier in tier order.
    var tier: Int
    /// The tier's end-of-tier action is Pass (`Tier` `defaultAction: Pass`), not deny.
    var tierPasses = false
    var selected: BitSet
    var rules: [CompiledCalicoRule]
}

/// Calico's tiers compiled for both directions, in evaluation order, with class → items indices.
struct CalicoProgram: Sendable {
    /// The Calico policies, the order ``CompiledCalicoItem/policy`` indexes.
    let policies: [CalicoPolicy]
    let tierNames: [String]
    let ingress: [CompiledCalicoItem]
    let egress: [CompiledCalicoItem]
    let ingressOf: ReachMatrixBuilder.DirectionIndex
    let egressOf: ReachMatrixBuilder.DirectionIndex

    /// The rules as NetworkPolicy-shaped directions (port classes).
    var directions: [CompiledDirection] {
        (ingress + egress).map { CompiledDirection(policy: -1, selected: $0.selected, rules: $0.rules.flatMap(\.asRules)) }
    }
}

extension PolicyCompiler {
    /// Compiles Calico's ordered list (Calico policies and the Kubernetes block) for both
    /// directions by evaluating ``CalicoSemantics`` on class representatives and atom addresses.
    /// - Complexity: O(policies × rules × (K × selector size + E + port atoms)).
    func compileCalico(_ policies: [CalicoPolicy], kubernetes: [NetworkPolicy]) -> CalicoProgram {
        let order = CalicoItem.ordered(calico: policies, kubernetes: kubernetes)
        var tiers: [String] = []
        for item in order where tiers.last != item.tier(policies) { tiers.append(item.tier(policies)) }
        var seenKubernetes = false
        var ingress: [CompiledCalicoItem] = [], egress: [CompiledCalicoItem] = []
        for item in order {
            let tier = tiers.firstIndex(of: item.tier(policies)) ?? 0
            switch item {
            case .kubernetes:
                guard !seenKubernetes else { continue }
                seenKubernetes = true
                let none = BitSet(capacity: width), passes = item.tierPasses(policies)
                ingress.append(CompiledCalicoItem(policy: nil, tier: tier, tierPasses: passes, selected: none, rules: []))
                egress.append(CompiledCalicoItem(policy: nil, tier: tier, tierPasses: passes, selected: none, rules: []))
            case .calico(let i):
                for isIngress in [true, false] {
                    let compiled = compileCalicoItem(policies[i], index: i, tier: tier, ingress: isIngress)
                    if isIngress { ingress.append(compiled) } else { egress.append(compiled) }
                }
            }
        }
        let asDirs = { (items: [CompiledCalicoItem]) in items.map { CompiledDirection(policy: -1, selected: $0.selected, rules: []) } }
        return CalicoProgram(policies: policies, tierNames: tiers, ingress: ingress, egress: egress,
                             ingressOf: .init(asDirs(ingress), classCount: width), egressOf: .init(asDirs(egress), classCount: width))
    }

    func compileCalicoItem(_ p: CalicoPolicy, index: Int, tier: Int, ingress: Bool) -> CompiledCalicoItem {
        var selected = BitSet(capacity: width)
        for c in 0..<width where CalicoSemantics.selects(p, representative(c), ingress: ingress, catalog: catalog) { selected.insert(c) }
        let rules = p.rules(ingress: ingress).enumerated().map { compileCalicoRule($1, index: $0, p, ingress: ingress) }
        return CompiledCalicoItem(policy: index, tier: tier, tierPasses: p.tierPasses, selected: selected, rules: rules)
    }

    func representative(_ c: Int) -> NetworkEndpoint { catalog.endpoints[classes.representative(c)] }

    func compileCalicoRule(_ rule: CalicoPolicy.Rule, index: Int, _ p: CalicoPolicy, ingress: Bool) -> CompiledCalicoRule {
        let ownRule = ingress ? rule.destination : rule.source
        let peerRule = ingress ? rule.source : rule.destination
        var own = BitSet(capacity: width)
        var peers = PeerSet(classes: BitSet(capacity: width), external: BitSet(capacity: externalWidth))
        var guardAtoms = BitSet(capacity: portAtoms.atoms.count)
        var numericOK = BitSet(capacity: portAtoms.atoms.count)
        if !CalicoSemantics.hasSourcePorts(rule) {
            for c in 0..<width {
                let e = representative(c)
                if CalicoSemantics.entityMatches(ownRule, p, e, catalog: catalog) { own.insert(c) }
                if CalicoSemantics.entityMatches(peerRule, p, e, catalog: catalog) { peers.classes.insert(c) }
            }
            for (a, atom) in ipAtoms.atoms.enumerated()
            where CalicoSemantics.entityMatches(peerRule, p, external: IPAddress(family: atom.family, value: atom.first)) {
                peers.external.insert(a)
            }
            for (a, atom) in portAtoms.atoms.enumerated() {
                // Atoms are uniform for numeric ports: the lower bound stands for the atom.
                let probe = ProbePort(protocol: atom.protocolName, port: atom.lower)
                guard CalicoSemantics.protocolMatches(rule, probe) else { continue }
                var numericOnly = rule.destination
                numericOnly.ports = numericOnly.ports?.filter { if case .range = $0 { true } else { false } }
                numericOnly.notPorts = numericOnly.notPorts.filter { if case .range = $0 { true } else { false } }
                var notOnly = numericOnly
                notOnly.ports = nil
                guard CalicoSemantics.portsMatch(notOnly, probe, destination: nil) else { continue }
                guardAtoms.insert(a)
                if CalicoSemantics.portsMatch(numericOnly, probe, destination: nil) { numericOK.insert(a) }
            }
        }
        return CompiledCalicoRule(action: rule.action, index: index, peers: peers, own: own, guardAtoms: guardAtoms,
                                  numericOK: numericOK, namedPos: Self.calicoNames(rule.destination.ports ?? []),
                                  namedNeg: Self.calicoNames(rule.destination.notPorts))
    }

    static func calicoNames(_ ports: [CalicoPolicy.Port]) -> [NamedPortRef] {
        ports.flatMap { port -> [NamedPortRef] in
            if case .named(let name) = port { return AdminNetworkPolicy.namedRefs(name) }
            return []
        }
    }
}

extension CalicoPolicy {
    /// CIDRs of `nets`/`notNets` (IP atoms split on them).
    var netCIDRs: [CIDR] {
        (ingress + egress).flatMap { rule in
            [rule.source, rule.destination].flatMap { e in ((e.nets ?? []) + e.notNets).compactMap(CIDR.init) }
        }
    }

    /// Port cut points of numeric ports and ranges (every protocol: a rule without `protocol`
    /// applies to all), and the names used.
    static func portCuts(_ policies: [CalicoPolicy], _ catalog: EndpointCatalog) -> [NetworkProtocol: Set<Int>] {
        var cuts: [NetworkProtocol: Set<Int>] = [:]
        var names: Set<String> = []
        for p in policies {
            for rule in p.ingress + p.egress {
                for port in (rule.destination.ports ?? []) + rule.destination.notPorts {
                    switch port {
                    case .range(let lo, let hi):
                        for proto in NetworkProtocol.allCases { cuts[proto, default: []].formUnion([max(lo, 1), hi + 1]) }
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

    /// Every named-port reference of the policies (destination ports and notPorts).
    static func namedRefs(_ policies: [CalicoPolicy]) -> Set<NamedPortRef> {
        var refs: Set<NamedPortRef> = []
        for p in policies {
            for rule in p.ingress + p.egress {
                refs.formUnion(PolicyCompiler.calicoNames((rule.destination.ports ?? []) + rule.destination.notPorts))
            }
        }
        return refs
    }
}

extension CalicoPolicy {
    /// Every `nets`/`notNets` CIDR of the policies.
    static func netCIDRs(_ policies: [CalicoPolicy]) -> [CIDR] { policies.flatMap(\.netCIDRs) }
}
