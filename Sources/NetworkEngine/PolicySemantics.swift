import ReachCore
import ReachModel

/// The per-object rules of networkpolicy.md, evaluated one endpoint at a time. The bitset
/// compiler evaluates exactly these predicates on class representatives; the pair evaluator
/// and `--explain` use them directly.
public enum PolicySemantics {
    /// Whether `policy` selects `endpoint` (same namespace, podSelector matches; rule 9 keeps
    /// hostNetwork pods out of the endpoint list altogether).
    /// - Complexity: O(selector size).
    public static func selects(_ policy: NetworkPolicy, _ endpoint: NetworkEndpoint) -> Bool {
        policy.namespace == endpoint.namespace && policy.podSelector.matches(endpoint.labels)
    }

    /// Rule 6 and 7 for a pod peer: selectors (policy namespace when namespaceSelector is
    /// absent; AND when both) or ipBlock against the pod's IPs.
    /// - Complexity: O(selector size + IPs × excepts).
    public static func peerMatches(_ peer: NetworkPolicyPeer, policyNamespace: String?, _ endpoint: NetworkEndpoint,
                                   namespaceLabels: [String: String]) -> Bool {
        if let block = peer.ipBlock { return endpoint.ips.contains { block.contains($0) } }
        return selectorPeerMatches(peer, policyNamespace: policyNamespace, namespace: endpoint.namespace,
                                   labels: endpoint.labels, namespaceLabels: namespaceLabels)
    }

    /// Rule 6 for a peer without ipBlock, on a pod's namespace and labels (for callers that keep
    /// those apart from the endpoint).
    /// - Complexity: O(selector size).
    public static func selectorPeerMatches(_ peer: NetworkPolicyPeer, policyNamespace: String?, namespace: String?,
                                           labels: [String: String], namespaceLabels: [String: String]) -> Bool {
        let nsOK = peer.namespaceSelector.map { $0.matches(namespaceLabels) } ?? (namespace == policyNamespace)
        return nsOK && (peer.podSelector?.matches(labels) ?? true)
    }

    /// Rule 7 for the outside world: only ipBlock peers match an external atom.
    public static func peerMatches(_ peer: NetworkPolicyPeer, external atom: IPAtom) -> Bool {
        guard let block = peer.ipBlock else { return false }
        return block.contains(IPAddress(family: atom.family, value: atom.first))
    }

    /// Rule 4 and 5 for one port entry: protocol (default TCP), number, range, or a name
    /// resolved on the destination endpoint (never on the outside world).
    public static func portMatches(_ entry: NetworkPolicyPort, _ probe: ProbePort, destination: NetworkEndpoint?) -> Bool {
        guard entry.effectiveProtocol == probe.protocolName else { return false }
        switch entry.port {
        case nil: return true
        case .number(let n)?:
            if let end = entry.endPort { return probe.port >= n && probe.port <= end }
            return probe.port == n
        case .name(let name)?:
            return destination?.namedPort(name, probe.protocolName).contains(probe.port) ?? false
        }
    }

    /// Whether a rule's `ports` admit `probe` (missing or `[]` = every port and protocol).
    public static func portsMatch(_ rule: NetworkPolicyRule, _ probe: ProbePort, destination: NetworkEndpoint?) -> Bool {
        guard let ports = rule.ports, !ports.isEmpty else { return true }
        return ports.contains { portMatches($0, probe, destination: destination) }
    }

    /// The rules that count for `type` (rule 3): `nil` when the policy does not govern that direction.
    public static func rules(_ policy: NetworkPolicy, _ type: PolicyType) -> [NetworkPolicyRule]? {
        guard policy.effectivePolicyTypes.contains(type) else { return nil }
        return (type == .ingress ? policy.ingress : policy.egress) ?? []
    }
}

/// One side of a connection: an endpoint (index into the catalog) or an external IP atom.
public enum NetworkPeerRef: Hashable, Sendable {
    case endpoint(Int)
    case external(Int)
}
