import ReachModel

/// AKS-IAM-002: managed Entra ID (AAD) integration.
struct AKSEntraID: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-IAM-002", severity: .high, input: .aksCluster,
        title: "Entra ID (AAD) integration is not managed",
        rationale: "Without managed Entra ID integration users authenticate with cluster certificates that cannot be revoked individually and bypass conditional access and MFA.",
        remediation: "`az aks update --enable-aad --aad-admin-group-object-ids <group>`.",
        recommendation: "Entra ID managed (aadProfile.managed)")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        if c.bool("aadProfile.managed") == true { return nil }
        if c.setting("aadProfile") == nil { return ("no aadProfile: Entra ID authentication is not configured", "aadProfile") }
        return ("aadProfile.managed is not true (legacy or no Entra ID integration)", "aadProfile.managed")
    }
}
