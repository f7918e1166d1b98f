/// A `cilium.io/v2` CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy, L3/L4 only
/// (cilium/cilium `pkg/policy/api/rule.go`, `ingress.go`, `egress.go`, `entity.go`, `cidr.go`,
/// `l4.go`; `Documentation/security/policy/language.rst`). One object holds its `spec` and every
/// entry of `specs` as rules in order.
public struct CiliumPolicy: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case namespaced = "CiliumNetworkPolicy"
        case clusterwide = "CiliumClusterwideNetworkPolicy"
    }

    /// One L3 peer of a rule (`fromEndpoints`/`toEndpoints` entry, entity, CIDR).
    public enum Peer: Hashable, Sendable {
        /// An endpoint selector as written (keys may carry a source prefix such as `k8s:`).
        case endpoints(LabelSelector)
        /// `fromEntities`/`toEntities` value as written (`world`, `cluster`, `all`, `host`, …).
        case entity(String)
        /// `fromCIDR`/`toCIDR` (no `except`) or `fromCIDRSet`/`toCIDRSet` entry.
        case cidr(IPBlock)
    }

    /// One `toPorts[].ports[]` entry: `protocol` `ANY` (or empty) stands for TCP, UDP and SCTP;
    /// `port` `nil` (absent or `0`) is every port.
    public struct Port: Hashable, Sendable {
        public var protocols: [NetworkProtocol]
        public var port: PortValue?
        public var endPort: Int?
        public init(protocols: [NetworkProtocol], port: PortValue?, endPort: Int? = nil) {
            self.protocols = protocols
            self.port = port
            self.endPort = endPort
        }
    }

    /// One entry of `ingress`, `egress`, `ingressDeny` or `egressDeny`.
    public struct Rule: Hashable, Sendable {
        /// The L3 peers (`fromEndpoints`, entities, CIDRs together; upstream
        /// `GetSourceEndpointSelectorsWithRequirements` lists them as one selector slice).
        public var peers: [Peer]
        /// `nil` = no `toPorts` (every port); otherwise the union of the listed ports.
        public var ports: [Port]?
        public var location: SourceLocation?
        public init(peers: [Peer], ports: [Port]? = nil, location: SourceLocation? = nil) {
            self.peers = peers
            self.ports = ports
            self.location = location
        }
    }

    /// Something the rule says that kube-reach does not model (L7 rules, `toFQDNs`, …), kept for
    /// a located diagnostic.
    public struct Unmodelled: Hashable, Sendable {
        public var path: String
        public var what: String
        public var location: SourceLocation?
        public init(path: String, what: String, location: SourceLocation?) {
            self.path = path
            self.what = what
            self.location = location
        }
    }

    /// One `api.Rule` (`spec` or an entry of `specs`).
    public struct Spec: Hashable, Sendable {
        /// `spec` or `specs[i]`, for diagnostics and explanations.
        public var path: String
        /// `endpointSelector`; `nil` when the rule selects nodes (`nodeSelector`, not modelled).
        public var endpointSelector: LabelSelector?
        public var ingress: [Rule] = []
        public var egress: [Rule] = []
        public var ingressDeny: [Rule] = []
        public var egressDeny: [Rule] = []
        /// `enableDefaultDeny.ingress` / `.egress` as written (`nil` = unset).
        public var defaultDenyIngress: Bool?
        public var defaultDenyEgress: Bool?
        public var unmodelled: [Unmodelled] = []
        public init(path: String, endpointSelector: LabelSelector?) {
            self.path = path
            self.endpointSelector = endpointSelector
        }

        /// Allow rules of a direction.
        public func allow(_ type: PolicyType) -> [Rule] { type == .ingress ? ingress : egress }
        /// Deny rules of a direction.
        public func deny(_ type: PolicyType) -> [Rule] { type == .ingress ? ingressDeny : egressDeny }

        /// Whether the rule puts its endpoints into default deny for `type` (rule.go,
        /// `EnableDefaultDeny`: unset means true for each direction that has rules, allow or deny).
        public func defaultDeny(_ type: PolicyType) -> Bool {
            let written = type == .ingress ? defaultDenyIngress : defaultDenyEgress
            let hasRules = !allow(type).isEmpty || !deny(type).isEmpty
            return hasRules && (written ?? true)
        }
    }

    public var kind: Kind
    public var meta: ObjectMeta
    public var specs: [Spec]

    public init(kind: Kind, meta: ObjectMeta, specs: [Spec]) {
        self.kind = kind
        self.meta = meta
        self.specs = specs
    }

    /// `Kind/name` (namespaced: `Kind/namespace/name`), how outputs name the policy.
    public var displayName: String {
        kind == .namespaced ? "\(kind.rawValue)/\(meta.namespace ?? "")/\(meta.name)" : "\(kind.rawValue)/\(meta.name)"
    }
}
