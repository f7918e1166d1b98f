/// AZ7 — push images to a container registry (image supply chain into the cluster).
///
/// Condition: the principal (directly or through a group) may
/// `Microsoft.ContainerRegistry/registries/push/write` on a registry named in an assignment scope
/// (`…/providers/Microsoft.ContainerRegistry/registries/<name>`). AcrPull
/// (`…/registries/pull/read` only) does not satisfy it.
/// Target: `acr <registry>`.
///
/// Follows MicrosoftDocs `articles/role-based-access-control/built-in-roles/containers.md` (AcrPush:
/// `registries/pull/read` and `registries/push/write`; AcrPull: `registries/pull/read`) and
/// `articles/container-registry/container-registry-roles.md` (push needs AcrPush, Contributor or Owner).
public enum AZ7: AzureTechnique {
    public static let technique = AzureRoute.Technique.registryPush
    public static let title = "push images to a container registry"
    public static let condition = """
        `Microsoft.ContainerRegistry/registries/push/write` (AcrPush, Contributor, Owner; not AcrPull) \
        on a registry named in an assignment scope
        """
    public static let targets = "`acr <registry>`"
    public static let source = "`built-in-roles/containers.md`, `articles/container-registry/container-registry-roles.md`"

    static let action = "Microsoft.ContainerRegistry/registries/push/write"

    /// AZ7 edges from the Entra object `oid`, one per registry scope it may push to.
    /// - Complexity: O(registry scopes × assignments of the principal and its groups).
    static func routes(_ a: AzureAuthorizer, from oid: String) -> [AzureRoute] {
        let from = a.directory.principal(for: oid).description
        return a.registryScopes.compactMap { scope in
            let g = a.grants(oid, action: action, resource: scope, data: false)
            let name = String(scope.split(separator: "/").last ?? "")
            return g.isEmpty ? nil : AzureRoute(technique, from: from, to: "acr \(name)", evidence: g.map(\.description))
        }
    }
}
