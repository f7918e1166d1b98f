import ReachModel

/// Counts of loaded objects per kind and namespace, skipped kinds, and diagnostics.
public struct Inventory: Sendable {
    public struct Row: Hashable, Sendable {
        public var kind: ObjectKind
        /// `nil` for cluster-scoped kinds.
        public var namespace: String?
        public var count: Int
    }

    /// Rows sorted by kind, then namespace (cluster-scoped first).
    public var rows: [Row]
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
        skipped = snapshot.skippedKinds
        diagnostics = snapshot.diagnostics
        files = snapshot.files.count
        bytes = snapshot.bytesRead
    }

    public var objectCount: Int { totals.values.reduce(0, +) }
    public var skippedCount: Int { skipped.values.reduce(0, +) }
    public func count(_ severity: Severity) -> Int { diagnostics.count { $0.severity == severity } }
}
