/// A `projectcalico.org/v3` NetworkPolicy (namespaced) or GlobalNetworkPolicy
/// (projectcalico/calico `api/pkg/apis/projectcalico/v3/networkpolicy.go`,
/// `globalnetworkpolicy.go`, `policy_common.go`), the parts that decide L3/L4 reachability.
public struct CalicoPolicy: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case networkPolicy = "NetworkPolicy", globalNetworkPolicy = "GlobalNetworkPolicy"
    }
    /// Rule `action` (policy_common.go `Action`).
    public enum Action: String, Hashable, Sendable {
        case allow = "Allow", deny = "Deny", pass = "Pass", log = "Log"
    }
    /// One `ports`/`notPorts` item (numorstring `Port`): a number, `"lo:hi"`, or a named port.
    public enum Port: Hashable, Sendable {
        case range(Int, Int)
        case named(String)
    }
    /// `source` / `destination` (policy_common.go `EntityRule`); every field set must match.
    public struct EntityRule: Hashable, Sendable {
        public var selector: CalicoSelector?
        public var notSelector: CalicoSelector?
        public var namespaceSelector: CalicoSelector?
        public var nets: [String]?
        public var notNets: [String] = []
        public var ports: [Port]?
        public var notPorts: [Port] = []
        /// `serviceAccounts` (`ServiceAccountMatch`); `nil` when absent or empty (upstream then adds
        /// no selector).
        public var serviceAccounts: ServiceAccountMatch?
        public init() {}

        /// Whether nothing restricts the peer's identity (selector, namespace, nets, accounts).
        public var matchesEveryPeer: Bool {
            selector == nil && notSelector == nil && namespaceSelector == nil && nets == nil && notNets.isEmpty && serviceAccounts == nil
        }
    }
    public struct Rule: Hashable, Sendable {
        public var action: Action
        /// `protocol`: `nil` = any; otherwise the lowercased name or number as written.
        public var protocolName: String?
        public var notProtocol: String?
        public var source = EntityRule()
        public var destination = EntityRule()
        /// `http`, `icmp`/`notICMP` or `ipVersion` matches are present: not modelled.
        public var unmodelled: [String] = []
        public var location: SourceLocation?
        public init(action: Action, location: SourceLocation? = nil) {
            self.action = action
            self.location = location
        }
    }

    public var kind: Kind
    public var meta: ObjectMeta
    /// `tier` (default `default`).
    public var tier: String
    /// `order`; `nil` = after every ordered policy (policy_common.go: "If the order is omitted, it
    /// may be considered to be infinite").
    public var order: Double?
    public var selector: CalicoSelector
    /// GlobalNetworkPolicy `namespaceSelector`.
    public var namespaceSelector: CalicoSelector?
    /// `serviceAccountSelector` (`nil` when absent or empty): a selector over the labels of the
    /// endpoint's ServiceAccount, AND-ed with ``selector`` (upstream prefixes its keys with `pcsa.`).
    public var serviceAccountSelector: CalicoSelector?
    /// The host-endpoint fields set true (`doNotTrack`, `preDNAT`, `applyOnForward`): host
    /// endpoints are not modelled; the policy is read as an ordinary workload policy and reported.
    public var hostEndpointFields: [String] = []
    /// The `Tier` object of ``tier`` when the input has one (``resolvingTiers(_:_:)``).
    public var tierSpec: CalicoTier?
    public var ingressApplies: Bool
    public var egressApplies: Bool
    public var ingress: [Rule]
    public var egress: [Rule]

    public init(kind: Kind, meta: ObjectMeta, tier: String = "default", order: Double?, selector: CalicoSelector,
                ingressApplies: Bool, egressApplies: Bool, ingress: [Rule] = [], egress: [Rule] = []) {
        self.kind = kind
        self.meta = meta
        self.tier = tier
        self.order = order
        self.selector = selector
        self.ingressApplies = ingressApplies
        self.egressApplies = egressApplies
        self.ingress = ingress
        self.egress = egress
    }

    /// `Kind/namespace/name` or `Kind/name`, how outputs name the policy.
    public var displayName: String {
        kind == .networkPolicy ? "Calico\(kind.rawValue)/\(meta.namespace ?? "default")/\(meta.name)" : "\(kind.rawValue)/\(meta.name)"
    }

    /// The key felix breaks order ties with (felix/calc/policy_sorter.go `PolKVLess`:
    /// `name/namespace/kind`).
    public var sortName: String { "\(meta.name)/\(kind == .networkPolicy ? meta.namespace ?? "default" : "")" }

    /// Order of the tier: `default` is 1 000 000 (tier.go `DefaultTierOrder`); a tier with a
    /// `Tier` object has its `spec.order` (absent = last); other tiers are placed just before
    /// `default`, by name (documented choice: the API server refuses a policy of a missing tier).
    public var tierOrder: Double {
        if tier == "default" { return CalicoTier.defaultTierOrder }
        guard let tierSpec else { return CalicoTier.defaultTierOrder - 1 }
        return tierSpec.order ?? .infinity
    }

    /// Whether the tier's end-of-tier action is Pass (`Tier` `spec.defaultAction: Pass`) rather
    /// than the default Deny.
    public var tierPasses: Bool { tierSpec?.defaultAction == .pass }

    /// Evaluation order: tier, then `order` (absent last), then name (felix `PolicySorter`).
    public static func evaluationOrder(_ a: CalicoPolicy, _ b: CalicoPolicy) -> Bool {
        if a.tierOrder != b.tierOrder { return a.tierOrder < b.tierOrder }
        if a.tier != b.tier { return a.tier < b.tier }
        let oa = a.order ?? .infinity, ob = b.order ?? .infinity
        if oa != ob { return oa < ob }
        return a.sortName < b.sortName
    }

    public func rules(ingress: Bool) -> [Rule] { ingress ? self.ingress : egress }

    /// An `EntityRule` `serviceAccounts` match (policy_common.go `ServiceAccountMatch`): `names`
    /// and `selector` both apply when given (rules.go `parseServiceAccounts` ANDs them).
    public struct ServiceAccountMatch: Hashable, Sendable {
        /// `names`: the endpoint's ServiceAccount name is one of them (empty: no name condition).
        public var names: [String]
        /// `selector` over the ServiceAccount's labels (`nil`: absent or empty).
        public var selector: CalicoSelector?
        public init(names: [String] = [], selector: CalicoSelector? = nil) {
            self.names = names
            self.selector = selector
        }
    }

    /// Every label key a selector of the policy reads (endpoint and namespace selectors alike).
    /// Whether a selector of the policy can tell endpoints apart by their ServiceAccount:
    /// `serviceAccountSelector`, a rule's `serviceAccounts`, or a selector reading the implicit
    /// `projectcalico.org/serviceaccount` or a `pcsa.` label (``CalicoServiceAccount``).
    public var usesServiceAccounts: Bool {
        if serviceAccountSelector != nil { return true }
        if (ingress + egress).contains(where: { $0.source.serviceAccounts != nil || $0.destination.serviceAccounts != nil }) { return true }
        return selectorKeys.contains { $0 == CalicoServiceAccount.nameLabel || $0.hasPrefix(CalicoServiceAccount.labelPrefix) }
    }

    public var selectorKeys: Set<String> {
        var keys = selector.keys.union(namespaceSelector?.keys ?? [])
        for rule in ingress + egress {
            for e in [rule.source, rule.destination] {
                for s in [e.selector, e.notSelector, e.namespaceSelector] { keys.formUnion(s?.keys ?? []) }
            }
        }
        return keys
    }
}
