import ReachCore
import ReachModel

/// Cilium's L3/L4 rules read literally, one endpoint at a time, on Cilium's own label model: an
/// endpoint carries its pod labels, `io.kubernetes.pod.namespace` and
/// `io.cilium.k8s.namespace.labels.<key>` (source `k8s`); a selector key without a source prefix
/// (or with `k8s:`/`any:`) matches the `k8s` label of that key; a CiliumNetworkPolicy's selectors
/// without the namespace key get its namespace (cilium `pkg/k8s/apis/cilium.io/utils`). This is the
/// reference the lowering (``CiliumLowered``) is tested against.
public enum CiliumSemantics {
    /// The endpoint's labels as Cilium sees them (prefix-free keys).
    /// - Complexity: O(labels + namespace labels).
    public static func labels(_ e: NetworkEndpoint, namespaceLabels: [String: String]) -> [String: String] {
        var out = e.labels
        out["io.kubernetes.pod.namespace"] = e.namespace
        for (k, v) in namespaceLabels { out["io.cilium.k8s.namespace.labels." + k] = v }
        return out
    }

    /// Whether a selector of `policy` matches an endpoint with Cilium labels `labels`. In a
    /// CiliumNetworkPolicy the subject (`subject: true`) always gets the policy's namespace
    /// (`ParseToCiliumRule`: `AddMatch(podPrefixLbl, namespace)`, replacing a namespace match
    /// label), a peer selector only when it names neither the namespace nor a namespace label
    /// (`getEndpointSelector` in `pkg/k8s/apis/cilium.io/utils/utils.go`).
    /// - Complexity: O(selector size).
    public static func matches(_ sel: LabelSelector, _ policy: CiliumPolicy, labels: [String: String], subject: Bool = false) -> Bool {
        func strip(_ k: String) -> String {
            for p in ["k8s:", "any:"] where k.hasPrefix(p) { return String(k.dropFirst(p.count)) }
            return k
        }
        var s = LabelSelector(matchLabels: Dictionary(sel.matchLabels.map { (strip($0.key), $0.value) }, uniquingKeysWith: { a, _ in a }),
                              matchExpressions: sel.matchExpressions.map { .init(key: strip($0.key), op: $0.op, values: $0.values) })
        // utils.go getEndpointSelector: a peer selector naming the namespace, or a namespace
        // label (`io.cilium.k8s.namespace.labels.*`), is not limited to the policy's namespace.
        let namesNamespace = s.keys.contains { $0 == "io.kubernetes.pod.namespace" || $0.hasPrefix("io.cilium.k8s.namespace.labels.") }
        if policy.kind == .namespaced, subject || !namesNamespace {
            s.matchLabels["io.kubernetes.pod.namespace"] = policy.meta.namespace ?? ""
        }
        return s.matches(labels)
    }

    /// Whether a rule's L3 part admits a pod (`nil` labels: an address outside the cluster).
    /// No L3 peer: every peer when the rule has `toPorts`, none otherwise.
    /// - Complexity: O(peers × selector size).
    public static func peerMatches(_ rule: CiliumPolicy.Rule, _ policy: CiliumPolicy, labels: [String: String]?, address: IPAddress?) -> Bool {
        if rule.peers.isEmpty { return rule.ports != nil }
        return rule.peers.contains { peer in
            switch peer {
            case .endpoints(let sel): return labels.map { matches(sel, policy, labels: $0) } ?? false
            case .entity(let e):
                switch e {
                case "cluster": return labels != nil
                case "all": return true
                case "world": return address != nil
                case "world-ipv4": return address?.family == .v4
                case "world-ipv6": return address?.family == .v6
                default: return false
                }
            case .cidr(let block):
                guard let address, let cidr = CIDR(block.cidr), cidr.contains(address) else { return false }
                return !block.except.compactMap(CIDR.init).contains { $0.contains(address) }
            }
        }
    }

    /// Whether a rule's `toPorts` admit the probe (named ports on the destination pod).
    public static func portsMatch(_ rule: CiliumPolicy.Rule, _ probe: ProbePort, destination: NetworkEndpoint?) -> Bool {
        guard let ports = rule.ports else { return true }
        return ports.contains { p in
            guard p.protocols.contains(probe.protocolName) else { return false }
            switch p.port {
            case nil: return true
            case .number(let n)?: return p.endPort.map { (n...$0).contains(probe.port) } ?? (n == probe.port)
            case .name(let name)?: return destination?.namedPort(name, probe.protocolName).contains(probe.port) ?? false
            }
        }
    }
}

extension PairEvaluator {
    /// The Cilium rules for one side: the specs selecting `me` as policy matches (isolating ones
    /// flagged), and the first deny rule that matches.
    /// - Complexity: O(Cilium specs × rules × peers).
    func ciliumSide(_ type: PolicyType, of me: NetworkEndpoint, peer: NetworkPeerRef, probe: ProbePort,
                    destination: NetworkEndpoint?) -> (matches: [SideExplanation.PolicyMatch], isolating: Bool, deny: String?) {
        let mine = CiliumSemantics.labels(me, namespaceLabels: catalog.labels(ofNamespace: me.namespace))
        var peerLabels: [String: String]? = nil, address: IPAddress? = nil
        switch peer {
        case .endpoint(let i):
            let e = catalog.endpoints[i]
            peerLabels = CiliumSemantics.labels(e, namespaceLabels: catalog.labels(ofNamespace: e.namespace))
        case .external(let a): address = IPAddress(family: ipAtoms.atoms[a].family, value: ipAtoms.atoms[a].first)
        }
        var matches: [SideExplanation.PolicyMatch] = [], isolating = false, deny: String? = nil
        let dir = type == .ingress ? "ingress" : "egress"
        for policy in ciliumPolicies {
            for spec in policy.specs {
                guard let sel = spec.endpointSelector, CiliumSemantics.matches(sel, policy, labels: mine, subject: true) else { continue }
                let hit = { (r: CiliumPolicy.Rule) in
                    CiliumSemantics.portsMatch(r, probe, destination: destination)
                        && CiliumSemantics.peerMatches(r, policy, labels: peerLabels, address: address)
                }
                if deny == nil, let i = spec.deny(type).firstIndex(where: hit) { deny = "\(policy.displayName) \(spec.path).\(dir)Deny[\(i)]" }
                let allow = spec.allow(type)
                guard spec.defaultDeny(type) || !allow.isEmpty else { continue }
                isolating = isolating || spec.defaultDeny(type)
                matches.append(.init(policy: "\(policy.displayName) \(spec.path)", matchingRules: allow.indices.filter { hit(allow[$0]) },
                                     ruleCount: allow.count))
            }
        }
        return (matches, isolating, deny)
    }
}
