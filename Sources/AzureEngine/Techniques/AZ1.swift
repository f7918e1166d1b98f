/// AZ1 — list the cluster admin credential (local accounts enabled).
///
/// Condition: the principal (directly or through a group) may
/// `Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action` on the cluster
/// **and** `disableLocalAccounts` is not true.
/// Target: `Group:system:masters`.
///
/// Follows MicrosoftDocs `articles/aks/control-kubeconfig-access.md` (the Cluster Admin Role, and
/// every role with that action, downloads the admin kubeconfig) and
/// `articles/aks/manage-local-accounts-managed-azure-ad.md` (the local admin account stays usable
/// unless local accounts are disabled).
public enum AZ1: AzureTechnique {
    public static let technique = AzureRoute.Technique.adminCredential
    public static let title = "list the cluster admin credential (local accounts enabled)"
    public static let condition = """
        the principal may `Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action` \
        on the cluster (Cluster Admin Role, Contributor, Owner, AKS Contributor Role, custom roles) \
        **and** `disableLocalAccounts` is not true
        """
    public static let targets = "`Group:system:masters` (the admin credential is a certificate in `system:masters`)"
    public static let source = "`articles/aks/control-kubeconfig-access.md`, `manage-local-accounts-managed-azure-ad.md`"

    static let action = "Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action"

    /// The AZ1 edge leaving the Entra object `oid`, if any.
    /// - Complexity: O(assignments of the principal and its groups × permission entries).
    static func routes(_ a: AzureAuthorizer, from oid: String) -> [AzureRoute] {
        guard let cluster = a.clusterID else { return [] }
        let admin = a.grants(oid, action: action, resource: cluster, data: false)
        guard !admin.isEmpty, a.localAccountsEnabled else { return [] }
        return [AzureRoute(technique, from: a.directory.principal(for: oid).description, to: AzureRoute.clusterAdmin,
                           evidence: admin.map(\.description) + ["disableLocalAccounts is not true"])]
    }
}
