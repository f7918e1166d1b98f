import ReachCore
import ReachModel

/// Cilium policies in the shape the NetworkPolicy compiler already handles, per direction:
/// allow rules as NetworkPolicies (isolating when the Cilium rule puts its endpoints into default
/// deny, ``nonIsolating`` otherwise), deny rules as NetworkPolicies whose rules deny.
///
/// Mapping (cilium/cilium `pkg/policy/api`, `Documentation/security/policy/language.rst`):
/// * `endpointSelector`: label keys lose their `k8s:`/`any:` source prefix;
///   `io.kubernetes.pod.namespace` selects the namespace (`kubernetes.io/metadata.name`),
///   `io.cilium.k8s.namespace.labels.<key>` a namespace label. A CiliumNetworkPolicy selects only
///   its own namespace; a clusterwide one every namespace whose labels match.
/// * `fromEndpoints`/`toEndpoints`: the same split; without a namespace key a namespaced policy's
///   selector means its own namespace (NetworkPolicy peer without namespaceSelector), a clusterwide
///   one's every namespace.
/// * entities: `world` (`world-ipv4`, `world-ipv6`) = every address outside the cluster,
///   `cluster` = every pod, `all` = both; `host`, `remote-node`, `kube-apiserver`, `health`,
///   `init`, `ingress`, `unmanaged`, `none` match nothing here (nodes and the API server are not
///   endpoints) and are reported.
/// * CIDRs match only addresses outside the cluster (ingress.go: "Only connections which do *not*
///   originate from the cluster ... are subject to CIDR rules") — the Cilium ipBlock rule.
/// * a rule with no L3 peer but `toPorts` allows every peer on those ports (language.rst, "Layer 4
///   Examples"); a rule with neither (`{}`) allows nothing.
struct CiliumLowered: Sendable {
    /// Allow rules, one NetworkPolicy per (policy, spec, namespace, direction).
    var allow: [NetworkPolicy] = []
    /// Indices into ``allow`` of policies that do not isolate (`enableDefaultDeny: false`).
    var nonIsolating: Set<Int> = []
    /// Deny rules, one NetworkPolicy per (policy, spec, namespace, direction).
    var deny: [NetworkPolicy] = []
    var diagnostics: [Diagnostic] = []
    /// The policies lowered.
    var source: [CiliumPolicy] = []

    var isEmpty: Bool { allow.isEmpty && deny.isEmpty }

    /// - Complexity: O(policies × specs × namespaces × rules × peers).
    init() {}

    init(_ policies: [CiliumPolicy], catalog: EndpointCatalog) {
        source = policies
        let namespaces = Set(catalog.namespaceLabels.keys).union(catalog.endpoints.map(\.namespace)).sorted()
        for policy in policies {
            for spec in policy.specs {
                for u in spec.unmodelled {
                    diagnostics.append(Diagnostic(id: NetworkDiagnosticID.notModelled, severity: .info, location: u.location ?? policy.meta.location,
                                                  path: u.path, message: "\(policy.displayName): \(u.what)"))
                }
                guard let subject = spec.endpointSelector else { continue }
                var (nsSel, podSel) = Self.split(subject)
                // A CiliumNetworkPolicy's subject always lives in its namespace (ParseToCiliumRule
                // replaces a namespace match label with the policy's namespace).
                if policy.kind == .namespaced { nsSel.matchLabels["kubernetes.io/metadata.name"] = nil }
                let targets = policy.kind == .namespaced ? [policy.meta.namespace ?? ""] : namespaces
                for ns in targets where nsSel.matches(catalog.labels(ofNamespace: ns)) {
                    lower(policy, spec, namespace: ns, podSelector: podSel)
                }
            }
        }
    }

    private mutating func lower(_ policy: CiliumPolicy, _ spec: CiliumPolicy.Spec, namespace: String, podSelector: LabelSelector) {
        let name = policy.kind.rawValue + "/" + policy.meta.name + (spec.path == "spec" ? "" : "/" + spec.path)
        let meta = ObjectMeta(name: name, namespace: namespace, location: policy.meta.location)
        for type in PolicyType.allCases {
            let allowRules = spec.allow(type).compactMap { rule(policy, $0) }
            let denyRules = spec.deny(type).compactMap { rule(policy, $0) }
            let isolates = spec.defaultDeny(type)
            if isolates || !allowRules.isEmpty {
                if !isolates { nonIsolating.insert(allow.count) }
                allow.append(Self.policy(meta, podSelector, type, allowRules))
            }
            if !denyRules.isEmpty { deny.append(Self.policy(meta, podSelector, type, denyRules)) }
        }
    }

    private static func policy(_ meta: ObjectMeta, _ pods: LabelSelector, _ type: PolicyType, _ rules: [NetworkPolicyRule]) -> NetworkPolicy {
        NetworkPolicy(meta: meta, podSelector: pods, policyTypes: [type],
                      ingress: type == .ingress ? rules : nil, egress: type == .egress ? rules : nil)
    }

    /// One Cilium rule as a NetworkPolicy rule, or `nil` when it matches no peer.
    private mutating func rule(_ policy: CiliumPolicy, _ r: CiliumPolicy.Rule) -> NetworkPolicyRule? {
        let ports = r.ports.map { $0.flatMap { p in p.protocols.map { NetworkPolicyPort(protocol: $0, port: p.port, endPort: p.endPort) } } }
        if r.peers.isEmpty { return ports == nil ? nil : NetworkPolicyRule(ports: ports, peers: nil, location: r.location) }
        var peers: [NetworkPolicyPeer] = []
        for peer in r.peers { peers += self.peers(policy, peer, location: r.location) }
        return peers.isEmpty ? nil : NetworkPolicyRule(ports: ports, peers: peers, location: r.location)
    }

    private mutating func peers(_ policy: CiliumPolicy, _ peer: CiliumPolicy.Peer, location: SourceLocation?) -> [NetworkPolicyPeer] {
        let world = [NetworkPolicyPeer(ipBlock: IPBlock(cidr: "0.0.0.0/0")), NetworkPolicyPeer(ipBlock: IPBlock(cidr: "::/0"))]
        let cluster = [NetworkPolicyPeer(podSelector: .everything, namespaceSelector: .everything)]
        switch peer {
        case .cidr(let block): return [NetworkPolicyPeer(ipBlock: block)]
        case .endpoints(let sel):
            let (ns, pods) = Self.split(sel)
            if ns.isEmpty, policy.kind == .namespaced { return [NetworkPolicyPeer(podSelector: pods)] }
            return [NetworkPolicyPeer(podSelector: pods, namespaceSelector: ns)]
        case .entity(let e):
            switch e {
            case "world": return world
            case "world-ipv4": return [world[0]]
            case "world-ipv6": return [world[1]]
            case "cluster": return cluster
            case "all": return cluster + world
            default:
                diagnostics.append(Diagnostic(id: NetworkDiagnosticID.notModelled, severity: .info, location: location ?? policy.meta.location,
                                              message: "\(policy.displayName): entity '\(e)' is not modelled (no node, API-server or health endpoints offline); it matches nothing here"))
                return []
            }
        }
    }

    /// Splits a Cilium endpoint selector into a namespace-label selector and a pod-label selector.
    /// - Complexity: O(selector size).
    static func split(_ sel: LabelSelector) -> (namespace: LabelSelector, pod: LabelSelector) {
        var ns = LabelSelector(), pod = LabelSelector()
        func route(_ key: String) -> (Bool, String) {
            var k = Substring(key)
            for prefix in ["k8s:", "any:"] where k.hasPrefix(prefix) { k = k.dropFirst(prefix.count) }
            if k == "io.kubernetes.pod.namespace" { return (true, "kubernetes.io/metadata.name") }
            let nsLabels = "io.cilium.k8s.namespace.labels."
            if k.hasPrefix(nsLabels) { return (true, String(k.dropFirst(nsLabels.count))) }
            return (false, String(k))
        }
        for (key, value) in sel.matchLabels {
            let (isNS, k) = route(key)
            if isNS { ns.matchLabels[k] = value } else { pod.matchLabels[k] = value }
        }
        for req in sel.matchExpressions {
            let (isNS, k) = route(req.key)
            let r = LabelSelector.Requirement(key: k, op: req.op, values: req.values)
            if isNS { ns.matchExpressions.append(r) } else { pod.matchExpressions.append(r) }
        }
        return (ns, pod)
    }
}

extension CiliumLowered {
    /// A non-isolating policy's rules count only for classes some isolating policy selects
    /// (elsewhere everything is allowed anyway): its `selected` is cut to those classes.
    /// - Complexity: O(directions × K / 64).
    static func restrict(_ dirs: [CompiledDirection], _ nonIsolating: Set<Int>) -> [CompiledDirection] {
        guard !nonIsolating.isEmpty, let first = dirs.first else { return dirs }
        var isolating = BitSet(capacity: first.selected.capacity)
        for d in dirs where !nonIsolating.contains(d.policy) { isolating.formUnion(d.selected) }
        return dirs.map { d in
            guard nonIsolating.contains(d.policy) else { return d }
            var out = d
            out.selected.formIntersection(isolating)
            return out
        }
    }
}

extension PolicyCompiler {
    /// Cilium deny policies for one direction as tier directions whose every rule denies.
    /// - Complexity: as ``compile(_:_:)``.
    mutating func compileCiliumDeny(_ deny: [NetworkPolicy], _ type: PolicyType) -> [CompiledAdminDirection] {
        compile(deny, type).map { d in
            var out = CompiledAdminDirection(policy: d.policy, tier: .admin, selected: d.selected,
                                             rules: d.rules.map { CompiledAdminRule(action: .deny, rule: $0) })
            out.namespaceDeny = true
            return out
        }
    }
}

extension NetworkEngine {
    /// Cilium policies under another engine: not read, said once (info).
    static func ciliumNotRead(_ policies: [CiliumPolicy], engine: PolicyEngineChoice) -> [Diagnostic] {
        guard engine.engine != .cilium, !policies.isEmpty else { return [] }
        return [Diagnostic(id: NetworkDiagnosticID.notModelled, severity: .info, location: policies[0].meta.location,
                           message: "\(policies.count) Cilium polic\(policies.count == 1 ? "y is" : "ies are") not read by the \(engine.engine.rawValue) engine: left out (use --policy-engine cilium)")]
    }
}
