import ReachModel

/// AKS-IAM-003: local accounts are disabled.
struct AKSLocalAccounts: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-IAM-003", severity: .high, input: .aksCluster,
        title: "Local accounts are enabled",
        rationale: "The local clusterAdmin credential (`az aks get-credentials --admin`) bypasses Entra ID and Azure RBAC and leaves no per-user audit trail.",
        remediation: "`az aks update --disable-local-accounts` (requires managed Entra ID integration).",
        recommendation: "Local accounts disabled (disableLocalAccounts)")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        if c.bool("disableLocalAccounts") == true { return nil }
        return ("disableLocalAccounts is \(c.bool("disableLocalAccounts") == false ? "false" : "not set"): the admin kubeconfig works",
                "disableLocalAccounts")
    }
}
