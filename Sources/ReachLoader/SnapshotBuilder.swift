import ReachModel

/// Collects decoded objects; a later object with the same kind/namespace/name replaces the
/// earlier one with a warning. `finish()` distributes them into the sorted snapshot lists.
struct SnapshotBuilder {
    /// Objects in input order; a replaced duplicate leaves `nil` behind.
    private var objects: [LoadedObject?] = []
    private var slot: [RefKey: Int] = [:]
    var skippedKinds: [String: Int] = [:]
    /// Tier policies by (kind, name): a later one replaces an earlier one with a warning.
    var adminPolicies: [String: AdminNetworkPolicy] = [:]
    var ciliumPolicies: [CiliumPolicy] = []
    /// Calico policies by display name (last wins).
    var calicoPolicies: [String: CalicoPolicy] = [:]
    /// Calico Tier objects by name (last wins).
    var calicoTiers: [String: CalicoTier] = [:]
    var secretProviderClasses: [SecretProviderClass] = []
    var diagnostics: [Diagnostic] = []
    var files: [String] = []
    var bytesRead = 0

    /// Room for `count` more objects (the merge is serial: no rehashing or regrowth on the way).
    /// - Complexity: O(count).
    mutating func reserve(_ count: Int) {
        objects.reserveCapacity(objects.count + count)
        slot.reserveCapacity(slot.count + count)
    }

    /// - Complexity: O(1) expected (one hash lookup).
    mutating func add(_ object: consuming LoadedObject, key: RefKey) {
        if let previous = slot.updateValue(objects.count, forKey: key), let earlier = objects[previous] {
            diagnostics.append(Diagnostic(
                id: DiagnosticID.duplicate, severity: .warning, location: object.meta.location, path: nil,
                message: "duplicate \(key.ref) (first at \(earlier.meta.location)); the last one wins"))
            objects[previous] = nil
        }
        objects.append(object)
    }

    /// Appends one batch's results (in input order), moving its objects out of `result` (no
    /// per-object copy: a copy retained and later released every reference inside the object).
    /// - Complexity: O(objects in `result`) expected.
    mutating func merge(_ result: inout ChunkResult) {
        result.objects.reverse()
        while let (object, key) = result.objects.popLast() { add(object, key: key) }
        for (key, n) in result.skippedKinds { skippedKinds[key, default: 0] += n }
        for policy in result.adminPolicies { addAdmin(policy) }
        ciliumPolicies += result.ciliumPolicies
        secretProviderClasses += result.secretProviderClasses
        for policy in result.calicoPolicies { calicoPolicies[policy.displayName] = policy }
        for tier in result.calicoTiers { calicoTiers[tier.meta.name] = tier }
        diagnostics += result.diagnostics
    }

    /// Builds the snapshot; every list is sorted by namespace then name (then kind for the lists
    /// that mix kinds).
    /// Objects are moved out of the builder (it is left empty of objects).
    /// - Complexity: O(n log n).
    mutating func finish() -> ClusterSnapshot {
        var s = ClusterSnapshot()
        objects.reverse()
        while let next = objects.popLast() {
            guard let object = next else { continue }
            switch consume object {
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
            case .ingressClass(let o): s.ingressClasses.append(o)
            case .route(let o): s.routes.append(o)
            }
        }
        sortByName(&s.namespaces); sortByName(&s.serviceAccounts); sortByName(&s.roles)
        sortByName(&s.clusterRoles); sortByName(&s.roleBindings); sortByName(&s.clusterRoleBindings)
        sortByName(&s.pods); sortByName(&s.networkPolicies); sortByName(&s.services); sortByName(&s.ingresses)
        sortByName(&s.secrets); sortByName(&s.configMaps); sortByName(&s.nodes); sortByName(&s.resourceQuotas)
        sortByName(&s.limitRanges); sortByName(&s.gateways); sortByName(&s.ingressClasses)
        sortByKey(&s.routes) { ($0.meta.namespace ?? "", $0.meta.name, $0.kind.rawValue) }
        sortByKey(&s.workloads) { ($0.meta.namespace ?? "", $0.meta.name, $0.kind.rawValue) }
        sortByKey(&s.webhookConfigurations) { ($0.meta.namespace ?? "", $0.meta.name, $0.kind.rawValue) }
        s.skippedKinds = skippedKinds
        s.ciliumPolicies = ciliumPolicies.sorted { $0.displayName < $1.displayName }
        s.adminNetworkPolicies = adminPolicies.values.sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }
        s.calicoPolicies = calicoPolicies.values.sorted { $0.displayName < $1.displayName }
        s.calicoTiers = calicoTiers.values.sorted { $0.meta.name < $1.meta.name }
        s.secretProviderClasses = secretProviderClasses.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        s.diagnostics = diagnostics.sorted()
        s.files = files
        s.bytesRead = bytesRead
        return s
    }

    /// - Complexity: O(1) expected.
    private mutating func addAdmin(_ policy: AdminNetworkPolicy) {
        let key = policy.displayName
        if let earlier = adminPolicies[key] {
            diagnostics.append(Diagnostic(
                id: DiagnosticID.duplicate, severity: .warning, location: policy.meta.location, path: nil,
                message: "duplicate \(key) (first at \(earlier.meta.location)); the last one wins"))
        }
        adminPolicies[key] = policy
    }

    /// Sorts through an index permutation so each (large) object is moved once. Lists already in
    /// order (`kubectl get` output, most generated manifests) are left alone after an O(n) check:
    /// keys are unique within a list, so the sorted order is the only one.
    /// Order: (namespace, name, kind), cluster-scoped (no namespace) first; `kind` breaks ties for
    /// the lists that mix kinds. Keys are computed once (comparing through `meta` copied every
    /// object's metadata on each comparison).
    /// - Complexity: O(n) when already sorted, else O(n log n).
    private func sortByName<T: KubeObject>(_ items: inout [T]) {
        sortByKey(&items) { ($0.meta.namespace ?? "", $0.meta.name, "") }
    }

    private func sortByKey<T>(_ items: inout [T], _ key: (T) -> (String, String, String)) {
        let keys = items.map(key)
        if zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) { return }
        var order = keys.indices.sorted { keys[$0] < keys[$1] }
        // Applies the permutation in place, cycle by cycle, with swaps (which move elements: no
        // copy, retain or release of the objects' contents).
        items.withUnsafeMutableBufferPointer { buffer in
            for start in order.indices where order[start] != start {
                var current = start
                while order[current] != start {
                    let next = order[current]
                    buffer.swapAt(current, next)
                    order[current] = current
                    current = next
                }
                order[current] = current
            }
        }
    }
}
