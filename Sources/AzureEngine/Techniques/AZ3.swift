/// AZ3 — member of an AKS admin group.
///
/// Condition: the cluster has an `aadProfile` and the principal, or a group containing it
/// (transitively, from `group-members/*.json`), is listed in `aadProfile.adminGroupObjectIDs`.
/// Target: `Group:system:masters`.
///
/// Follows the AKS API reference (`ManagedClusterAADProfile.adminGroupObjectIDs`: "the list of AAD
/// group object IDs that will have admin role of the cluster") and MicrosoftDocs
/// `articles/aks/managed-azure-ad.md`: AKS binds the admin groups to `cluster-admin`, which allows
/// every request as `system:masters` does in the RBAC model (rbac.md rule 3).
public enum AZ3: AzureTechnique {
    public static let technique = AzureRoute.Technique.adminGroup
    public static let title = "member of an AKS admin group (aadProfile.adminGroupObjectIDs)"
    public static let condition = """
        the cluster has an `aadProfile` **and** the principal or a group containing it (transitively) \
        is listed in `aadProfile.adminGroupObjectIDs` (AKS binds those groups to `cluster-admin`)
        """
    public static let targets = "`Group:system:masters` (cluster-admin allows every request, as that group does in the RBAC model)"
    public static let source = "AKS API `ManagedClusterAADProfile.adminGroupObjectIDs`, `articles/aks/managed-azure-ad.md`"

    /// The AZ3 edge leaving the Entra object `oid`, if any.
    /// - Complexity: O(admin groups + groups of `oid`).
    static func routes(_ a: AzureAuthorizer, from oid: String) -> [AzureRoute] {
        guard a.entraIntegrated else { return [] }
        let mine = Set([oid] + (a.directory.groupsOf[oid] ?? []))
        let admins = a.adminGroups.filter(mine.contains)
        guard !admins.isEmpty else { return [] }
        return [AzureRoute(technique, from: a.directory.principal(for: oid).description, to: AzureRoute.clusterAdmin,
                           evidence: admins.map { AzureGrant(.adminGroup($0), viaGroup: $0 == oid ? nil : $0).description })]
    }
}
