import AzureEngine
import ReachModel

/// AKS-AZ-004: role assignments of the kubelet identity beyond AcrPull. Every node (and every pod
/// that reaches a node) can use the kubelet's managed identity through IMDS (edge AZ8).
struct AzureKubeletRoles: AuditCheck {
    let info = CheckInfo(
        id: "AKS-AZ-004", severity: .medium, input: .azure,
        title: "Kubelet identity has roles beyond AcrPull",
        rationale: "The kubelet identity (identityProfile.kubeletidentity) is usable from every node; roles beyond pulling images (AcrPull, which `az aks update --attach-acr` assigns) turn a node foothold into Azure access.",
        remediation: "Remove the extra assignments; give workloads their own workload identities.",
        recommendation: "Kubelet identity limited to AcrPull")

    static let acrPull = "7f951dda-4ed3-4680-a7ca-43fe172d538d"

    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let a = context.azure, let kubelet = a.kubeletIdentity() else { return [] }
        return a.environment.roleAssignments.filter { $0.principalId == kubelet.objectID && $0.roleDefinitionGUID != Self.acrPull }
            .map { r in
                let role = a.definitions[r.roleDefinitionGUID]?.roleName ?? r.roleDefinitionName ?? r.roleDefinitionGUID
                return finding(kubelet.ref.description, "\(role) at \(r.scope) (assignment \(r.name))", at: [r.location])
            }
    }
}
