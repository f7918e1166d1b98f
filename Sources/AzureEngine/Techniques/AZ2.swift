/// AZ2 — list the cluster user credential on a cluster without Entra integration.
///
/// Condition: the principal may
/// `Microsoft.ContainerService/managedClusters/listClusterUserCredential/action` on the cluster
/// **and** the cluster has no `aadProfile`.
/// Target: `Group:system:masters`.
///
/// Follows MicrosoftDocs `articles/aks/control-kubeconfig-access.md`: without Microsoft Entra
/// integration the user credential is the same local admin credential.
public enum AZ2: AzureTechnique {
    public static let technique = AzureRoute.Technique.userCredentialWithoutEntra
    public static let title = "list the cluster user credential (no Entra integration)"
    public static let condition = """
        the principal may `Microsoft.ContainerService/managedClusters/listClusterUserCredential/action` \
        on the cluster **and** the cluster has no `aadProfile` (without Entra ID the user credential is \
        a local admin credential)
        """
    public static let targets = "`Group:system:masters`"
    public static let source = "`articles/aks/control-kubeconfig-access.md`"

    static let action = "Microsoft.ContainerService/managedClusters/listClusterUserCredential/action"

    /// The AZ2 edge leaving the Entra object `oid`, if any.
    /// - Complexity: O(assignments of the principal and its groups × permission entries).
    static func routes(_ a: AzureAuthorizer, from oid: String) -> [AzureRoute] {
        guard let cluster = a.clusterID else { return [] }
        let user = a.grants(oid, action: action, resource: cluster, data: false)
        guard !user.isEmpty, !a.entraIntegrated else { return [] }
        return [AzureRoute(technique, from: a.directory.principal(for: oid).description, to: AzureRoute.clusterAdmin,
                           evidence: user.map(\.description) + ["no aadProfile: the user credential is a local admin credential"])]
    }
}
