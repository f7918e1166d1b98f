import ReachModel

extension AzureAuthorizer {
    /// The edges leaving the Entra object `oid` (AZ1–AZ4, AZ6, AZ7; one file each under
    /// `Techniques/`), sorted.
    /// - Complexity: O(assignments of the principal and its groups × key vaults).
    public func routes(from oid: String) -> [AzureRoute] {
        let out = AZ1.routes(self, from: oid) + AZ2.routes(self, from: oid) + AZ3.routes(self, from: oid)
            + AZ4.routes(self, from: oid) + AZ6.routes(self, from: oid) + AZ7.routes(self, from: oid)
        return out.sorted()
    }

    /// Secret (`*` = all of the vault) → grants by which `oid` may get it (AZ6's test, in
    /// `Techniques/AZ6.swift`). RBAC-mode vaults use Azure RBAC data actions (Key Vault RBAC guide);
    /// access-policy vaults use the policies of the object or its groups with secret permission `get`.
    /// - Complexity: O(access policies) or O(secret-scoped assignments × assignments of the principal).
    public func secretGrants(_ oid: String, vault: AzureKeyVault) -> [(secret: String, grants: [AzureGrant])] {
        AZ6.secretGrants(self, oid, vault: vault)
    }
}
