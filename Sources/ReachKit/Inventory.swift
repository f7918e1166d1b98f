import ReachModel

/// Counts of loaded objects per kind and namespace, skipped kinds, and diagnostics.
public struct Inventory: Sendable {
    public struct Row: Hashable, Sendable {
        public var kind: ObjectKind
        /// `nil` for cluster-scoped kinds.
        public var namespace: String?
        public var count: Int
    }

    /// A network policy kind outside ``ObjectKind``: the `policy.networking.k8s.io` tiers, Cilium's
    /// and Calico's policies (Calico's `NetworkPolicy.projectcalico.org`, group-qualified so that it
    /// is not taken for the Kubernetes kind).
    public struct PolicyRow: Hashable, Sendable {
        public var kind: String
        /// `nil` for cluster-scoped kinds.
        public var namespace: String?
        public var count: Int
    }

    /// Rows sorted by kind, then namespace (cluster-scoped first).
    public var rows: [Row]
    /// Tier, Cilium and Calico policies, sorted by kind, then namespace (cluster-scoped first).
    public var policyRows: [PolicyRow]
    /// Total per kind (kinds with zero objects omitted).
    public var totals: [ObjectKind: Int]
    /// Skipped `apiVersion Kind` → count.
    public var skipped: [String: Int]
    public var diagnostics: [Diagnostic]
    public var files: Int
    public var bytes: Int

    /// - Complexity: O(n log n) for n objects.
    public init(snapshot: ClusterSnapshot) {
        var counts: [ObjectRef: Int] = [:]
        for (ref, _) in snapshot.allObjects {
            counts[ObjectRef(kind: ref.kind, namespace: ref.namespace, name: ""), default: 0] += 1
        }
        rows = counts.keys.sorted().map { Row(kind: $0.kind, namespace: $0.namespace, count: counts[$0] ?? 0) }
        var totals: [ObjectKind: Int] = [:]
        for row in rows { totals[row.kind, default: 0] += row.count }
        self.totals = totals
        policyRows = Self.policyRows(snapshot)
        skipped = snapshot.skippedKinds
        diagnostics = snapshot.diagnostics
        files = snapshot.files.count
        bytes = snapshot.bytesRead
    }

    /// - Complexity: O(p log p) for p policies of these kinds.
    static func policyRows(_ snapshot: ClusterSnapshot) -> [PolicyRow] {
        var keys: [(String, String?)] = snapshot.adminNetworkPolicies.map { ($0.kind.rawValue, nil) }
        keys += snapshot.ciliumPolicies.map { ($0.kind.rawValue, $0.kind == .namespaced ? $0.meta.namespace ?? "default" : nil) }
        keys += snapshot.calicoPolicies.map {
            $0.kind == .networkPolicy ? ("NetworkPolicy.projectcalico.org", $0.meta.namespace ?? "default")
                : ("GlobalNetworkPolicy.projectcalico.org", nil)
        }
        keys += snapshot.calicoTiers.map { _ in ("Tier.projectcalico.org", nil) }
        var counts: [String: [String: Int]] = [:]
        for (kind, ns) in keys { counts[kind, default: [:]][ns ?? "", default: 0] += 1 }
        return counts.keys.sorted().flatMap { kind in
            (counts[kind] ?? [:]).keys.sorted().map { ns in
                PolicyRow(kind: kind, namespace: ns.isEmpty ? nil : ns, count: counts[kind]?[ns] ?? 0)
            }
        }
    }

    public var objectCount: Int { totals.values.reduce(0, +) + policyRows.reduce(0) { $0 + $1.count } }
    public var skippedCount: Int { skipped.values.reduce(0, +) }
    public func count(_ severity: Severity) -> Int { diagnostics.count { $0.severity == severity } }
}
