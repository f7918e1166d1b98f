import ReachCore
import ReachModel

/// Peers as two rows: classes (K bits) and external IP atoms (E bits), so that both stay
/// word-aligned.
struct PeerSet: Sendable {
    var classes: BitSet
    var external: BitSet

    mutating func formUnion(_ other: PeerSet) {
        classes.formUnion(other.classes)
        external.formUnion(other.external)
    }
}

/// One rule compiled against the classes and atoms: its peers and its ports as a set of port
/// atoms plus the named ports left to resolve per destination.
struct CompiledRule: Sendable {
    var peers: PeerSet
    var allPorts: Bool
    var numericAtoms: BitSet
    var named: [NamedPortRef]
}

/// One direction of one policy: the classes it selects and its rules (rule 3 already applied).
struct CompiledDirection: Sendable {
    var policy: Int
    var selected: BitSet
    var rules: [CompiledRule]
}

/// Compiles policies into ``CompiledDirection``s. Selector rows are cached per selector, so a
/// peer costs `nsBits ∧ podBits`, two cached rows.
struct PolicyCompiler {
    let catalog: EndpointCatalog
    let classes: EndpointClasses
    let ipAtoms: IPAtomTable
    let portAtoms: PortAtomTable
    /// Whether an ipBlock peer of a NetworkPolicy matches pod IPs (rule 7); Cilium matches only
    /// addresses outside the cluster.
    var ipBlocksMatchPods = true
    var width: Int { classes.count }
    var externalWidth: Int { ipAtoms.atoms.count }
    private struct PodKey: Hashable { var selector: LabelSelector; var namespace: String }
    private struct PeerKey: Hashable { var namespaceSelector: LabelSelector; var podSelector: LabelSelector? }
    private var podCache: [PodKey: BitSet] = [:]
    private var peerCache: [PeerKey: BitSet] = [:]
    private var blockCache: [IPBlock: PeerSet] = [:]
    private var namespaceRows: [String: BitSet] = [:]
    private var classesByNamespace: [String: [Int]] = [:]
    /// Class → the IP atoms of its representative's IPs (for ipBlock peers).
    private var classAtoms: [[Int]] = []

    init(catalog: EndpointCatalog, classes: EndpointClasses, ipAtoms: IPAtomTable, portAtoms: PortAtomTable) {
        self.catalog = catalog
        self.classes = classes
        self.ipAtoms = ipAtoms
        self.portAtoms = portAtoms
        for c in 0..<classes.count {
            let ns = catalog.endpoints[classes.representative(c)].namespace
            namespaceRows[ns, default: BitSet(capacity: classes.count)].insert(c)
            classesByNamespace[ns, default: []].append(c)
            classAtoms.append(catalog.endpoints[classes.representative(c)].ips.compactMap(ipAtoms.atom(of:)))
        }
    }

    /// Cut points for port atoms: numeric ports and ranges of every policy, plus every declared
    /// container port whose name a policy uses.
    static func portCuts(_ policies: [NetworkPolicy], _ catalog: EndpointCatalog) -> [NetworkProtocol: Set<Int>] {
        var cuts: [NetworkProtocol: Set<Int>] = [:]
        let named = Set(EndpointClasses.namedPortRefs(policies))
        for p in policies {
            for rule in (p.ingress ?? []) + (p.egress ?? []) {
                for entry in rule.ports ?? [] {
                    guard case .number(let n)? = entry.port else { continue }
                    cuts[entry.effectiveProtocol, default: []].formUnion([n, max(n, entry.endPort ?? n) + 1])
                }
            }
        }
        for e in catalog.endpoints {
            for port in e.ports {
                guard let name = port.name, named.contains(NamedPortRef(name: name, protocolName: port.protocolName)) else { continue }
                cuts[port.protocolName, default: []].formUnion([port.containerPort, port.containerPort + 1])
            }
        }
        return cuts
    }

    /// - Complexity: O(policies × rules × (peers × width / 64)) with selector rows cached.
    mutating func compile(_ policies: [NetworkPolicy], _ type: PolicyType) -> [CompiledDirection] {
        var out: [CompiledDirection] = []
        for (pi, policy) in policies.enumerated() {
            guard let rules = PolicySemantics.rules(policy, type) else { continue }
            let ns = policy.namespace ?? ""
            let selected = podRow(policy.podSelector, ns)
            out.append(CompiledDirection(policy: pi, selected: selected, rules: rules.map { compile($0, ns) }))
        }
        return out
    }

    mutating func compile(_ rule: NetworkPolicyRule, _ ns: String) -> CompiledRule {
        var peers = PeerSet(classes: BitSet(capacity: width), external: BitSet(capacity: externalWidth))
        if let list = rule.peers, !list.isEmpty {
            for peer in list {
                if let block = peer.ipBlock {
                    var row = blockRow(block)
                    if !ipBlocksMatchPods { row.classes.removeAll() }
                    peers.formUnion(row)
                } else {
                    peers.classes.formUnion(peerRow(peer, ns))
                }
            }
        } else {
            peers.classes.insertAll()
            peers.external.insertAll()
        }
        var numeric = BitSet(capacity: portAtoms.atoms.count)
        var named: [NamedPortRef] = []
        let entries = rule.ports ?? []
        for entry in entries {
            let proto = entry.effectiveProtocol
            switch entry.port {
            case nil: for a in portAtoms.atoms(of: proto) { numeric.insert(a) }
            case .number(let n)?: for a in portAtoms.atoms(proto, n, max(n, entry.endPort ?? n)) { numeric.insert(a) }
            case .name(let name)?: named.append(NamedPortRef(name: name, protocolName: proto))
            }
        }
        return CompiledRule(peers: peers, allPorts: entries.isEmpty, numericAtoms: numeric, named: named)
    }

    /// `nsBits ∧ podBits` for a selector peer: the policy's namespace when namespaceSelector is absent.
    mutating func peerRow(_ peer: NetworkPolicyPeer, _ ns: String) -> BitSet {
        guard let nsSelector = peer.namespaceSelector else { return podRow(peer.podSelector ?? .everything, ns) }
        let key = PeerKey(namespaceSelector: nsSelector, podSelector: peer.podSelector)
        if let cached = peerCache[key] { return cached }
        var row = BitSet(capacity: width)
        for namespace in namespaceRows.keys where nsSelector.matches(catalog.labels(ofNamespace: namespace)) {
            row.formUnion(peer.podSelector.map { podRow($0, namespace) } ?? (namespaceRows[namespace] ?? BitSet(capacity: width)))
        }
        peerCache[key] = row
        return row
    }

    /// Classes of `namespace` whose labels `selector` matches.
    /// - Complexity: O(classes in the namespace × selector size), cached per (selector, namespace).
    mutating func podRow(_ selector: LabelSelector, _ namespace: String) -> BitSet {
        let key = PodKey(selector: selector, namespace: namespace)
        if let cached = podCache[key] { return cached }
        var row = BitSet(capacity: width)
        for c in classesByNamespace[namespace] ?? [] where selector.matches(catalog.endpoints[classes.representative(c)].labels) {
            row.insert(c)
        }
        podCache[key] = row
        return row
    }

    /// Classes whose IPs fall in the block, and the external atoms inside it.
    /// - Complexity: O(atoms × excepts + classes × IPs), cached per block.
    mutating func blockRow(_ block: IPBlock) -> PeerSet {
        if let cached = blockCache[block] { return cached }
        var row = PeerSet(classes: BitSet(capacity: width), external: BitSet(capacity: externalWidth))
        for a in ipAtoms.atoms(in: block) { row.external.insert(a) }
        let inside = row.external
        for c in 0..<classes.count where classAtoms[c].contains(where: inside.contains) { row.classes.insert(c) }
        blockCache[block] = row
        return row
    }
}
