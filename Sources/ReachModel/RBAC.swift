/// One `rbac.authorization.k8s.io/v1` PolicyRule, as written.
public struct PolicyRule: Hashable, Sendable {
    public var verbs: [String]
    public var apiGroups: [String]
    public var resources: [String]
    public var resourceNames: [String]
    public var nonResourceURLs: [String]
    /// Where the rule was written (for "why" answers).
    public var location: SourceLocation?

    public init(verbs: [String] = [], apiGroups: [String] = [], resources: [String] = [],
                resourceNames: [String] = [], nonResourceURLs: [String] = [], location: SourceLocation? = nil) {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
        self.location = location
    }
}

public struct Role: KubeObject, Hashable {
    public static let kind = ObjectKind.role
    public var meta: ObjectMeta
    public var rules: [PolicyRule]
    public init(meta: ObjectMeta, rules: [PolicyRule]) {
        self.meta = meta
        self.rules = rules
    }
}

public struct ClusterRole: KubeObject, Hashable {
    public static let kind = ObjectKind.clusterRole
    public var meta: ObjectMeta
    public var rules: [PolicyRule]
    /// `aggregationRule.clusterRoleSelectors`; `nil` when the role is not aggregated.
    public var aggregationSelectors: [LabelSelector]?
    public init(meta: ObjectMeta, rules: [PolicyRule], aggregationSelectors: [LabelSelector]? = nil) {
        self.meta = meta
        self.rules = rules
        self.aggregationSelectors = aggregationSelectors
    }
}

/// A binding subject as written (`kind` is kept verbatim so unknown kinds can be reported).
public struct Subject: Hashable, Sendable {
    public var kind: String
    public var name: String
    public var namespace: String?
    public var apiGroup: String?
    public init(kind: String, name: String, namespace: String? = nil, apiGroup: String? = nil) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.apiGroup = apiGroup
    }
}

/// What a binding's `roleRef` names: a Role (of the binding's namespace) or a ClusterRole.
/// Printed as the Kubernetes kind.
public enum RoleKind: String, Hashable, Sendable, CustomStringConvertible {
    case role = "Role"
    case clusterRole = "ClusterRole"

    public var description: String { rawValue }
}

public struct RoleRef: Hashable, Sendable {
    public var apiGroup: String
    /// `Role` or `ClusterRole` (the loader rejects any other kind).
    public var kind: RoleKind
    public var name: String
    public init(apiGroup: String = "rbac.authorization.k8s.io", kind: RoleKind, name: String) {
        self.apiGroup = apiGroup
        self.kind = kind
        self.name = name
    }

    /// The role a binding of `scope` references: a ClusterRole by name, or the Role of the
    /// binding's namespace; `nil` for a Role referenced cluster-wide (which the API server
    /// rejects).
    /// - Complexity: O(1).
    public func target(in scope: Scope) -> ObjectRef? {
        switch (kind, scope) {
        case (.clusterRole, _): ObjectRef(kind: .clusterRole, namespace: nil, name: name)
        case (.role, .namespace(let ns)): ObjectRef(kind: .role, namespace: ns, name: name)
        case (.role, .cluster): nil
        }
    }
}

public struct RoleBinding: KubeObject, Hashable {
    public static let kind = ObjectKind.roleBinding
    public var meta: ObjectMeta
    public var roleRef: RoleRef
    public var subjects: [Subject]
    public init(meta: ObjectMeta, roleRef: RoleRef, subjects: [Subject]) {
        self.meta = meta
        self.roleRef = roleRef
        self.subjects = subjects
    }
}

public struct ClusterRoleBinding: KubeObject, Hashable {
    public static let kind = ObjectKind.clusterRoleBinding
    public var meta: ObjectMeta
    public var roleRef: RoleRef
    public var subjects: [Subject]
    public init(meta: ObjectMeta, roleRef: RoleRef, subjects: [Subject]) {
        self.meta = meta
        self.roleRef = roleRef
        self.subjects = subjects
    }
}

public struct ServiceAccount: KubeObject, Hashable {
    public static let kind = ObjectKind.serviceAccount
    public var meta: ObjectMeta
    /// `automountServiceAccountToken`; `nil` when unset (Kubernetes then mounts).
    public var automountServiceAccountToken: Bool?
    /// Names in `secrets[]` (legacy token secrets).
    public var secretNames: [String]
    public var imagePullSecretNames: [String]
    public init(meta: ObjectMeta, automountServiceAccountToken: Bool? = nil, secretNames: [String] = [],
                imagePullSecretNames: [String] = []) {
        self.meta = meta
        self.automountServiceAccountToken = automountServiceAccountToken
        self.secretNames = secretNames
        self.imagePullSecretNames = imagePullSecretNames
    }
}
