import ReachModel

/// The Azure built-in role definitions that matter for AKS identity analysis (issue 18), copied from
/// the role definitions' JSON in MicrosoftDocs/azure-docs:
/// * `articles/role-based-access-control/built-in-roles/containers.md` (ms.date 06/30/2025) — the AKS
///   RBAC Reader/Writer/Admin/Cluster Admin roles, the Cluster Admin/User roles, the AKS Contributor
///   Role, AcrPush and AcrPull (`BuiltInAzureRoles+AcrPull.swift`);
/// * `.../built-in-roles/privileged.md` (ms.date 07/01/2026) — Owner and Contributor;
/// * `.../built-in-roles/security.md` — Key Vault Secrets User/Officer and Key Vault Administrator.
/// Role IDs are the GUIDs of those documents; a definition with the same GUID in
/// `role-definitions.json` replaces the shipped one (the tenant's copy is authoritative).
public enum BuiltInAzureRoles {
    /// Azure Kubernetes Service RBAC Reader (`7f6c6a51-bcf8-42ba-9220-52d62157d7db`).
    public static let aksRBACReader = AzureRoleDefinition(
        guid: "7f6c6a51-bcf8-42ba-9220-52d62157d7db", roleName: "Azure Kubernetes Service RBAC Reader", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "Microsoft.Authorization/*/read",
                "Microsoft.Resources/subscriptions/operationresults/read",
                "Microsoft.Resources/subscriptions/read",
                "Microsoft.Resources/subscriptions/resourceGroups/read",
            ],
            notActions: [],
            dataActions: [
                "Microsoft.ContainerService/managedClusters/apps/controllerrevisions/read",
                "Microsoft.ContainerService/managedClusters/apps/daemonsets/read",
                "Microsoft.ContainerService/managedClusters/apps/deployments/read",
                "Microsoft.ContainerService/managedClusters/apps/replicasets/read",
                "Microsoft.ContainerService/managedClusters/apps/statefulsets/read",
                "Microsoft.ContainerService/managedClusters/autoscaling/horizontalpodautoscalers/read",
                "Microsoft.ContainerService/managedClusters/batch/cronjobs/read",
                "Microsoft.ContainerService/managedClusters/batch/jobs/read",
                "Microsoft.ContainerService/managedClusters/configmaps/read",
                "Microsoft.ContainerService/managedClusters/discovery.k8s.io/endpointslices/read",
                "Microsoft.ContainerService/managedClusters/endpoints/read",
                "Microsoft.ContainerService/managedClusters/events.k8s.io/events/read",
                "Microsoft.ContainerService/managedClusters/events/read",
                "Microsoft.ContainerService/managedClusters/extensions/daemonsets/read",
                "Microsoft.ContainerService/managedClusters/extensions/deployments/read",
                "Microsoft.ContainerService/managedClusters/extensions/ingresses/read",
                "Microsoft.ContainerService/managedClusters/extensions/networkpolicies/read",
                "Microsoft.ContainerService/managedClusters/extensions/replicasets/read",
                "Microsoft.ContainerService/managedClusters/limitranges/read",
                "Microsoft.ContainerService/managedClusters/metrics.k8s.io/pods/read",
                "Microsoft.ContainerService/managedClusters/metrics.k8s.io/nodes/read",
                "Microsoft.ContainerService/managedClusters/namespaces/read",
                "Microsoft.ContainerService/managedClusters/networking.k8s.io/ingresses/read",
                "Microsoft.ContainerService/managedClusters/networking.k8s.io/networkpolicies/read",
                "Microsoft.ContainerService/managedClusters/persistentvolumeclaims/read",
                "Microsoft.ContainerService/managedClusters/pods/read",
                "Microsoft.ContainerService/managedClusters/policy/poddisruptionbudgets/read",
                "Microsoft.ContainerService/managedClusters/replicationcontrollers/read",
                "Microsoft.ContainerService/managedClusters/resourcequotas/read",
                "Microsoft.ContainerService/managedClusters/serviceaccounts/read",
                "Microsoft.ContainerService/managedClusters/services/read",
            ],
            notDataActions: [])])

    /// Azure Kubernetes Service RBAC Writer (`a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb`).
    public static let aksRBACWriter = AzureRoleDefinition(
        guid: "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb", roleName: "Azure Kubernetes Service RBAC Writer", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "Microsoft.Authorization/*/read",
                "Microsoft.Resources/subscriptions/operationresults/read",
                "Microsoft.Resources/subscriptions/read",
                "Microsoft.Resources/subscriptions/resourceGroups/read",
            ],
            notActions: [],
            dataActions: [
                "Microsoft.ContainerService/managedClusters/apps/controllerrevisions/read",
                "Microsoft.ContainerService/managedClusters/apps/daemonsets/*",
                "Microsoft.ContainerService/managedClusters/apps/deployments/*",
                "Microsoft.ContainerService/managedClusters/apps/replicasets/*",
                "Microsoft.ContainerService/managedClusters/apps/statefulsets/*",
                "Microsoft.ContainerService/managedClusters/autoscaling/horizontalpodautoscalers/*",
                "Microsoft.ContainerService/managedClusters/batch/cronjobs/*",
                "Microsoft.ContainerService/managedClusters/coordination.k8s.io/leases/read",
                "Microsoft.ContainerService/managedClusters/coordination.k8s.io/leases/write",
                "Microsoft.ContainerService/managedClusters/coordination.k8s.io/leases/delete",
                "Microsoft.ContainerService/managedClusters/discovery.k8s.io/endpointslices/read",
                "Microsoft.ContainerService/managedClusters/batch/jobs/*",
                "Microsoft.ContainerService/managedClusters/configmaps/*",
                "Microsoft.ContainerService/managedClusters/endpoints/*",
                "Microsoft.ContainerService/managedClusters/events.k8s.io/events/read",
                "Microsoft.ContainerService/managedClusters/events/*",
                "Microsoft.ContainerService/managedClusters/extensions/daemonsets/*",
                "Microsoft.ContainerService/managedClusters/extensions/deployments/*",
                "Microsoft.ContainerService/managedClusters/extensions/ingresses/*",
                "Microsoft.ContainerService/managedClusters/extensions/networkpolicies/*",
                "Microsoft.ContainerService/managedClusters/extensions/replicasets/*",
                "Microsoft.ContainerService/managedClusters/limitranges/read",
                "Microsoft.ContainerService/managedClusters/metrics.k8s.io/pods/read",
                "Microsoft.ContainerService/managedClusters/metrics.k8s.io/nodes/read",
                "Microsoft.ContainerService/managedClusters/namespaces/read",
                "Microsoft.ContainerService/managedClusters/networking.k8s.io/ingresses/*",
                "Microsoft.ContainerService/managedClusters/networking.k8s.io/networkpolicies/*",
                "Microsoft.ContainerService/managedClusters/persistentvolumeclaims/*",
                "Microsoft.ContainerService/managedClusters/pods/*",
                "Microsoft.ContainerService/managedClusters/policy/poddisruptionbudgets/*",
                "Microsoft.ContainerService/managedClusters/replicationcontrollers/*",
                "Microsoft.ContainerService/managedClusters/resourcequotas/read",
                "Microsoft.ContainerService/managedClusters/secrets/*",
                "Microsoft.ContainerService/managedClusters/serviceaccounts/*",
                "Microsoft.ContainerService/managedClusters/services/*",
            ],
            notDataActions: [])])

    /// Azure Kubernetes Service RBAC Admin (`3498e952-d568-435e-9b2c-8d77e338d7f7`).
    public static let aksRBACAdmin = AzureRoleDefinition(
        guid: "3498e952-d568-435e-9b2c-8d77e338d7f7", roleName: "Azure Kubernetes Service RBAC Admin", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "Microsoft.Authorization/*/read",
                "Microsoft.Resources/subscriptions/operationresults/read",
                "Microsoft.Resources/subscriptions/read",
                "Microsoft.Resources/subscriptions/resourceGroups/read",
                "Microsoft.ContainerService/managedClusters/listClusterUserCredential/action",
            ],
            notActions: [],
            dataActions: [
                "Microsoft.ContainerService/managedClusters/*",
            ],
            notDataActions: [
                "Microsoft.ContainerService/managedClusters/resourcequotas/write",
                "Microsoft.ContainerService/managedClusters/resourcequotas/delete",
                "Microsoft.ContainerService/managedClusters/namespaces/write",
                "Microsoft.ContainerService/managedClusters/namespaces/delete",
            ])])

    /// Azure Kubernetes Service RBAC Cluster Admin (`b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b`).
    public static let aksRBACClusterAdmin = AzureRoleDefinition(
        guid: "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b", roleName: "Azure Kubernetes Service RBAC Cluster Admin", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "Microsoft.Authorization/*/read",
                "Microsoft.Resources/subscriptions/operationresults/read",
                "Microsoft.Resources/subscriptions/read",
                "Microsoft.Resources/subscriptions/resourceGroups/read",
                "Microsoft.ContainerService/managedClusters/listClusterUserCredential/action",
            ],
            notActions: [],
            dataActions: [
                "Microsoft.ContainerService/managedClusters/*",
            ],
            notDataActions: [])])

    /// Azure Kubernetes Service Cluster Admin Role (`0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8`).
    public static let aksClusterAdminRole = AzureRoleDefinition(
        guid: "0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8", roleName: "Azure Kubernetes Service Cluster Admin Role", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action",
                "Microsoft.ContainerService/managedClusters/accessProfiles/listCredential/action",
                "Microsoft.ContainerService/managedClusters/read",
                "Microsoft.ContainerService/managedClusters/runcommand/action",
            ],
            notActions: [],
            dataActions: [],
            notDataActions: [])])

    /// Azure Kubernetes Service Cluster User Role (`4abbcc35-e782-43d8-92c5-2d3f1bd2253f`).
    public static let aksClusterUserRole = AzureRoleDefinition(
        guid: "4abbcc35-e782-43d8-92c5-2d3f1bd2253f", roleName: "Azure Kubernetes Service Cluster User Role", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "Microsoft.ContainerService/managedClusters/listClusterUserCredential/action",
                "Microsoft.ContainerService/managedClusters/read",
            ],
            notActions: [],
            dataActions: [],
            notDataActions: [])])

    /// Azure Kubernetes Service Contributor Role (`ed7f3fbd-7b88-4dd4-9017-9adb7ce333f8`).
    public static let aksContributorRole = AzureRoleDefinition(
        guid: "ed7f3fbd-7b88-4dd4-9017-9adb7ce333f8", roleName: "Azure Kubernetes Service Contributor Role", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "Microsoft.Authorization/*/read",
                "Microsoft.ContainerService/locations/*",
                "Microsoft.ContainerService/managedClusters/*",
                "Microsoft.ContainerService/managedclustersnapshots/*",
                "Microsoft.ContainerService/snapshots/*",
                "Microsoft.Insights/alertRules/*",
                "Microsoft.Resources/deployments/*",
                "Microsoft.Resources/subscriptions/resourceGroups/read",
            ],
            notActions: [],
            dataActions: [],
            notDataActions: [])])

    /// Owner (`8e3af657-a8ff-443c-a75c-2fe8c4bcb635`).
    public static let owner = AzureRoleDefinition(
        guid: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", roleName: "Owner", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "*",
            ],
            notActions: [],
            dataActions: [],
            notDataActions: [])])

    /// Contributor (`b24988ac-6180-42a0-ab88-20f7382dd24c`).
    public static let contributor = AzureRoleDefinition(
        guid: "b24988ac-6180-42a0-ab88-20f7382dd24c", roleName: "Contributor", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "*",
            ],
            notActions: [
                "Microsoft.Authorization/*/Delete",
                "Microsoft.Authorization/*/Write",
                "Microsoft.Authorization/elevateAccess/Action",
                "Microsoft.Blueprint/blueprintAssignments/write",
                "Microsoft.Blueprint/blueprintAssignments/delete",
                "Microsoft.Compute/galleries/share/action",
                "Microsoft.Purview/consents/write",
                "Microsoft.Purview/consents/delete",
                "Microsoft.Resources/deploymentStacks/manageDenySetting/action",
                "Microsoft.Subscription/cancel/action",
                "Microsoft.Subscription/enable/action",
            ],
            dataActions: [],
            notDataActions: [])])

    /// Key Vault Secrets User (`4633458b-17de-408a-b874-0445c86b69e6`).
    public static let keyVaultSecretsUser = AzureRoleDefinition(
        guid: "4633458b-17de-408a-b874-0445c86b69e6", roleName: "Key Vault Secrets User", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [],
            notActions: [],
            dataActions: [
                "Microsoft.KeyVault/vaults/secrets/getSecret/action",
                "Microsoft.KeyVault/vaults/secrets/readMetadata/action",
            ],
            notDataActions: [])])

    /// Key Vault Secrets Officer (`b86a8fe4-44ce-4948-aee5-eccb2c155cd7`).
    public static let keyVaultSecretsOfficer = AzureRoleDefinition(
        guid: "b86a8fe4-44ce-4948-aee5-eccb2c155cd7", roleName: "Key Vault Secrets Officer", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "Microsoft.Authorization/*/read",
                "Microsoft.Insights/alertRules/*",
                "Microsoft.Resources/deployments/*",
                "Microsoft.Resources/subscriptions/resourceGroups/read",
                "Microsoft.Support/*",
                "Microsoft.KeyVault/checkNameAvailability/read",
                "Microsoft.KeyVault/deletedVaults/read",
                "Microsoft.KeyVault/locations/*/read",
                "Microsoft.KeyVault/vaults/*/read",
                "Microsoft.KeyVault/operations/read",
            ],
            notActions: [],
            dataActions: [
                "Microsoft.KeyVault/vaults/secrets/*",
            ],
            notDataActions: [])])

    /// Key Vault Administrator (`00482a5a-887f-4fb3-b363-3b7fe8e74483`).
    public static let keyVaultAdministrator = AzureRoleDefinition(
        guid: "00482a5a-887f-4fb3-b363-3b7fe8e74483", roleName: "Key Vault Administrator", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "Microsoft.Authorization/*/read",
                "Microsoft.Insights/alertRules/*",
                "Microsoft.Resources/deployments/*",
                "Microsoft.Resources/subscriptions/resourceGroups/read",
                "Microsoft.Support/*",
                "Microsoft.KeyVault/checkNameAvailability/read",
                "Microsoft.KeyVault/deletedVaults/read",
                "Microsoft.KeyVault/locations/*/read",
                "Microsoft.KeyVault/vaults/*/read",
                "Microsoft.KeyVault/operations/read",
            ],
            notActions: [],
            dataActions: [
                "Microsoft.KeyVault/vaults/*",
            ],
            notDataActions: [])])

    /// AcrPush (`8311e382-0749-4cb8-b61a-304f252e45ec`).
    public static let acrPush = AzureRoleDefinition(
        guid: "8311e382-0749-4cb8-b61a-304f252e45ec", roleName: "AcrPush", roleType: "BuiltInRole",
        permissions: [AzurePermission(
            actions: [
                "Microsoft.ContainerRegistry/registries/pull/read",
                "Microsoft.ContainerRegistry/registries/push/write",
            ],
            notActions: [],
            dataActions: [],
            notDataActions: [])])

    /// Every shipped definition, by GUID order.
    public static let all: [AzureRoleDefinition] = [
        aksRBACReader, aksRBACWriter, aksRBACAdmin, aksRBACClusterAdmin, aksClusterAdminRole, aksClusterUserRole, aksContributorRole, owner, contributor, keyVaultSecretsUser, keyVaultSecretsOfficer, keyVaultAdministrator, acrPush, acrPull,
    ].sorted { $0.guid < $1.guid }
}
