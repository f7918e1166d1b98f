/// AZ4 — sign in with Entra ID (the principal's Kubernetes identity).
///
/// Condition: the cluster has an `aadProfile`.
/// Target: `User:<upn or oid>` with the object IDs of its groups, or `Group:<oid>` for a group.
///
/// Follows MicrosoftDocs `articles/aks/concepts-identity.md` ("Microsoft Entra integration": the
/// token's user and group object IDs are the Kubernetes user and groups); how the name is chosen is
/// `AzureAuthorizer.kubernetesIdentity(_:)` (docs/azure.md "Kubernetes identity of an Entra principal").
public enum AZ4: AzureTechnique {
    public static let technique = AzureRoute.Technique.entraIdentity
    public static let title = "sign in with Entra ID (Kubernetes identity)"
    public static let condition = "the cluster has an `aadProfile`"
    public static let targets = "the Kubernetes identity: `User:<upn or oid>` with the object IDs of its groups, or `Group:<oid>`"
    public static let source = "`articles/aks/concepts-identity.md`"

    /// The AZ4 edge leaving the Entra object `oid`, if any.
    /// - Complexity: O(groups of `oid`).
    static func routes(_ a: AzureAuthorizer, from oid: String) -> [AzureRoute] {
        guard a.entraIntegrated else { return [] }
        let identity = a.kubernetesIdentity(oid)
        let to = identity.user.map { "User:\($0)" } ?? "Group:\(oid)"
        return [AzureRoute(technique, from: a.directory.principal(for: oid).description, to: to,
                           evidence: ["Entra ID authentication; groups: \(identity.groups.joined(separator: ", "))"])]
    }
}
