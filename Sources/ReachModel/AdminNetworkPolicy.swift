/// The cluster-scoped tiers of `policy.networking.k8s.io` (kubernetes-sigs/network-policy-api):
/// `ClusterNetworkPolicy` (v1alpha2, `tier: Admin|Baseline`), and the older
/// `AdminNetworkPolicy` / `BaselineAdminNetworkPolicy` (v1alpha1), held in one shape.
/// Evaluation order (clusternetworkpolicy_types.go, `Tier`): Admin tier by priority → namespaced
/// NetworkPolicies → Baseline tier → allowed.
public struct AdminNetworkPolicy: Hashable, Sendable {
    /// The API kind as written.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case clusterNetworkPolicy = "ClusterNetworkPolicy"
        case adminNetworkPolicy = "AdminNetworkPolicy"
        case baselineAdminNetworkPolicy = "BaselineAdminNetworkPolicy"
    }
    public enum Tier: String, Hashable, Sendable, Comparable {
        case admin = "Admin", baseline = "Baseline"
        public static func < (a: Self, b: Self) -> Bool { a == .admin && b == .baseline }
    }
    /// `Accept` (v1alpha1 `Allow`), `Deny`, `Pass`.
    public enum Action: String, Hashable, Sendable {
        case accept = "Accept", deny = "Deny", pass = "Pass"
    }
    /// `subject`, and the pod peers: `namespaces` selects every pod of matching namespaces,
    /// `pods` is namespaceSelector AND podSelector.
    public enum Selection: Hashable, Sendable {
        case namespaces(LabelSelector)
        case pods(namespaceSelector: LabelSelector, podSelector: LabelSelector)
    }
    /// One peer (exactly one field upstream).
    public enum Peer: Hashable, Sendable {
        case selection(Selection)
        /// `networks`: CIDRs (egress only); they match pod IPs too (the API comment says so).
        case networks([String])
        /// `nodes` (egress, experimental): nodes are not endpoints here; matches nothing, reported.
        case nodes(LabelSelector)
        /// `domainNames` (egress Accept, experimental): not modelled offline; matches nothing, reported.
        case domainNames([String])
    }
    /// One port matcher: a number, an inclusive range, or a destination container-port name.
    public enum Port: Hashable, Sendable {
        case number(NetworkProtocol, Int)
        case range(NetworkProtocol, Int, Int)
        case named(String)
    }
    public struct Rule: Hashable, Sendable {
        /// `name` as written (may be empty).
        public var name: String
        public var action: Action
        public var peers: [Peer]
        /// `nil` = every port and protocol.
        public var ports: [Port]?
        public var location: SourceLocation?
        public init(name: String = "", action: Action, peers: [Peer], ports: [Port]? = nil, location: SourceLocation? = nil) {
            self.name = name
            self.action = action
            self.peers = peers
            self.ports = ports
            self.location = location
        }
    }

    public var kind: Kind
    public var meta: ObjectMeta
    public var tier: Tier
    /// 0…1000, lower first (BaselineAdminNetworkPolicy: 0, there is only one).
    public var priority: Int
    public var subject: Selection
    public var ingress: [Rule]
    public var egress: [Rule]

    public init(kind: Kind, meta: ObjectMeta, tier: Tier, priority: Int, subject: Selection,
                ingress: [Rule] = [], egress: [Rule] = []) {
        self.kind = kind
        self.meta = meta
        self.tier = tier
        self.priority = priority
        self.subject = subject
        self.ingress = ingress
        self.egress = egress
    }

    public var name: String { meta.name }
    /// `Kind/name`, how outputs name the policy.
    public var displayName: String { "\(kind.rawValue)/\(meta.name)" }

    /// Evaluation order: tier, then priority, then kind and name (upstream leaves equal priorities
    /// to the implementation; this order makes the answer deterministic and is documented).
    public static func evaluationOrder(_ a: AdminNetworkPolicy, _ b: AdminNetworkPolicy) -> Bool {
        (a.tier == .admin ? 0 : 1, a.priority, a.kind.rawValue, a.meta.name)
            < (b.tier == .admin ? 0 : 1, b.priority, b.kind.rawValue, b.meta.name)
    }

    /// Every label key a pod selector of the policy mentions (subject and peers).
    public var podSelectorKeys: Set<String> {
        var keys: Set<String> = []
        func add(_ s: Selection) { if case .pods(_, let pod) = s { keys.formUnion(pod.keys) } }
        add(subject)
        for rule in ingress + egress { for case .selection(let s) in rule.peers { add(s) } }
        return keys
    }
}

extension AdminNetworkPolicy.Selection {
    /// Whether a pod of `namespace` (with those namespace labels) and `labels` is selected.
    /// - Complexity: O(selector size).
    public func matches(namespaceLabels: [String: String], labels: [String: String]) -> Bool {
        switch self {
        case .namespaces(let ns): ns.matches(namespaceLabels)
        case .pods(let ns, let pod): ns.matches(namespaceLabels) && pod.matches(labels)
        }
    }
}
