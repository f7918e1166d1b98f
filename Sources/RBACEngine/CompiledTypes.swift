import ReachModel

/// A Role or ClusterRole with its effective rules (after aggregation).
public struct CompiledRole: Sendable {
    /// `ClusterRole/name` or `Role/ns/name`.
    public var ref: ObjectRef
    public var location: SourceLocation
    public var rules: [EffectiveRule]
}

/// A RoleBinding or ClusterRoleBinding, resolved.
public struct CompiledBinding: Sendable {
    public var ref: ObjectRef
    public var location: SourceLocation
    /// `.cluster` for ClusterRoleBindings (they apply everywhere), else the RoleBinding's namespace.
    public var scope: Scope
    public var roleRef: RoleRef
    /// Index into ``RBACIndex/roles``; `nil` when the referenced role is missing (it grants nothing).
    public var role: Int?
    /// Principal IDs of the subjects that match someone (normalised, de-duplicated, ascending).
    public var subjects: [Int32]

    /// The RoleBinding's namespace, `nil` for a ClusterRoleBinding (``scope`` as text for
    /// callers that print it).
    public var namespace: String? { scope.namespace }
}

/// Why a principal is allowed: a binding → role → rule chain, and through which principal
/// (the identity itself or one of its groups) the binding applies.
public struct Grant: Hashable, Sendable, Comparable {
    public var binding: ObjectRef
    public var bindingLocation: SourceLocation
    public var role: ObjectRef
    public var roleLocation: SourceLocation
    public var rule: PolicyRule
    /// The ClusterRole that authored the rule when it came by aggregation.
    public var aggregatedFrom: String?
    /// The subject of the binding that matched.
    public var via: Principal
    /// Where the grant applies: the RoleBinding's namespace, or the cluster for a
    /// ClusterRoleBinding.
    public var scope: Scope { binding.namespace.map(Scope.namespace) ?? .cluster }

    public static func < (a: Grant, b: Grant) -> Bool {
        if a.binding != b.binding { return a.binding < b.binding }
        if a.via != b.via { return a.via < b.via }
        return (a.rule.location?.description ?? "") < (b.rule.location?.description ?? "")
    }
}

/// Options of the engine.
public struct RBACOptions: Hashable, Sendable {
    /// rbac.md rule 3: `system:masters` bypasses RBAC (default on; `--no-masters` turns it off).
    public var mastersBypass: Bool
    public init(mastersBypass: Bool = true) { self.mastersBypass = mastersBypass }
}

/// A grant by index (internal, cheap): binding, global rule ID, matched principal.
struct GrantRef: Hashable, Sendable {
    var binding: Int32
    var rule: Int32
    var via: Int32
}
