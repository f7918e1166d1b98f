import ReachModel

/// AZ6 — read a Key Vault secret.
///
/// Condition: RBAC-model vault (`enableRbacAuthorization: true`): the principal (directly or
/// through a group) may the data action `Microsoft.KeyVault/vaults/secrets/getSecret/action` at
/// `<vault id>/secrets/<name>` or above; access-policy vault: an access policy for the object or one
/// of its groups lists secret permission `get`.
/// Target: `keyvault <vault>/*` (every secret of the vault) or `keyvault <vault>/<secret>` (an
/// assignment scoped to one secret).
///
/// Follows MicrosoftDocs `articles/key-vault/general/rbac-guide.md` (RBAC model; Key Vault Secrets
/// User/Officer, Key Vault Administrator in `built-in-roles/security.md`) and
/// `articles/key-vault/general/rbac-access-policy.md` (Azure RBAC versus the legacy access-policy
/// model; a vault uses one model, `enableRbacAuthorization`, so an RBAC-model vault ignores its
/// access policies).
public enum AZ6: AzureTechnique {
    public static let technique = AzureRoute.Technique.keyVaultSecret
    public static let title = "read a Key Vault secret"
    public static let condition = """
        RBAC-model vault: `Microsoft.KeyVault/vaults/secrets/getSecret/action` at `<vault id>/secrets/<name>` \
        or above; access-policy vault: a policy for the object or one of its groups with secret permission `get`
        """
    public static let targets = "`keyvault <vault>/*` (all secrets) or `keyvault <vault>/<secret>` (secret-scoped assignment)"
    public static let source = "`articles/key-vault/general/rbac-guide.md`, `rbac-access-policy.md`, `built-in-roles/security.md`"

    static let action = "Microsoft.KeyVault/vaults/secrets/getSecret/action"

    /// AZ6 for every key vault, in `keyvaults.json` order.
    /// - Complexity: O(vaults × (assignments of the principal and its groups + secret-scoped assignments)).
    static func routes(_ a: AzureAuthorizer, from oid: String) -> [AzureRoute] {
        let from = a.directory.principal(for: oid).description
        var out: [AzureRoute] = []
        for vault in a.environment.keyVaults {
            for (secret, grants) in secretGrants(a, oid, vault: vault) {
                out.append(AzureRoute(technique, from: from, to: "keyvault \(vault.name)/\(secret)", evidence: grants.map(\.description)))
            }
        }
        return out
    }

    /// Secret (`*` = all of the vault) → grants by which `oid` may get it
    /// (``AzureAuthorizer/secretGrants(_:vault:)``).
    /// - Complexity: O(access policies) or O(secret-scoped assignments × assignments of the principal).
    static func secretGrants(_ a: AzureAuthorizer, _ oid: String, vault: AzureKeyVault) -> [(secret: String, grants: [AzureGrant])] {
        if !vault.enableRbacAuthorization {
            let ids = [oid] + (a.directory.groupsOf[oid] ?? [])
            let g = vault.accessPolicies.filter { ids.contains($0.objectId) && $0.secretPermissions.contains("get") }
                .map { AzureGrant(.accessPolicy(vault: vault.name, objectId: $0.objectId), viaGroup: $0.objectId == oid ? nil : $0.objectId) }
            return g.isEmpty ? [] : [("*", g.sorted())]
        }
        var out: [(String, [AzureGrant])] = []
        let all = a.grants(oid, action: action, resource: "\(vault.id)/secrets/*", data: true)
            .filter { g in g.assignment.map { !AzureAuthorizer.normalizedScope($0.scope).contains("/secrets/") } ?? true }
        if !all.isEmpty { out.append(("*", all)) }
        // Assignments scoped to one secret.
        let prefix = AzureAuthorizer.normalizedScope(vault.id) + "/secrets/"
        let named = Set(a.secretScopes.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) })
        for name in named.sorted() where all.isEmpty {
            let g = a.grants(oid, action: action, resource: "\(vault.id)/secrets/\(name)", data: true)
            if !g.isEmpty { out.append((name, g)) }
        }
        return out
    }
}
