/// An IntOrString port as written.
public enum PortValue: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case name(String)
    public var description: String {
        switch self {
        case .number(let n): String(n)
        case .name(let s): s
        }
    }
}

public enum PolicyType: String, Hashable, Sendable, CaseIterable {
    case ingress = "Ingress", egress = "Egress"
}

public struct IPBlock: Hashable, Sendable {
    public var cidr: String
    public var except: [String]
    public init(cidr: String, except: [String] = []) {
        self.cidr = cidr
        self.except = except
    }
}

/// One entry of `from`/`to`.
public struct NetworkPolicyPeer: Hashable, Sendable {
    public var podSelector: LabelSelector?
    public var namespaceSelector: LabelSelector?
    public var ipBlock: IPBlock?
    public init(podSelector: LabelSelector? = nil, namespaceSelector: LabelSelector? = nil, ipBlock: IPBlock? = nil) {
        self.podSelector = podSelector
        self.namespaceSelector = namespaceSelector
        self.ipBlock = ipBlock
    }
}

public struct NetworkPolicyPort: Hashable, Sendable {
    /// `nil` = unset (TCP by default).
    public var protocolName: NetworkProtocol?
    /// `nil` = every port of the protocol.
    public var port: PortValue?
    public var endPort: Int?
    public init(protocol: NetworkProtocol? = nil, port: PortValue? = nil, endPort: Int? = nil) {
        self.protocolName = `protocol`
        self.port = port
        self.endPort = endPort
    }
    /// The protocol after defaulting.
    public var effectiveProtocol: NetworkProtocol { protocolName ?? .tcp }
}

/// One ingress or egress rule. `nil` lists are "missing", kept apart from `[]` where it matters.
public struct NetworkPolicyRule: Hashable, Sendable {
    public var ports: [NetworkPolicyPort]?
    /// `from` for ingress, `to` for egress.
    public var peers: [NetworkPolicyPeer]?
    public var location: SourceLocation?
    public init(ports: [NetworkPolicyPort]? = nil, peers: [NetworkPolicyPeer]? = nil, location: SourceLocation? = nil) {
        self.ports = ports
        self.peers = peers
        self.location = location
    }
}

/// A `networking.k8s.io/v1` NetworkPolicy as written (defaulting is the engine's job).
public struct NetworkPolicy: KubeObject, Hashable {
    public static let kind = ObjectKind.networkPolicy
    public var meta: ObjectMeta
    public var podSelector: LabelSelector
    /// `spec.policyTypes` as written; `nil` when absent.
    public var policyTypes: [PolicyType]?
    /// `spec.ingress`; `nil` when absent.
    public var ingress: [NetworkPolicyRule]?
    /// `spec.egress`; `nil` when absent.
    public var egress: [NetworkPolicyRule]?
    public init(meta: ObjectMeta, podSelector: LabelSelector = .everything, policyTypes: [PolicyType]? = nil,
                ingress: [NetworkPolicyRule]? = nil, egress: [NetworkPolicyRule]? = nil) {
        self.meta = meta
        self.podSelector = podSelector
        self.policyTypes = policyTypes
        self.ingress = ingress
        self.egress = egress
    }

    /// policyTypes as the API server stores them (defaults.go): an explicit non-empty list as is;
    /// otherwise `Ingress`, plus `Egress` when `spec.egress` is a non-empty list.
    public var effectivePolicyTypes: Set<PolicyType> {
        if let policyTypes, !policyTypes.isEmpty { return Set(policyTypes) }
        var types: Set<PolicyType> = [.ingress]
        if let egress, !egress.isEmpty { types.insert(.egress) }
        return types
    }
}
