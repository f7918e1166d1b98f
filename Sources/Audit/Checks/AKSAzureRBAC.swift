import ReachModel

/// AKS-IAM-004: Azure RBAC for Kubernetes authorization.
struct AKSAzureRBAC: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-IAM-004", severity: .medium, input: .aksCluster,
        title: "Azure RBAC for Kubernetes authorization is off",
        rationale: "Azure RBAC lets access be granted, reviewed and revoked centrally (PIM, access reviews) instead of in per-cluster RoleBindings.",
        remediation: "`az aks update --enable-azure-rbac` and grant the built-in `Azure Kubernetes Service RBAC *` roles.",
        recommendation: "Azure RBAC for Kubernetes (aadProfile.enableAzureRBAC)")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        if c.bool("aadProfile.enableAzureRBAC") == true { return nil }
        return ("aadProfile.enableAzureRBAC is not true", "aadProfile.enableAzureRBAC")
    }
}
