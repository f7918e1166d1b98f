import ReachModel

/// Collects decoded objects; a later object with the same kind/namespace/name replaces the
/// earlier one with a warning. `finish()` distributes them into the sorted snapshot lists.
struct SnapshotBuilder {
    /// Objects in input order; a replaced duplicate leaves `nil` behind.
    private var objects: [LoadedObject?] = []
    private var slot: [RefKey: Int] = [:]
    var skippedKinds: [String: Int] = [:]
    var diagnostics: [Diagnostic] = []
    var files: [String] = []
    var bytesRead = 0

    /// - Complexity: O(1) expected.
    mutating func add(_ object: LoadedObject, key: RefKey) {
        let meta = object.meta
        let ref = key.ref
        if let previous = slot[key], let earlier = objects[previous] {
            diagnostics.append(Diagnostic(
                id: DiagnosticID.duplicate, severity: .warning, location: meta.location, path: nil,
                message: "duplicate \(ref) (first at \(earlier.meta.location)); the last one wins"))
            objects[previous] = nil
        }
        slot[key] = objects.count
        objects.append(object)
    }

    /// Appends one document's results (in input order).
    mutating func merge(_ result: ChunkResult) {
        for (object, key) in result.objects { add(object, key: key) }
        for (key, n) in result.skippedKinds { skippedKinds[key, default: 0] += n }
        diagnostics += result.diagnostics
    }

    /// Builds the snapshot; every list is sorted by namespace then name (then kind for the lists
    /// that mix kinds).
    /// - Complexity: O(n log n).
    func finish() -> ClusterSnapshot {
        var s = ClusterSnapshot()
        for case let object? in objects {
            switch object {
            case .namespace(let o): s.namespaces.append(o)
            case .serviceAccount(let o): s.serviceAccounts.append(o)
            case .role(let o): s.roles.append(o)
            case .clusterRole(let o): s.clusterRoles.append(o)
            case .roleBinding(let o): s.roleBindings.append(o)
            case .clusterRoleBinding(let o): s.clusterRoleBindings.append(o)
            case .pod(let o): s.pods.append(o)
            case .workload(let o): s.workloads.append(o)
            case .networkPolicy(let o): s.networkPolicies.append(o)
            case .service(let o): s.services.append(o)
            case .ingress(let o): s.ingresses.append(o)
            case .secret(let o): s.secrets.append(o)
            case .configMap(let o): s.configMaps.append(o)
            case .node(let o): s.nodes.append(o)
            case .webhook(let o): s.webhookConfigurations.append(o)
            case .resourceQuota(let o): s.resourceQuotas.append(o)
            case .limitRange(let o): s.limitRanges.append(o)
            case .gateway(let o): s.gateways.append(o)
            case .route(let o): s.routes.append(o)
            }
        }
        sortByName(&s.namespaces); sortByName(&s.serviceAccounts); sortByName(&s.roles)
        sortByName(&s.clusterRoles); sortByName(&s.roleBindings); sortByName(&s.clusterRoleBindings)
        sortByName(&s.pods); sortByName(&s.networkPolicies); sortByName(&s.services); sortByName(&s.ingresses)
        sortByName(&s.secrets); sortByName(&s.configMaps); sortByName(&s.nodes); sortByName(&s.resourceQuotas)
        sortByName(&s.limitRanges); sortByName(&s.gateways)
        s.routes.sort { Self.before($0.meta, $0.kind, $1.meta, $1.kind) }
        s.workloads.sort { Self.before($0.meta, $0.kind, $1.meta, $1.kind) }
        s.webhookConfigurations.sort { Self.before($0.meta, $0.kind, $1.meta, $1.kind) }
        s.skippedKinds = skippedKinds
        s.diagnostics = diagnostics.sorted()
        s.files = files
        s.bytesRead = bytesRead
        return s
    }

    /// Sorts through an index permutation so each (large) object is moved once.
    private func sortByName<T: KubeObject>(_ items: inout [T]) {
        let keys = items.map { ($0.meta.namespace ?? "", $0.meta.name) }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        items = order.map { items[$0] }
    }

    /// (namespace, name, kind) order; cluster-scoped (no namespace) first.
    static func before(_ a: ObjectMeta, _ ak: ObjectKind, _ b: ObjectMeta, _ bk: ObjectKind) -> Bool {
        let an = a.namespace ?? "", bn = b.namespace ?? ""
        if an != bn { return an < bn }
        if a.name != b.name { return a.name < b.name }
        return ak.rawValue < bk.rawValue
    }
}
