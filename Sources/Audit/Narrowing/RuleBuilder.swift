import RBACEngine
import ReachModel

/// Minimal RBAC rules covering a set of requests.
///
/// * Scope: a request with a namespace goes to a Role in that namespace (its RoleBinding is
///   checked for it); a request without one — a cluster-scoped resource (nodes, namespaces
///   listed cluster-wide, clusterroles…), a namespaced resource across all namespaces, or a
///   non-resource URL — can only be granted by a ClusterRole with a ClusterRoleBinding.
/// * Per (apiGroup, resource[/subresource], verb), `resourceNames` are kept when every use named
///   an object and the verb can be restricted by name; otherwise the rule has no names. `list`,
///   `watch`, `create` and `deletecollection` of a resource are never restricted: the authorizer sees no name for
///   them (a create names its object in the body; rbac.md "resourceNames", upstream
///   `requestinfo.go`). A `create` on a subresource (`pods/exec`, `pods/eviction`,
///   `serviceaccounts/token`) does name the parent object in its path and keeps names.
/// * Verbs with the same names on one resource share a rule; resources of one apiGroup with the
///   same names and verbs share a rule; non-resource URLs with the same verbs share a rule.
///
/// Every output rule allows only requests whose (scope, group, resource, verb[, name]) was
/// observed, and every observed request is allowed by some rule of its scope.
public enum RuleBuilder {
    /// Verbs whose requests carry no object name to restrict.
    static let namelessVerbs: Set<String> = ["list", "watch", "create", "deletecollection"]

    /// Rules per scope, cluster first then namespaces by name; rules sorted within a scope.
    /// - Complexity: O(U log U) for U requests.
    public static func scopes(_ requests: [AccessRequest]) -> [ScopedRules] {
        var byScope: [Scope: [AccessRequest]] = [:]
        for r in requests { byScope[r.bindingNamespace.map(Scope.namespace) ?? .cluster, default: []].append(r) }
        return byScope.keys.sorted().map { ScopedRules(scope: $0, rules: rules(byScope[$0] ?? [])) }
    }

    /// Minimal rules for requests of one scope.
    /// - Complexity: O(U log U).
    public static func rules(_ requests: [AccessRequest]) -> [PolicyRule] {
        struct ResourceKey: Hashable { var group: String; var resource: String }
        // (group, resource) → verb → names (nil = unrestricted)
        var uses: [ResourceKey: [String: Set<String>?]] = [:]
        var urls: [String: Set<String>] = [:]
        for r in requests {
            guard r.isResourceRequest else { urls[r.nonResourceURL, default: []].insert(r.verb); continue }
            let key = ResourceKey(group: r.apiGroup, resource: r.combinedResource)
            let unrestricted = r.name.isEmpty || (r.subresource.isEmpty && namelessVerbs.contains(r.verb))
            let current = uses[key]?[r.verb]
            switch current {
            case .some(.none): break  // already unrestricted
            case .some(.some(var names)):
                if unrestricted { uses[key]?[r.verb] = .some(nil) } else { names.insert(r.name); uses[key]?[r.verb] = .some(names) }
            case .none:
                uses[key, default: [:]][r.verb] = unrestricted ? .some(nil) : .some([r.name])
            }
        }
        // Merge verbs with equal names per resource, then resources with equal (group, names, verbs).
        struct RuleKey: Hashable { var group: String; var names: [String]; var verbs: [String] }
        var resourcesByRule: [RuleKey: [String]] = [:]
        for (key, verbs) in uses {
            var verbsByNames: [[String]: [String]] = [:]
            for (verb, names) in verbs { verbsByNames[(names ?? []).sorted(), default: []].append(verb) }
            for (names, vs) in verbsByNames {
                resourcesByRule[RuleKey(group: key.group, names: names, verbs: vs.sorted()), default: []].append(key.resource)
            }
        }
        var out = resourcesByRule.map { k, resources in
            PolicyRule(verbs: k.verbs, apiGroups: [k.group], resources: resources.sorted(), resourceNames: k.names)
        }
        out.sort { ruleKey($0).lexicographicallyPrecedes(ruleKey($1)) }
        var urlsByVerbs: [[String]: [String]] = [:]
        for (url, verbs) in urls { urlsByVerbs[verbs.sorted(), default: []].append(url) }
        out += urlsByVerbs.map { PolicyRule(verbs: $0.key, nonResourceURLs: $0.value.sorted()) }
            .sorted { ruleKey($0).lexicographicallyPrecedes(ruleKey($1)) }
        return out
    }

    static func ruleKey(_ r: PolicyRule) -> [String] {
        [r.apiGroups.joined(separator: ","), r.resources.joined(separator: ","), r.resourceNames.joined(separator: ","),
         r.nonResourceURLs.joined(separator: ","), r.verbs.joined(separator: ",")]
    }
}
