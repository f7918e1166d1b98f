/// A `projectcalico.org/v3` Tier (projectcalico/calico `api/pkg/apis/projectcalico/v3/tier.go`;
/// Calico docs, *Tier* resource reference): a named, ordered group of Calico policies.
public struct CalicoTier: Hashable, Sendable {
    /// `spec.defaultAction`: what a tier that applies to an endpoint does with a packet no rule
    /// decided (docs: "Deny, Pass", default Deny).
    public enum DefaultAction: String, Hashable, Sendable {
        case deny = "Deny", pass = "Pass"
    }

    public var meta: ObjectMeta
    /// `spec.order`; `nil` = applied last (tier.go: "If the order is omitted, it may be considered
    /// to be \"infinite\"").
    public var order: Double?
    public var defaultAction: DefaultAction

    public init(meta: ObjectMeta, order: Double?, defaultAction: DefaultAction = .deny) {
        self.meta = meta
        self.order = order
        self.defaultAction = defaultAction
    }

    /// tier.go `DefaultTierOrder`: the `default` tier's order.
    public static let defaultTierOrder: Double = 1_000_000
    /// Calico's tier for the Admin tier of `policy.networking.k8s.io` (`kube-admin`, order 1000)
    /// and for its Baseline tier (`kube-baseline`, order 10 000 000) (Calico docs, *Get started
    /// with policy tiers*).
    public static let adminTierOrder: Double = 1_000
    public static let baselineTierOrder: Double = 10_000_000
}

extension CalicoPolicy {
    /// The policies with the `Tier` objects of their tiers attached (``tierSpec``).
    /// - Complexity: O(policies + tiers).
    public static func resolvingTiers(_ policies: [CalicoPolicy], _ tiers: [CalicoTier]) -> [CalicoPolicy] {
        guard !tiers.isEmpty else { return policies }
        var byName: [String: CalicoTier] = [:]
        for t in tiers { byName[t.meta.name] = t }
        return policies.map { p in
            var q = p
            q.tierSpec = byName[p.tier]
            return q
        }
    }
}
