import ReachCore
import ReachModel

/// The result of the NetworkPolicy engine: class-level matrices per port class, plus
/// everything needed to expand them to pods, ports and external ranges.
public struct NetworkReach: Sendable {
    public let catalog: EndpointCatalog
    public let policies: [NetworkPolicy]
    public let classes: EndpointClasses
    public let portAtoms: PortAtomTable
    public let ipAtoms: IPAtomTable
    /// Port atom → port class (index for ``matrix(forPortClass:)``).
    public let portClassOfAtom: [Int]
    let store: PortClassStore
    public internal(set) var diagnostics: [Diagnostic]
    /// The `policy.networking.k8s.io` tier policies analysed, in evaluation order.
    public internal(set) var adminPolicies: [AdminNetworkPolicy] = []
    /// Calico's policies under the Calico engine (`nil` under any other engine).
    public internal(set) var calicoPolicies: [CalicoPolicy]? = nil
    /// The policy engine the answer assumes, and why.
    public internal(set) var engine: PolicyEngineChoice = .implicitDefault
    /// The Cilium policies analysed (their allow rules are lowered into ``policies`` after the
    /// first ``kubernetesPolicyCount``).
    public internal(set) var ciliumPolicies: [CiliumPolicy] = []
    /// How many leading entries of ``policies`` are NetworkPolicies (`Int.max`: all of them).
    public internal(set) var kubernetesPolicyCount = Int.max
    /// How many of ``policies`` are NetworkPolicies (the rest are lowered Cilium allow rules).
    public var networkPolicyCount: Int { min(policies.count, kubernetesPolicyCount) }
    /// Cilium deny rules lowered to NetworkPolicies (``CiliumLowered``).
    public internal(set) var ciliumDeny: [NetworkPolicy] = []
    /// Indices into ``policies`` of Cilium allow policies that do not isolate (`enableDefaultDeny: false`).
    public internal(set) var nonIsolating: Set<Int> = []

    public var endpoints: [NetworkEndpoint] { catalog.endpoints }

    /// Number of port classes (groups of port atoms with identical matrices).
    public var portClassCount: Int { store.count }

    /// The class-level matrices of port class `q` (computed on first use, then cached).
    /// - Complexity: see ``NetworkEngine/analyze(_:eager:)``.
    public func matrix(forPortClass q: Int) -> PortClassReach { store.matrix(q) }

    /// Streams every port class's matrices without caching new ones: the full class-level result
    /// for all port atoms in O(K²/8) extra memory (what a benchmark of the whole result should time).
    public func forEachPortClass(_ body: (Int, PortClassReach) -> Void) { store.forEach(body) }

    /// The naive evaluator over the same inputs (for `--explain` and cross-checks).
    public var evaluator: PairEvaluator {
        var e = PairEvaluator(catalog: catalog, policies: Array(policies.prefix(kubernetesPolicyCount)), ipAtoms: ipAtoms)
        e.adminPolicies = adminPolicies
        e.calicoPolicies = calicoPolicies
        e.ipBlocksMatchPods = engine.engine != .cilium
        e.ciliumPolicies = ciliumPolicies
        return e
    }

    /// Whether `src` may connect to `dst` with `probe`. Self traffic is always allowed (rule 2);
    /// external-to-external is not analysed (false).
    /// - Complexity: O(log atoms).
    public func allowed(_ src: NetworkPeerRef, _ dst: NetworkPeerRef, _ probe: ProbePort) -> Bool {
        guard let a = portAtoms.atom(for: probe) else { return false }
        return allowed(src, dst, atom: a)
    }

    /// - Complexity: O(1).
    public func allowed(_ src: NetworkPeerRef, _ dst: NetworkPeerRef, atom a: Int) -> Bool {
        let m = store.matrix(portClassOfAtom[a])
        switch (src, dst) {
        case let (.endpoint(s), .endpoint(d)):
            return s == d || m.reach[classes.classOf[s], classes.classOf[d]]
        case let (.endpoint(s), .external(e)):
            return m.toExternal[classes.classOf[s], e]
        case let (.external(e), .endpoint(d)):
            return m.fromExternal[e, classes.classOf[d]]
        case (.external, .external):
            return false
        }
    }

    /// Calls `body(src, dst)` for every allowed endpoint pair for `probe` (endpoint indices),
    /// self pairs included, grouped by source class. This is the pod-pair expansion without
    /// building strings (what a benchmark of "all pod pairs for one probe" should time).
    /// - Complexity: O(K² / 64 + allowed pairs) for K classes.
    public func forEachAllowedPair(_ probe: ProbePort, _ body: (Int, Int) -> Void) {
        guard let a = portAtoms.atom(for: probe) else { return }
        let m = store.matrix(portClassOfAtom[a]).reach
        for (s, srcMembers) in classes.members.enumerated() {
            let row = m.rowSet(s)
            for src in srcMembers {
                body(src, src)
                row.forEachMember { d in
                    for dst in classes.members[d] where dst != src { body(src, dst) }
                }
            }
        }
    }

    /// Every allowed endpoint pair for `probe` as `src->dst`, self pairs included, sorted by
    /// code point (the JSON contract of interfaces.md).
    /// - Complexity: O(K² / 64 + P log P) for K classes and P allowed pairs.
    public func allowedPairs(_ probe: ProbePort) -> [String] {
        var out: [String] = []
        forEachAllowedPair(probe) { out.append(endpoints[$0].displayName + "->" + endpoints[$1].displayName) }
        return out.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The allowed (protocol, port) set from `src` to `dst` over all port atoms.
    /// - Complexity: O(port atoms).
    public func connections(_ src: NetworkPeerRef, _ dst: NetworkPeerRef) -> ConnectionSet {
        if case .endpoint = src, src == dst { return .all }
        var set = ConnectionSet()
        for (a, atom) in portAtoms.atoms.enumerated() where allowed(src, dst, atom: a) {
            set.add(atom.protocolName, atom.lower...atom.upper)
        }
        return set
    }

    /// Connections between two classes (`src` ≠ `dst` pods when the classes are equal).
    /// - Complexity: O(port atoms).
    public func classConnections(_ s: Int, _ d: Int) -> ConnectionSet {
        var set = ConnectionSet()
        for (a, atom) in portAtoms.atoms.enumerated() where store.matrix(portClassOfAtom[a]).reach[s, d] {
            set.add(atom.protocolName, atom.lower...atom.upper)
        }
        return set
    }

    /// Every declared (protocol, containerPort) of the endpoints, sorted.
    public var declaredProbes: [ProbePort] {
        Array(endpoints.reduce(into: Set<ProbePort>()) { $0.formUnion($1.declaredProbes) }).sorted()
    }

    /// Endpoint index by display name (`ns/pod` or `ns/name[Kind]`).
    public func endpointIndex(named name: String) -> Int? {
        endpoints.firstIndex { $0.displayName == name }
    }
}
