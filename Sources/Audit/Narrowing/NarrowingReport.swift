import RBACEngine
import ReachModel

/// Narrowed roles for every subject seen in an audit log (`audit --least-privilege --audit-log`).
public struct NarrowingReport: Sendable {
    /// Audit events read (every stage).
    public var events: Int
    /// Distinct requests after merging the stages of one `auditID`.
    public var requests: Int
    /// Requests seen only at `RequestReceived` (no decision yet; not counted).
    public var requestReceivedOnly: Int
    /// Earliest and latest event timestamps (as written), empty when none carry one.
    public var firstTimestamp: String
    public var lastTimestamp: String
    /// One entry per subject, in ``ReachModel/Principal`` order.
    public var subjects: [SubjectNarrowing]
}

/// Rules for one scope: cluster-wide (a ClusterRole with a ClusterRoleBinding) or one namespace
/// (a Role with a RoleBinding).
public struct ScopedRules: Hashable, Sendable {
    /// Cluster scope (a ClusterRole and ClusterRoleBinding) or one namespace (a Role and RoleBinding).
    public var scope: Scope
    public var rules: [PolicyRule]
    /// The namespace, `nil` for cluster scope (for output only).
    public var namespace: String? { scope.namespace }
}

/// What one subject did, the minimal rules that cover it, and what it holds but never used.
public struct SubjectNarrowing: Sendable {
    /// A user or service account (groups are never narrowed: they are how grants reach users).
    public var principal: Principal
    /// The identity checked for effective permissions: the username with every group seen in its events.
    public var identity: Identity
    /// Allowed requests attributed to the subject (its own, plus those it impersonated someone for).
    public var eventsUsed: Int
    /// Earliest and latest timestamps of those allowed events (empty when none).
    public var firstTimestamp: String
    public var lastTimestamp: String
    /// Every distinct RBAC request the subject needed, sorted by ``RBACEngine/AccessRequest/ordered(_:_:)``.
    public var observed: [AccessRequest]
    /// Cluster scope first (if any), then namespaces by name.
    public var scopes: [ScopedRules]
    /// Requests RBAC denied (HTTP 403 / `forbid`), with how often; not "used" permissions.
    public var denied: [(request: AccessRequest, count: Int)]
    /// Granted permission cells never exercised, to remove.
    public var unused: [UnusedPermission]

    /// Number of generated rules across scopes.
    public var ruleCount: Int { scopes.reduce(0) { $0 + $1.rules.count } }
}

/// One granted-but-unused permission cell: a verb on one apiGroup/resource (with the rule's
/// `resourceNames`) or on one non-resource URL, in one binding scope, with the grants behind it.
/// Wildcards (`*`, `*/scale`, `/metrics*`) are shown as written.
public struct UnusedPermission: Hashable, Sendable, Comparable {
    /// `nil`: granted cluster-wide by a ClusterRoleBinding; else the RoleBinding's namespace.
    public var namespace: String?
    public var verb: String
    public var apiGroup: String
    public var resource: String
    public var resourceNames: [String]
    public var nonResourceURL: String
    /// `RoleBinding/ns/b → ClusterRole/edit (via Group:g)`, sorted.
    public var grants: [String]

    /// The cell as a one-rule ``ReachModel/PolicyRule``.
    public var rule: PolicyRule {
        nonResourceURL.isEmpty
            ? PolicyRule(verbs: [verb], apiGroups: [apiGroup], resources: [resource], resourceNames: resourceNames)
            : PolicyRule(verbs: [verb], nonResourceURLs: [nonResourceURL])
    }

    var key: [String] {
        [namespace == nil ? "0" : "1", namespace ?? "", nonResourceURL.isEmpty ? "0" : "1", apiGroup, resource,
         resourceNames.joined(separator: ","), nonResourceURL, verb]
    }

    public static func < (a: UnusedPermission, b: UnusedPermission) -> Bool {
        a.key.lexicographicallyPrecedes(b.key)
    }
}
