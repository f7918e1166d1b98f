import AttackGraph
import RBACEngine
import ReachModel

/// What the least-privilege checks share, computed once per audit run: the RBAC index, the
/// attack graph, every subject's direct grants and which RBAC objects are system-managed.
///
/// Subjects are the principals of the index (every subject named in a binding and every
/// ServiceAccount object) except `Group:system:masters`, whose power is the authorizer's
/// convention, not a grant. A subject's grants are those of the bindings that name it
/// (``RBACIndex/access(_:namespace:)`` of the principal alone): a grant to a group is reported on
/// the group, not again on every member.
struct RBACFacts: Sendable {
    let snapshot: ClusterSnapshot
    let index: RBACIndex
    let graph: AttackGraph
    /// Audited subjects, sorted.
    let subjects: [Principal]
    /// Direct grants per subject (every rule of every bound role), sorted.
    let grants: [Principal: [Grant]]
    /// Metadata of Roles, ClusterRoles, RoleBindings, ClusterRoleBindings and ServiceAccounts.
    let meta: [ObjectRef: ObjectMeta]
    /// Those of them that are Kubernetes bootstrap or AKS-managed (``SystemRBAC``).
    let systemObjects: Set<ObjectRef>
    /// Pods and workloads (for token automount).
    let pods: [PodSubject]

    /// - Parameters: `index` and `graph` are those of `snapshot` (built by the caller, once).
    /// - Complexity: O(Σ subjects' grants log grants) plus the metadata scan.
    init(snapshot: ClusterSnapshot, pods: [PodSubject], index: RBACIndex, graph: AttackGraph) {
        self.snapshot = snapshot
        self.pods = pods
        self.index = index
        self.graph = graph
        var meta: [ObjectRef: ObjectMeta] = [:]
        var system = Set<ObjectRef>()
        func note(_ ref: ObjectRef, _ m: ObjectMeta) {
            meta[ref] = m
            if SystemRBAC.isManaged(m) { system.insert(ref) }
        }
        for o in snapshot.roles { note(o.ref, o.meta) }
        for o in snapshot.clusterRoles { note(o.ref, o.meta) }
        for o in snapshot.roleBindings { note(o.ref, o.meta) }
        for o in snapshot.clusterRoleBindings { note(o.ref, o.meta) }
        for o in snapshot.serviceAccounts { note(o.ref, o.meta) }
        self.meta = meta
        systemObjects = system
        // A `User:system:serviceaccount:N:a` subject is the ServiceAccount N/a to the authorizer
        // (rbac.md rule 6); who-can lists it as named too, but auditing it again would report one
        // identity twice: its grants are on the ServiceAccount principal.
        subjects = index.principals.keys.filter { p in
            if p == .masters { return false }
            if case .user(let name) = p, Principal.splitServiceAccountUsername(name) != nil { return false }
            return true
        }.sorted()
        var grants: [Principal: [Grant]] = [:]
        for p in subjects {
            let list = index.access(Self.ownIdentity(p)).scopes.flatMap(\.grants)
            if !list.isEmpty { grants[p] = list.sorted() }
        }
        self.grants = grants
    }

    /// The identity whose only principal is `p` (no implicit groups).
    static func ownIdentity(_ p: Principal) -> Identity {
        switch p {
        case .user(let u): Identity(user: u)
        case .group(let g): Identity(user: nil, groups: [g])
        case .serviceAccount: Identity(user: p.username)
        }
    }

    /// Whether binding or role `ref` is system-managed.
    func isSystem(_ ref: ObjectRef) -> Bool { systemObjects.contains(ref) }

    /// A finding built from `grants` is system when every binding among them is system-managed.
    func allSystem(_ grants: [Grant]) -> Bool { !grants.isEmpty && grants.allSatisfy { isSystem($0.binding) } }

    /// Binding and role locations of `grants`.
    func locations(_ grants: [Grant]) -> [SourceLocation] { grants.flatMap { [$0.bindingLocation, $0.roleLocation] } }

    /// Annotations of the bindings of `grants` merged (for `kube-reach.io/ignore`).
    func annotations(_ grants: [Grant]) -> [String: String] {
        var out: [String: String] = [:]
        for g in grants {
            for (k, v) in meta[g.binding]?.annotations ?? [:] {
                out[k] = out[k].map { "\($0),\(v)" } ?? v
            }
        }
        return out
    }

    /// `RoleBinding/dev/b → Role/dev/r`, each distinct pair once, sorted.
    static func via(_ grants: [Grant]) -> String {
        Array(Set(grants.map { "\($0.binding) → \($0.role)" })).sorted().joined(separator: ", ")
    }

    /// Distinct role names of `grants` (`ClusterRole/x`, `Role/ns/y`), sorted.
    static func roles(_ grants: [Grant]) -> String {
        Array(Set(grants.map(\.role.description))).sorted().joined(separator: ", ")
    }
}

/// Which RBAC objects are Kubernetes' own or AKS-managed ("system noise", hidden unless
/// `--include-system`). An object is system-managed when
/// * its name starts with `system:` (Kubernetes bootstrap and controller roles/bindings; AKS's own
///   `system:aks-*`/`system:azure-*` objects fall under this too), or
/// * it has the label `kubernetes.io/bootstrapping: rbac-defaults` (the API server's bootstrap
///   policy, e.g. `cluster-admin`, `admin`, `edit`, `view`), or
/// * it has the label `addonmanager.kubernetes.io/mode` (objects reconciled by the add-on manager,
///   which AKS uses for its managed add-ons) or `kubernetes.azure.com/managedby: aks`, or
/// * it is cluster-scoped or in `kube-system` and its name starts with `aks-` (AKS's
///   `aks-service`, `aks-cluster-admin-binding`).
enum SystemRBAC {
    /// - Complexity: O(1) expected.
    static func isManaged(_ meta: ObjectMeta) -> Bool {
        if meta.name.hasPrefix("system:") { return true }
        if meta.labels["kubernetes.io/bootstrapping"] == "rbac-defaults" { return true }
        if meta.labels["addonmanager.kubernetes.io/mode"] != nil { return true }
        if meta.labels["kubernetes.azure.com/managedby"] == "aks" { return true }
        return meta.name.hasPrefix("aks-") && (meta.namespace == nil || meta.namespace == "kube-system")
    }
}
