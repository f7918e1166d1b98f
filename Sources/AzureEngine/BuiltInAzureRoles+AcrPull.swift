import ReachModel

extension BuiltInAzureRoles {
    /// AcrPull (`7f951dda-4ed3-4680-a7ca-43fe172d538d`), from MicrosoftDocs
    /// `articles/role-based-access-control/built-in-roles/containers.md` ("Pull artifacts from a
    /// container registry"; the definition JSON lists the one action below, no data actions).
    /// `az aks update --attach-acr` assigns it to the kubelet identity. It does not allow
    /// `registries/push/write`, so it gives no AZ7 edge, and AKS-AZ-004 treats it as expected.
    public static let acrPull = AzureRoleDefinition(
        guid: "7f951dda-4ed3-4680-a7ca-43fe172d538d", roleName: "AcrPull", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "Microsoft.ContainerRegistry/registries/pull/read",
            ],
            notActions: [],
            dataActions: [],
            notDataActions: [])])
}
