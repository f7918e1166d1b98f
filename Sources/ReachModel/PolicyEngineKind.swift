/// Which policy semantics the cluster enforces (issue 19). AKS picks it with
/// `networkProfile.networkPolicy` (`none`, `azure`, `calico`, `cilium`) and
/// `networkProfile.networkDataplane` (`cilium` = Azure CNI powered by Cilium, whose policy engine is
/// Cilium whatever `networkPolicy` says).
public enum PolicyEngineKind: String, CaseIterable, Hashable, Sendable, Comparable {
    /// Nothing is enforced: every NetworkPolicy is decoration, every pair is allowed.
    case none
    /// Kubernetes NetworkPolicy v1 (AKS `azure`: Azure Network Policy Manager), plus the
    /// `policy.networking.k8s.io` admin tiers when they are in the input.
    case kubernetes
    /// Calico: `projectcalico.org/v3` NetworkPolicy and GlobalNetworkPolicy, with Kubernetes
    /// NetworkPolicies evaluated among them in the default tier at order 1000.
    case calico
    /// Cilium: Kubernetes NetworkPolicy without `ipBlock` matching pod IPs, and Cilium's own
    /// `cilium.io/v2` kinds at L3/L4 (``CiliumPolicy``).
    case cilium

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The engine in force and why (what `reach` prints when it is not the implicit default).
public struct PolicyEngineChoice: Hashable, Sendable {
    public var engine: PolicyEngineKind
    /// Where the choice came from, e.g. `--policy-engine none` or
    /// `AKS cluster 'c1': networkProfile.networkPolicy is none`.
    public var reason: String
    /// `false` only for the implicit default (Kubernetes, nothing said): outputs then stay as they
    /// have always been.
    public var explicit: Bool

    public init(engine: PolicyEngineKind, reason: String, explicit: Bool = true) {
        self.engine = engine
        self.reason = reason
        self.explicit = explicit
    }

    /// Kubernetes NetworkPolicy semantics, nothing said (no `--aks`, no `--policy-engine`).
    public static let implicitDefault = PolicyEngineChoice(
        engine: .kubernetes, reason: "default (no --aks cluster document, no --policy-engine)", explicit: false)

    /// The engine an AKS cluster enforces. `networkDataplane: cilium` means Cilium; otherwise
    /// `networkPolicy` `azure` → Kubernetes (NPM), `calico`, `cilium`, and `none`, empty or
    /// absent → none. An unrecognised value keeps Kubernetes semantics and says so.
    /// - Complexity: O(1).
    public init(cluster: AKSCluster) {
        let policy = cluster.string("networkProfile.networkPolicy") ?? ""
        let dataplane = cluster.string("networkProfile.networkDataplane") ?? ""
        let who = "AKS cluster '\(cluster.name)'"
        if dataplane.lowercased() == "cilium" {
            self.init(engine: .cilium, reason: "\(who): networkProfile.networkDataplane is cilium")
            return
        }
        switch policy.lowercased() {
        case "azure": self.init(engine: .kubernetes, reason: "\(who): networkProfile.networkPolicy is azure (Network Policy Manager)")
        case "calico": self.init(engine: .calico, reason: "\(who): networkProfile.networkPolicy is calico")
        case "cilium": self.init(engine: .cilium, reason: "\(who): networkProfile.networkPolicy is cilium")
        case "", "none":
            self.init(engine: .none, reason: "\(who): networkProfile.networkPolicy is \(policy.isEmpty ? "not set" : policy)")
        default:
            self.init(engine: .kubernetes,
                      reason: "\(who): networkProfile.networkPolicy '\(policy)' is not recognised; assuming Kubernetes NetworkPolicy (set --policy-engine)")
        }
    }
}
