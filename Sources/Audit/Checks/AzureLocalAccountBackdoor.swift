import AzureEngine
import ReachModel

/// AKS-AZ-001: who holds the local-account backdoor — every principal that may list the cluster
/// admin credential while local accounts are enabled (edge AZ1, docs/azure.md).
struct AzureLocalAccountBackdoor: AuditCheck {
    let info = CheckInfo(
        id: "AKS-AZ-001", severity: .high, input: .azure,
        title: "Azure principals can list the local admin credential",
        rationale: "With local accounts enabled, anyone allowed Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action (Cluster Admin Role, Contributor, Owner, AKS Contributor Role over the cluster's scope) gets a system:masters certificate that bypasses Entra ID, Azure RBAC and Kubernetes RBAC.",
        remediation: "`az aks update --disable-local-accounts`, and remove listClusterAdminCredential from roles that do not need it.",
        recommendation: "Local admin credential held by no one (disableLocalAccounts)")

    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let a = context.azure, let cluster = a.clusterID, a.localAccountsEnabled else { return [] }
        return a.holders(action: "Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action", resource: cluster, data: false)
            .map { h in
                finding(h.principal.description,
                        "\(h.label.map { "\($0): " } ?? "")can list the cluster admin credential (system:masters) of \(a.environment.cluster?.name ?? "?") — "
                            + h.grants.map(\.description).joined(separator: "; "),
                        at: h.grants.compactMap { $0.assignment?.location })
            }
    }
}
