import ReachModel

/// The effective permissions of one identity (like `kubectl auth can-i --list` / rakkess, from
/// RBAC objects alone), per scope: cluster-wide (ClusterRoleBindings) and per namespace
/// (RoleBindings).
public struct AccessSummary: Sendable {
    /// One row of the resources × verbs matrix.
    public struct Row: Hashable, Sendable, Comparable {
        /// `apiGroup` (`""` core, `*` any); empty for non-resource rows.
        public var apiGroup: String
        /// Resource as written in rules (`pods`, `pods/exec`, `*`, `*/scale`); empty for URL rows.
        public var resource: String
        /// Restricting `resourceNames` (empty = every name).
        public var resourceNames: [String]
        /// Non-resource URL (`/healthz`, `/metrics*`); empty for resource rows.
        public var nonResourceURL: String
        /// Verbs granted, sorted (`*` stays `*`).
        public var verbs: [String]
        /// `Kind/ns/name` of the bindings that grant this row, sorted.
        public var bindings: [String]

        public static func < (a: Row, b: Row) -> Bool {
            (a.nonResourceURL.isEmpty ? 0 : 1, a.apiGroup, a.resource, a.resourceNames.joined(separator: ","), a.nonResourceURL)
                < (b.nonResourceURL.isEmpty ? 0 : 1, b.apiGroup, b.resource, b.resourceNames.joined(separator: ","), b.nonResourceURL)
        }

        /// Whether `verb` is granted on this row (`*` grants all).
        public func grants(_ verb: String) -> Bool { verbs.contains("*") || verbs.contains(verb) }
    }

    /// Permissions in one scope.
    public struct ScopeAccess: Sendable {
        /// Cluster-wide (ClusterRoleBindings, valid in every namespace) or one namespace.
        public var scope: ReachModel.Scope
        public var rows: [Row]
        public var grants: [Grant]
        /// The namespace, `nil` for cluster scope (for output only).
        public var namespace: String? { scope.namespace }
    }

    public var identity: Identity
    /// Cluster scope first, then namespaces by name; scopes without grants are omitted.
    public var scopes: [ScopeAccess]
    public var bySystemMasters: Bool
}

extension RBACIndex {
    /// Effective permissions of `identity`: with `namespace`, the ClusterRoleBindings and that
    /// namespace's RoleBindings; without, every binding, grouped by scope.
    /// - Complexity: O(Σ over the identity's principals of bindings × bound rules × rule size).
    public func access(_ identity: Identity, namespace: String? = nil) -> AccessSummary {
        var byScope: [ReachModel.Scope: [GrantRef]] = [:]
        for p in identity.principals {
            guard let pid = principals.id(of: p) else { continue }
            for b in principalBindings[pid] {
                let binding = bindings[Int(b)]
                if let namespace, let bns = binding.namespace, bns != namespace { continue }
                guard let role = binding.role else { continue }
                for r in roleRuleStart[role]..<roleRuleStart[role + 1] {
                    byScope[binding.scope, default: []].append(GrantRef(binding: b, rule: Int32(r), via: Int32(pid)))
                }
            }
        }
        let keys = byScope.keys.sorted()
        let scopes = keys.map { key in
            let grants = Array(Set(byScope[key] ?? [])).map(resolve).sorted()
            return AccessSummary.ScopeAccess(scope: key, rows: Self.rows(grants), grants: grants)
        }
        let masters = options.mastersBypass && identity.groups.contains("system:masters")
        return AccessSummary(identity: identity, scopes: scopes, bySystemMasters: masters)
    }

    /// Expands rules into matrix rows (one per apiGroup × resource × names, or per URL).
    static func rows(_ grants: [Grant]) -> [AccessSummary.Row] {
        struct Key: Hashable { var group, resource, names, url: String }
        var verbs: [Key: Set<String>] = [:]
        var via: [Key: Set<String>] = [:]
        for g in grants {
            var keys: [Key] = []
            let names = g.rule.resourceNames.sorted().joined(separator: ",")
            for group in g.rule.apiGroups { for res in g.rule.resources { keys.append(Key(group: group, resource: res, names: names, url: "")) } }
            for url in g.rule.nonResourceURLs { keys.append(Key(group: "", resource: "", names: "", url: url)) }
            for k in keys {
                verbs[k, default: []].formUnion(g.rule.verbs)
                via[k, default: []].insert(g.binding.description)
            }
        }
        return verbs.keys.map { k in
            AccessSummary.Row(apiGroup: k.group, resource: k.resource,
                              resourceNames: k.names.isEmpty ? [] : k.names.split(separator: ",").map(String.init),
                              nonResourceURL: k.url, verbs: (verbs[k] ?? []).sorted(), bindings: (via[k] ?? []).sorted())
        }.filter { !$0.verbs.isEmpty }.sorted()
    }
}
