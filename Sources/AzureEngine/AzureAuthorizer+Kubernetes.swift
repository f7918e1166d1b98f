import RBACEngine
import ReachModel

extension AzureAuthorizer {
    /// The ARM resource guard checks for `request`: the cluster, or `<cluster>/namespaces/<ns>` for
    /// a namespaced request (guard `getScope`). `nil` without a cluster ID.
    public func resource(for request: AccessRequest) -> String? {
        guard let cluster = clusterID else { return nil }
        if request.isResourceRequest, !request.namespace.isEmpty { return "\(cluster)/namespaces/\(request.namespace)" }
        return cluster
    }

    /// The role assignments by which Entra object `oid` is allowed the Kubernetes `request` by Azure
    /// RBAC for Kubernetes Authorization; empty unless `aadProfile.enableAzureRbac` is true.
    /// - Complexity: see ``grants(_:action:resource:data:)``.
    public func kubernetesGrants(_ oid: String, _ request: AccessRequest) -> [AzureGrant] {
        guard azureRBACEnabled, let resource = resource(for: request), let action = AzureAction.dataAction(for: request) else { return [] }
        return grants(oid, action: action, resource: resource, data: true)
    }

    /// Every known Entra object allowed `request` by Azure RBAC for Kubernetes, with its grants.
    public func whoCan(_ request: AccessRequest) -> [AzureHolder] {
        guard azureRBACEnabled, let resource = resource(for: request), let action = AzureAction.dataAction(for: request) else { return [] }
        return holders(action: action, resource: resource, data: true)
    }

    /// The Kubernetes identity the API server sees for `oid` with Entra ID authentication: users by
    /// UPN when known (else object ID), service principals and managed identities by object ID;
    /// groups = the object IDs of every group containing it (Entra puts transitive memberships in
    /// the token's `groups` claim) plus `system:authenticated`. A group `oid` gives a group-only
    /// identity: the group, the groups containing it, `system:authenticated`.
    public func kubernetesIdentity(_ oid: String) -> Identity {
        let groups = (directory.groupsOf[oid] ?? []) + ["system:authenticated"]
        if directory.principal(for: oid).kind == .group { return Identity(user: nil, groups: [oid] + groups) }
        let user = directory.principal(for: oid).kind == .user ? (directory.userPrincipalName(for: oid) ?? oid) : oid
        return Identity(user: user, groups: groups)
    }

    /// The Entra object behind a Kubernetes identity, when it is one kube-reach knows: a user name
    /// equal to a UPN or object ID.
    public func objectID(forKubernetesUser user: String) -> String? {
        let u = user.lowercased()
        if directory.objects[u] != nil || directory.identitiesByPrincipal[u] != nil || byPrincipal[u] != nil { return u }
        return directory.objectID(forUPN: user)
    }
}
