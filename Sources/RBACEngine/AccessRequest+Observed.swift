import ReachModel

extension AccessRequest {
    /// The authorizer request an audit event records: its `objectRef` (or non-resource path) and
    /// verb, unchanged — audit events carry the `RequestInfo` the authorizer saw.
    public init(_ observed: ObservedRequest) {
        if observed.isResourceRequest {
            self.init(verb: observed.verb, apiGroup: observed.apiGroup, resource: observed.resource,
                      subresource: observed.subresource, name: observed.name, namespace: observed.namespace)
        } else {
            self = .nonResource(verb: observed.verb, path: observed.nonResourceURL)
        }
    }

    /// Subresources of pods reached through a streaming connection upgrade.
    static let podConnectSubresources: Set<String> = ["exec", "attach", "portforward"]

    /// Every RBAC request the event needed: the recorded one, plus `create` on
    /// `pods/exec|attach|portforward` when the event is a `get` (a WebSocket upgrade; since
    /// Kubernetes 1.31 the `AuthorizePodWebsocketUpgradeCreatePermission` gate, on by default,
    /// also requires `create` on the subresource, KEP-4006).
    /// - Complexity: O(1).
    public static func required(by observed: ObservedRequest) -> [AccessRequest] {
        let base = AccessRequest(observed)
        guard base.isResourceRequest, base.verb == "get", base.apiGroup.isEmpty, base.resource == "pods",
              podConnectSubresources.contains(base.subresource) else { return [base] }
        var create = base
        create.verb = "create"
        return [base, create]
    }

    /// The `impersonate` checks the impersonation filter made for an event with `impersonatedUser`
    /// (`endpoints/filters/impersonation.go`): `serviceaccounts` (name, namespace) for a service
    /// account or `users` (name) otherwise, and `groups` (name) per impersonated group. The filter
    /// adds `system:authenticated` (users) or the service-account groups itself without a check,
    /// and the audit event only shows the final groups, so those implied groups are left out.
    /// Impersonated `extra` and `uid` are not in audit events and are not derived.
    /// - Complexity: O(groups).
    public static func impersonation(of observed: ObservedRequest) -> [AccessRequest] {
        guard observed.impersonator != nil else { return [] }
        var out: [AccessRequest] = []
        var implied: Set<String> = ["system:authenticated"]
        if let (ns, name) = Principal.splitServiceAccountUsername(observed.username) {
            out.append(AccessRequest(verb: "impersonate", resource: "serviceaccounts", name: name, namespace: ns))
            implied.formUnion(["system:serviceaccounts", "system:serviceaccounts:\(ns)"])
        } else {
            out.append(AccessRequest(verb: "impersonate", resource: "users", name: observed.username))
            if observed.username == "system:anonymous" { implied.insert("system:unauthenticated") }
        }
        for g in observed.groups where !implied.contains(g) {
            out.append(AccessRequest(verb: "impersonate", resource: "groups", name: g))
        }
        return out
    }

    /// A total order for deterministic output: non-resource last; then namespace, group,
    /// resource, subresource, name, verb.
    public static func sortKey(_ r: AccessRequest) -> [String] {
        [r.isResourceRequest ? "0" : "1", r.namespace, r.apiGroup, r.resource, r.subresource, r.name,
         r.nonResourceURL, r.verb]
    }

    /// Orders by ``sortKey(_:)``.
    public static func ordered(_ a: AccessRequest, _ b: AccessRequest) -> Bool {
        sortKey(a).lexicographicallyPrecedes(sortKey(b))
    }
}
