import RBACEngine
import ReachModel

/// A pod as the escalation edges see it (E7, E8, E11, E13).
public struct PodFact: Hashable, Sendable {
    public var namespace: String
    public var name: String
    public var nodeName: String?
    /// `ServiceAccount:N/<spec.serviceAccountName, default "default">`.
    public var serviceAccount: Principal
    /// The token is mounted unless `automountServiceAccountToken: false` is set on the pod or,
    /// when the pod does not set it, on its ServiceAccount.
    public var tokenMounted: Bool
}

/// The candidate targets drawn from the input (escalation.md): ServiceAccount objects, Users and
/// Groups named in any binding, pods, token Secrets, pod controllers, mutating webhook
/// configurations and namespaces.
///
/// Choice: `Group:system:masters` is always a candidate group (the RBAC index always interns it),
/// so impersonating it (E5c) is found even when no binding names it; E12 excludes it.
public struct Candidates: Sendable {
    /// ServiceAccount objects, sorted.
    public var serviceAccounts: [Principal] = []
    /// ServiceAccount objects per namespace, sorted.
    public var serviceAccountsByNamespace: [String: [Principal]] = [:]
    /// ServiceAccounts named in bindings without an object: start identities (they may hold
    /// tokens already), never targets of techniques that need the object.
    public var namedServiceAccounts: [Principal] = []
    public var users: [Principal] = []
    public var groups: [Principal] = []
    public var pods: [PodFact] = []
    /// Namespaces of Namespace objects and of every namespaced object, sorted.
    public var namespaces: [String] = []
    /// `(namespace, secret name, ServiceAccount)` of `kubernetes.io/service-account-token` Secrets whose SA exists.
    public var tokenSecrets: [(namespace: String, name: String, serviceAccount: Principal)] = []
    public var controllers: [Workload] = []
    public var mutatingWebhooks: [String] = []
    /// ClusterRoles with an `aggregationRule` (E10 does not apply to them).
    public var aggregatedClusterRoles: Set<String> = []

    /// - Complexity: O(objects log objects).
    public init(snapshot: ClusterSnapshot, index: RBACIndex) {
        var saMount: [Principal: Bool?] = [:]
        for sa in snapshot.serviceAccounts {
            let p = Principal.serviceAccount(namespace: sa.namespace ?? "", name: sa.name)
            saMount[p] = sa.automountServiceAccountToken
        }
        // Every ServiceAccount object is a principal of the index, whose principals are already in
        // subject-string order: filtering them avoids sorting (sorted afresh if one is missing).
        let indexed = index.principals.keys.filter { saMount[$0] != nil }
        serviceAccounts = indexed.count == saMount.count ? indexed : Self.sorted(Array(saMount.keys))
        // Filtering a sorted list keeps it sorted.
        for p in serviceAccounts {
            if case .serviceAccount(let ns, _) = p { serviceAccountsByNamespace[ns, default: []].append(p) }
        }
        for p in index.principals.keys {
            switch p {
            case .user: users.append(p)
            case .group: groups.append(p)
            case .serviceAccount: if saMount[p] == nil { namedServiceAccounts.append(p) }
            }
        }
        // The index's principals are in subject-string order already.
        if !groups.contains(.masters) { groups = Self.sorted(groups + [.masters]) }
        pods = snapshot.pods.map { pod in
            let ns = pod.namespace ?? ""
            let sa = Principal.serviceAccount(namespace: ns, name: pod.spec.effectiveServiceAccountName)
            let mounted = pod.spec.automountServiceAccountToken ?? (saMount[sa] ?? nil) ?? true
            return PodFact(namespace: ns, name: pod.name, nodeName: pod.spec.nodeName, serviceAccount: sa, tokenMounted: mounted)
        }.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        outsideIndex = Self.sorted(Array(Set(pods.map(\.serviceAccount).filter { index.principals.id(of: $0) == nil })))
        var ns = Set(snapshot.namespaces.map(\.name))
        snapshot.forEachObject { ref, _ in if let n = ref.namespace { ns.insert(n) } }
        namespaces = ns.sorted()
        for s in snapshot.secrets where s.type == "kubernetes.io/service-account-token" {
            guard let a = s.serviceAccountName else { continue }
            let p = Principal.serviceAccount(namespace: s.namespace ?? "", name: a)
            if saMount[p] != nil { tokenSecrets.append((s.namespace ?? "", s.name, p)) }
        }
        tokenSecrets.sort { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        controllers = snapshot.workloads.filter { ControllerKinds.kind(of: $0.kind) != nil }
            .sorted { $0.ref < $1.ref }
        aggregatedClusterRoles = Set(snapshot.clusterRoles.filter { $0.aggregationSelectors != nil }.map(\.name))
        mutatingWebhooks = snapshot.webhookConfigurations.filter(\.isMutating).map(\.name).sorted()
    }

    /// ServiceAccounts that pods name but neither an object nor a binding does (not principals
    /// of the index), sorted.
    public var outsideIndex: [Principal] = []

    /// `principals` in subject-string order, each description computed once.
    /// - Complexity: O(n log n) string comparisons.
    static func sorted(_ principals: [Principal]) -> [Principal] {
        principals.map { ($0.description, $0) }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.map(\.1)
    }
}

/// The pod-controller kinds of E6: `(apiGroup, resource)` per kind.
public enum ControllerKinds {
    public static let all: [(kind: ObjectKind, apiGroup: String, resource: String)] = [
        (.deployment, "apps", "deployments"), (.daemonSet, "apps", "daemonsets"),
        (.statefulSet, "apps", "statefulsets"), (.replicaSet, "apps", "replicasets"),
        (.job, "batch", "jobs"), (.cronJob, "batch", "cronjobs"),
        (.replicationController, "", "replicationcontrollers"),
    ]

    public static func kind(of kind: ObjectKind) -> (apiGroup: String, resource: String)? {
        all.first { $0.kind == kind }.map { ($0.apiGroup, $0.resource) }
    }
}
