/// Every audit check. Adding a check = one file under `Checks/`, one line here, and
/// `Fixtures/audit/<ID>/{positive,negative}` (the AuditTests check both exist).
///
/// Least-privilege (RBAC) checks read ``CheckInput/rbac`` and run only with `--least-privilege`.
public enum CheckRegistry {
    /// All checks, in no particular order (the engine sorts by ID).
    public static let all: [any AuditCheck] = aks + manifests + rbac + footholds

    /// Foothold checks (footholds.md), run with `--footholds`.
    static let footholds: [any AuditCheck] = [FootholdPodEscape(), FootholdEscapingCreators(), FootholdInternetSecrets()]

    /// Checks of the Azure identity layer (`--azure DIR`): run only when it is given (the default
    /// run, and so every answer without `--azure`, is unchanged); listed with the others.
    public static let azure: [any AuditCheck] = [
        AzureLocalAccountBackdoor(), AzureBroadAssignments(), AzureWorkloadSecretAccess(), AzureKubeletRoles(),
    ]

    /// Checks on the AKS cluster document.
    static let aks: [any AuditCheck] = [
        AKSNetworkPolicyEngine(), AKSHTTPApplicationRouting(), AKSNetworkSecurityGroups(), AKSNodePublicIP(), AKSDashboardAddon(),
        AKSAPIServerAccess(), AKSAuthorizedRangesOpen(),
        AKSKubernetesRBAC(), AKSEntraID(), AKSLocalAccounts(), AKSAzureRBAC(), AKSManagedIdentity(),
        AKSWorkloadIdentity(), AKSPodIdentity(),
        AKSKeyVaultSecretsProvider(), AKSKMSEncryption(), AKSEncryptionAtHost(),
        AKSContainerInsights(), AKSDefender(), AKSAzurePolicy(),
        AKSAutoUpgrade(), AKSNodeOSUpgrade(),
        AKSAuditLogs(), AKSBackup(),
    ]

    /// Checks on manifests.
    static let manifests: [any AuditCheck] = [
        NamespaceNetworkPolicy(), NamespaceDefaultDeny(), PoliciesWithoutEngine(), PodSecurityAdmission(), NamespaceResourceQuota(),
        NamespaceLimitRange(), DefaultNamespaceWorkloads(),
        PrivilegedContainer(), HostNamespaces(), HostPathVolumes(), HostPorts(), RunAsNonRoot(),
        AllowPrivilegeEscalation(), AddedCapabilities(), DropAllCapabilities(), ReadOnlyRootFilesystem(),
        SeccompProfile(), SecretsInEnvironment(), TrustedRegistries(), MutableImageTag(), ResourceRequestsLimits(),
    ]

    /// Least-privilege checks that flag single risky permissions (K8S-RBAC-015 reuses them).
    static let rbacRisks: [any RBACRiskCheck] = [
        RBACSecretsRead(), RBACPodsExec(), RBACCreatePods(), RBACImpersonate(), RBACBind(), RBACEscalate(),
        RBACNodesProxy(), RBACCSRApprove(), RBACWebhookWrite(), RBACTokenCreate(),
    ]

    /// Least-privilege checks: risky permissions, hygiene, transitive escalation.
    static let rbac: [any AuditCheck] = [RBACWildcard()] + rbacRisks.map { $0 as any AuditCheck } + [
        RBACClusterAdmin(), RBACBroadGroups(), RBACDefaultServiceAccount(), RBACAutomountRisky(),
        RBACMissingRole(), RBACMissingServiceAccount(), RBACUnusedRole(), RBACDuplicateGrant(),
        RBACTransitiveAdmin(), RBACTransitiveSecrets(), RBACTransitiveNamespaceSecrets(),
    ]

    /// The check with `id`.
    public static func check(_ id: String) -> (any AuditCheck)? { all.first { $0.info.id == id } }
}
