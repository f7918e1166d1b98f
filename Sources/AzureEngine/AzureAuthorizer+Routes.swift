import ReachModel

extension AzureAuthorizer {
    static let adminCredentialAction = "Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action"
    static let userCredentialAction = "Microsoft.ContainerService/managedClusters/listClusterUserCredential/action"
    static let getSecretAction = "Microsoft.KeyVault/vaults/secrets/getSecret/action"
    static let acrPushAction = "Microsoft.ContainerRegistry/registries/push/write"

    /// The edges leaving the Entra object `oid` (AZ1–AZ4, AZ6, AZ7), sorted.
    /// - Complexity: O(assignments of the principal and its groups × key vaults).
    public func routes(from oid: String) -> [AzureRoute] {
        let from = directory.principal(for: oid).description
        var out: [AzureRoute] = []
        if let cluster = clusterID {
            let admin = grants(oid, action: Self.adminCredentialAction, resource: cluster, data: false)
            if !admin.isEmpty, localAccountsEnabled {
                out.append(AzureRoute(.adminCredential, from: from, to: AzureRoute.clusterAdmin,
                                      evidence: admin.map(\.description) + ["disableLocalAccounts is not true"]))
            }
            let user = grants(oid, action: Self.userCredentialAction, resource: cluster, data: false)
            if !user.isEmpty, !entraIntegrated {
                out.append(AzureRoute(.userCredentialWithoutEntra, from: from, to: AzureRoute.clusterAdmin,
                                      evidence: user.map(\.description) + ["no aadProfile: the user credential is a local admin credential"]))
            }
        }
        if entraIntegrated {
            let mine = Set([oid] + (directory.groupsOf[oid] ?? []))
            let admins = adminGroups.filter(mine.contains)
            if !admins.isEmpty {
                out.append(AzureRoute(.adminGroup, from: from, to: AzureRoute.clusterAdmin,
                                      evidence: admins.map { AzureGrant(.adminGroup($0), viaGroup: $0 == oid ? nil : $0).description }))
            }
            let identity = kubernetesIdentity(oid)
            let to = identity.user.map { "User:\($0)" } ?? "Group:\(oid)"
            out.append(AzureRoute(.entraIdentity, from: from, to: to,
                                  evidence: ["Entra ID authentication; groups: \(identity.groups.joined(separator: ", "))"]))
        }
        out += keyVaultRoutes(from: oid)
        out += registryRoutes(from: oid)
        return out.sorted()
    }

    /// AZ6 for every key vault: `keyvault <vault>/*` (the secrets of the vault; a secret-scoped
    /// assignment `<vault id>/secrets/<name>` gives `keyvault <vault>/<name>`).
    func keyVaultRoutes(from oid: String) -> [AzureRoute] {
        let from = directory.principal(for: oid).description
        var out: [AzureRoute] = []
        for vault in environment.keyVaults {
            for (secret, grants) in secretGrants(oid, vault: vault) {
                out.append(AzureRoute(.keyVaultSecret, from: from, to: "keyvault \(vault.name)/\(secret)", evidence: grants.map(\.description)))
            }
        }
        return out
    }

    /// Secret (`*` = all of the vault) → grants by which `oid` may get it. RBAC-mode vaults use
    /// Azure RBAC data actions (Key Vault RBAC guide); access-policy vaults use the policies of
    /// the object or its groups with secret permission `get`.
    public func secretGrants(_ oid: String, vault: AzureKeyVault) -> [(secret: String, grants: [AzureGrant])] {
        if !vault.enableRbacAuthorization {
            let ids = [oid] + (directory.groupsOf[oid] ?? [])
            let g = vault.accessPolicies.filter { ids.contains($0.objectId) && $0.secretPermissions.contains("get") }
                .map { AzureGrant(.accessPolicy(vault: vault.name, objectId: $0.objectId), viaGroup: $0.objectId == oid ? nil : $0.objectId) }
            return g.isEmpty ? [] : [("*", g.sorted())]
        }
        var out: [(String, [AzureGrant])] = []
        let all = grants(oid, action: Self.getSecretAction, resource: "\(vault.id)/secrets/*", data: true)
            .filter { g in g.assignment.map { !Self.normalizedScope($0.scope).contains("/secrets/") } ?? true }
        if !all.isEmpty { out.append(("*", all)) }
        // Assignments scoped to one secret.
        let prefix = Self.normalizedScope(vault.id) + "/secrets/"
        let named = Set(secretScopes.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) })
        for name in named.sorted() where all.isEmpty {
            let g = grants(oid, action: Self.getSecretAction, resource: "\(vault.id)/secrets/\(name)", data: true)
            if !g.isEmpty { out.append((name, g)) }
        }
        return out
    }

    /// AZ7: AcrPush-like grants (`…/registries/push/write`) on registries named in assignment scopes.
    func registryRoutes(from oid: String) -> [AzureRoute] {
        let from = directory.principal(for: oid).description
        return registryScopes.compactMap { scope in
            let g = grants(oid, action: Self.acrPushAction, resource: scope, data: false)
            let name = String(scope.split(separator: "/").last ?? "")
            return g.isEmpty ? nil : AzureRoute(.registryPush, from: from, to: "acr \(name)", evidence: g.map(\.description))
        }
    }

    /// The kubelet identity (`identityProfile.kubeletidentity`): the managed identity whose
    /// principal ID is its `objectId` (by name when in `identities.json`, else `ManagedIdentity:<objectId>`).
    /// A `Node:` foothold (issue 17) reaches it: AZ8 is `Node:x → kubeletIdentity()`.
    public func kubeletIdentity() -> (ref: AzurePrincipalRef, objectID: String)? {
        guard let oid = environment.cluster?.string("identityProfile.kubeletidentity.objectId")?.lowercased() else { return nil }
        if let mi = directory.identitiesByPrincipal[oid] { return (AzurePrincipalRef(.managedIdentity, mi.name), oid) }
        return (AzurePrincipalRef(.managedIdentity, oid), oid)
    }
}
