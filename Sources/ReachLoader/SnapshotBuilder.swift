import ReachModel

/// Collects decoded objects; a later object with the same kind/namespace/name replaces the
/// earlier one with a warning. `finish()` distributes them into the sorted snapshot lists.
struct SnapshotBuilder {
    private var objects: [ObjectRef: LoadedObject] = [:]
    var skippedKinds: [String: Int] = [:]
    var diagnostics: [Diagnostic] = []
    var files: [String] = []
    var bytesRead = 0

    /// - Complexity: O(1) expected.
    mutating func add(_ object: LoadedObject, kind: ObjectKind) {
        let meta = object.meta
        let ref = ObjectRef(kind: kind, namespace: meta.namespace, name: meta.name)
        if let previous = objects[ref] {
            diagnostics.append(Diagnostic(
                id: DiagnosticID.duplicate, severity: .warning, location: meta.location, path: nil,
                message: "duplicate \(ref) (first at \(previous.meta.location)); the last one wins"))
        }
        objects[ref] = object
    }

    /// Builds the snapshot; every list is sorted by namespace then name (then kind for workloads).
    /// - Complexity: O(n log n).
    func finish() -> ClusterSnapshot {
        var s = ClusterSnapshot()
        for ref in objects.keys.sorted() {
            guard let object = objects[ref] else { continue }
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
            }
        }
        // ObjectRef sorts by kind first; within one list the order is (namespace, name) except for
        // workloads and webhooks, which mix kinds: sort them by (namespace, name, kind).
        s.workloads.sort { ($0.meta.namespace ?? "", $0.meta.name, $0.kind.rawValue) < ($1.meta.namespace ?? "", $1.meta.name, $1.kind.rawValue) }
        s.webhookConfigurations.sort { ($0.meta.name, $0.kind.rawValue) < ($1.meta.name, $1.kind.rawValue) }
        s.skippedKinds = skippedKinds
        s.diagnostics = diagnostics.sorted()
        s.files = files
        s.bytesRead = bytesRead
        return s
    }
}
