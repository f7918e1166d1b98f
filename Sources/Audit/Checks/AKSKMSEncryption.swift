import ReachModel

/// AKS-SEC-002: etcd secrets are encrypted with a Key Vault KMS key.
struct AKSKMSEncryption: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-SEC-002", severity: .medium, input: .aksCluster,
        title: "etcd is not encrypted with a customer key (KMS)",
        rationale: "KMS envelope encryption protects Secrets in etcd with a key you control and can revoke, beyond the platform's default encryption at rest.",
        remediation: "`az aks update --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <key-id>`.",
        recommendation: "KMS etcd encryption (securityProfile.azureKeyVaultKms)")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        if c.bool("securityProfile.azureKeyVaultKms.enabled") == true { return nil }
        return ("securityProfile.azureKeyVaultKms.enabled is not true", "securityProfile.azureKeyVaultKms.enabled")
    }
}
