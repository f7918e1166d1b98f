import ReachModel

/// What one batch of consecutive documents produced: objects in order, skipped kinds,
/// diagnostics. Batches are decoded independently (and in parallel), then merged in input order so
/// "last wins" stays well defined.
struct ChunkResult: Sendable {
    var objects: [(object: LoadedObject, key: RefKey)] = []
    var skippedKinds: [String: Int] = [:]
    /// `policy.networking.k8s.io` tier policies, in order.
    var adminPolicies: [AdminNetworkPolicy] = []
    /// `cilium.io/v2` policies, in order.
    var ciliumPolicies: [CiliumPolicy] = []
    /// `projectcalico.org/v3` policies, in order.
    var calicoPolicies: [CalicoPolicy] = []
    /// `projectcalico.org/v3` Tier objects, in order.
    var calicoTiers: [CalicoTier] = []
    /// `secrets-store.csi.x-k8s.io` SecretProviderClasses, in order.
    var secretProviderClasses: [SecretProviderClass] = []
    var diagnostics: [Diagnostic] = []

    /// Adds an object; its identity key (and hash) is computed here, on the decoding thread.
    mutating func add(_ object: LoadedObject, kind: ObjectKind) {
        let meta = object.meta
        objects.append((object, RefKey(ObjectRef(kind: kind, namespace: meta.namespace, name: meta.name))))
    }
}

/// An ``ObjectRef`` with its hash computed once (in parallel decoding), so the serial merge's
/// duplicate detection does not re-hash the name strings.
struct RefKey: Hashable, Sendable {
    let ref: ObjectRef
    let hash: Int

    init(_ ref: ObjectRef) {
        self.ref = ref
        self.hash = ref.hashValue
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    static func == (a: RefKey, b: RefKey) -> Bool { a.hash == b.hash && a.ref == b.ref }
}

extension LoadedObject: @unchecked Sendable {}
