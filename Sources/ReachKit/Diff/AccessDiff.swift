import RBACEngine
import ReachCore
import ReachModel

/// RBAC changes between two snapshots: per subject, the permissions its own bindings grant that
/// were gained or lost (rows of the resources × verbs matrix of ``RBACEngine/AccessSummary``, per
/// scope); and, for sensitive requests, the subjects who-can gained or lost.
///
/// A subject's permissions are those of bindings naming it (a User, Group or ServiceAccount, as
/// normalised by rbac.md "Subjects"): a grant to a group is reported under the group, once, not
/// under every member. A verb counts as gained on a row when the before row did not grant it
/// (`*` grants every verb), lost when the after row does not grant it, so rewriting `get, list` as
/// `*` gains `*` and loses nothing. Rows are compared as written (apiGroup, resource,
/// resourceNames, nonResourceURL), so a new `*` resource row does not hide the removal of a row
/// naming one resource.
public struct AccessDiff: Sendable {
    /// Verbs gained or lost on one row in one scope.
    public struct PermissionChange: Hashable, Sendable, Comparable {
        public var scope: ReachModel.Scope
        public var apiGroup: String
        public var resource: String
        public var resourceNames: [String]
        public var nonResourceURL: String
        public var verbs: [String]
        /// The bindings that grant the row on the side where it is held (`Kind/ns/name`).
        public var bindings: [String]
        /// Where the first of them is (after side for gains, before side for losses).
        public var location: SourceLocation?

        /// `pods/exec` or `deployments.apps` or `/metrics`, with `[names]`.
        public var target: String {
            if !nonResourceURL.isEmpty { return nonResourceURL }
            let base = apiGroup.isEmpty ? resource : "\(resource).\(apiGroup)"
            return resourceNames.isEmpty ? base : "\(base) [\(resourceNames.joined(separator: ","))]"
        }

        public static func < (a: PermissionChange, b: PermissionChange) -> Bool {
            if a.scope != b.scope { return a.scope < b.scope }
            return (a.nonResourceURL.isEmpty ? 0 : 1, a.apiGroup, a.resource, a.resourceNames.joined(separator: ","), a.nonResourceURL)
                < (b.nonResourceURL.isEmpty ? 0 : 1, b.apiGroup, b.resource, b.resourceNames.joined(separator: ","), b.nonResourceURL)
        }
    }

    /// One subject whose permissions changed.
    public struct SubjectChange: Sendable {
        /// `User:…`, `Group:…` or `ServiceAccount:ns/name`.
        public var subject: String
        public var gained: [PermissionChange]
        public var lost: [PermissionChange]
    }

    /// Who-can changes for one sensitive request.
    public struct WhoCanChange: Sendable {
        public var request: AccessRequest
        public var gained: [String]
        public var lost: [String]
    }

    /// Subjects in code-point order.
    public var subjects: [SubjectChange]
    /// In ``SensitiveRequests`` order; cluster scope first, then namespaces by name.
    public var whoCan: [WhoCanChange]

    public var isEmpty: Bool { subjects.isEmpty && whoCan.isEmpty }

    /// - Complexity: O(S × access) for S principals of both sides (each ``RBACEngine/RBACIndex/access(_:namespace:)``
    ///   costs the principal's bindings × rules), plus one who-can per sensitive request per
    ///   namespace with RoleBindings on either side.
    public init(before: RBACIndex, after: RBACIndex, beforeSnapshot: ClusterSnapshot, afterSnapshot: ClusterSnapshot) {
        let principals = Set(before.principals.keys).union(after.principals.keys).sorted()
        subjects = principals.compactMap { p in
            let identity = Self.directIdentity(p)
            let change = Self.compare(before.access(identity), after.access(identity))
            guard !change.gained.isEmpty || !change.lost.isEmpty else { return nil }
            return SubjectChange(subject: p.description, gained: change.gained, lost: change.lost)
        }
        whoCan = SensitiveRequests.whoCanChanges(before, after, namespaces: Self.namespacesToAsk(beforeSnapshot, afterSnapshot))
    }

    /// The namespaces whose who-can answers can differ other than through cluster-wide grants
    /// (which the cluster-scope questions show): those whose Roles, RoleBindings or
    /// ServiceAccounts differ between the sides — every namespace with RoleBindings when some
    /// ClusterRole differs (a RoleBinding may grant it).
    /// - Complexity: O(objects) hashing.
    static func namespacesToAsk(_ a: ClusterSnapshot, _ b: ClusterSnapshot) -> [String] {
        let withBindings = Set(a.roleBindings.compactMap(\.namespace) + b.roleBindings.compactMap(\.namespace))
        if Set(a.clusterRoles.map(RBACShape.init)) != Set(b.clusterRoles.map(RBACShape.init)) { return withBindings.sorted() }
        var changed = Set<String>()
        func compare(_ x: [RBACShape], _ y: [RBACShape]) {
            changed.formUnion(Set(x).symmetricDifference(Set(y)).compactMap(\.ref.namespace))
        }
        compare(a.roles.map(RBACShape.init), b.roles.map(RBACShape.init))
        compare(a.roleBindings.map(RBACShape.init), b.roleBindings.map(RBACShape.init))
        compare(a.serviceAccounts.map { RBACShape(ref: $0.ref) }, b.serviceAccounts.map { RBACShape(ref: $0.ref) })
        return changed.intersection(withBindings).sorted()
    }

    /// What RBAC reads of an object, without source locations (the two sides usually come from
    /// different files).
    struct RBACShape: Hashable {
        var ref: ObjectRef
        var rules: [[[String]]] = []
        var labels: [String: String] = [:]
        var aggregation: [LabelSelector]? = nil
        var roleRef: RoleRef? = nil
        var subjects: [Subject] = []

        init(ref: ObjectRef) { self.ref = ref }

        static func rules(_ list: [PolicyRule]) -> [[[String]]] {
            list.map { [$0.verbs, $0.apiGroups, $0.resources, $0.resourceNames, $0.nonResourceURLs] }
        }

        init(_ r: Role) {
            ref = r.ref
            rules = Self.rules(r.rules)
        }

        init(_ r: ClusterRole) {
            ref = r.ref
            rules = Self.rules(r.rules)
            labels = r.meta.labels
            aggregation = r.aggregationSelectors
        }

        init(_ b: RoleBinding) {
            ref = b.ref
            roleRef = b.roleRef
            subjects = b.subjects
        }
    }

    /// The identity whose principals are exactly `p`: no implied groups.
    static func directIdentity(_ p: Principal) -> Identity {
        switch p {
        case .group(let g): Identity(user: nil, groups: [g])
        default: Identity(user: p.username, groups: [])
        }
    }

    /// Gained and lost verbs, row by row and scope by scope.
    /// - Complexity: O(rows × verbs) with hashing.
    static func compare(_ a: AccessSummary, _ b: AccessSummary) -> (gained: [PermissionChange], lost: [PermissionChange]) {
        let before = rows(a), after = rows(b)
        func changes(_ from: [RowKey: Held], _ to: [RowKey: Held]) -> [PermissionChange] {
            from.compactMap { key, held -> PermissionChange? in
                let other = to[key]
                let verbs = held.row.verbs.filter { v in !(other?.row.grants(v) ?? false) }
                guard !verbs.isEmpty else { return nil }
                return PermissionChange(scope: key.scope, apiGroup: held.row.apiGroup, resource: held.row.resource,
                                        resourceNames: held.row.resourceNames, nonResourceURL: held.row.nonResourceURL,
                                        verbs: verbs, bindings: held.row.bindings, location: held.location)
            }.sorted()
        }
        return (changes(after, before), changes(before, after))
    }

    struct RowKey: Hashable {
        var scope: ReachModel.Scope
        var apiGroup, resource, names, url: String
    }

    struct Held {
        var row: AccessSummary.Row
        var location: SourceLocation?
    }

    static func rows(_ summary: AccessSummary) -> [RowKey: Held] {
        var out: [RowKey: Held] = [:]
        for scope in summary.scopes {
            var locations: [String: SourceLocation] = [:]
            for g in scope.grants where locations[g.binding.description] == nil { locations[g.binding.description] = g.bindingLocation }
            for row in scope.rows {
                let key = RowKey(scope: scope.scope, apiGroup: row.apiGroup, resource: row.resource,
                                 names: row.resourceNames.joined(separator: ","), url: row.nonResourceURL)
                out[key] = Held(row: row, location: row.bindings.first.flatMap { locations[$0] })
            }
        }
        return out
    }
}
