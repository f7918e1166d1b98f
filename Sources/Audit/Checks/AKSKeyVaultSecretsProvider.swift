import ReachModel

/// AKS-SEC-001: the Key Vault secrets provider add-on is on, with rotation.
struct AKSKeyVaultSecretsProvider: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-SEC-001", severity: .medium, input: .aksCluster,
        title: "Key Vault secrets provider is off or does not rotate secrets",
        rationale: "Secrets kept in Key Vault and mounted through the CSI driver stay out of etcd and manifests; without rotation, rotated secrets never reach running pods.",
        remediation: "`az aks enable-addons --addons azure-keyvault-secrets-provider` and `az aks addon update --enable-secret-rotation`.",
        recommendation: "Key Vault secrets provider with rotation")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        let base = "addonProfiles.azureKeyvaultSecretsProvider"
        guard c.addonEnabled("azureKeyvaultSecretsProvider") else {
            return ("the azureKeyvaultSecretsProvider add-on is not enabled", base)
        }
        if c.bool("\(base).config.enableSecretRotation") == true { return nil }
        return ("the azureKeyvaultSecretsProvider add-on does not rotate secrets (config.enableSecretRotation is not \"true\")", "\(base).config")
    }
}
