/// Every audit check. Adding a check = one file under `Checks/`, one line here, and
/// `Fixtures/audit/<ID>/{positive,negative}` (the AuditTests check both exist).
///
/// Least-privilege (RBAC) checks plug in the same way: a new ``CheckInput`` case for what they read
/// (e.g. the RBAC index built from ``AuditContext/snapshot``), a list like ``aks`` below, and
/// `docs/checks.md` regenerated.
public enum CheckRegistry {
    /// All checks, in no particular order (the engine sorts by ID).
    public static let all: [any AuditCheck] = aks + manifests

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
        NamespaceNetworkPolicy(), NamespaceDefaultDeny(), PodSecurityAdmission(), NamespaceResourceQuota(),
        NamespaceLimitRange(), DefaultNamespaceWorkloads(),
        PrivilegedContainer(), HostNamespaces(), HostPathVolumes(), HostPorts(), RunAsNonRoot(),
        AllowPrivilegeEscalation(), AddedCapabilities(), DropAllCapabilities(), ReadOnlyRootFilesystem(),
        SeccompProfile(), SecretsInEnvironment(), TrustedRegistries(), MutableImageTag(), ResourceRequestsLimits(),
    ]

    /// The check with `id`.
    public static func check(_ id: String) -> (any AuditCheck)? { all.first { $0.info.id == id } }
}
