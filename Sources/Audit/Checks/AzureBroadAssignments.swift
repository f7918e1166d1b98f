import AzureEngine
import ReachModel

/// AKS-AZ-002: broad Azure assignments (subscription, management group or root scope) whose role
/// reaches cluster-admin: the admin credential with local accounts enabled, or every AKS data
/// action with Azure RBAC for Kubernetes on.
struct AzureBroadAssignments: AuditCheck {
    let info = CheckInfo(
        id: "AKS-AZ-002", severity: .high, input: .azure,
        title: "Subscription-wide Azure role reaches cluster-admin",
        rationale: "Contributor and Owner at subscription scope are routinely granted for infrastructure work; on AKS they also list the admin credential (local accounts) and, with Azure RBAC, roles with Microsoft.ContainerService/managedClusters/* data actions are cluster-admin on every cluster below.",
        remediation: "Assign cluster access at the cluster or namespace scope; disable local accounts; keep subscription roles free of AKS data actions.",
        recommendation: "No subscription-wide path to cluster-admin")

    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let a = context.azure, let cluster = a.clusterID else { return [] }
        var out: [Finding] = []
        for assignment in a.environment.roleAssignments {
            let scope = AzureAuthorizer.normalizedScope(assignment.scope)
            let parts = scope.split(separator: "/")
            let broad = scope == "/" || scope.hasPrefix("/providers/microsoft.management/managementgroups/")
                || (parts.count == 2 && parts[0] == "subscriptions")
            guard broad, AzureAuthorizer.covers(scope: scope, resource: cluster), let role = a.definitions[assignment.roleDefinitionGUID]
            else { continue }
            var why: [String] = []
            if a.localAccountsEnabled, let m = AzureAuthorizer.allowsAction(role, "Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action") {
                why.append("lists the admin credential (matching \(m); local accounts enabled)")
            }
            let rbac = "Microsoft.ContainerService/managedClusters/rbac.authorization.k8s.io/"
            if a.azureRBACEnabled, let m = AzureAuthorizer.allowsData(role, rbac + "clusterrolebindings/write"),
               AzureAuthorizer.allowsData(role, rbac + "clusterroles/bind/action") != nil {
                why.append("Azure RBAC for Kubernetes allows creating ClusterRoleBindings of any ClusterRole (matching \(m))")
            }
            guard !why.isEmpty else { continue }
            let who = a.directory.principal(for: assignment.principalId)
            out.append(finding(who.description,
                               "\(role.roleName) at \(assignment.scope) (assignment \(assignment.name)) \(why.joined(separator: "; ")): cluster-admin on \(a.environment.cluster?.name ?? "?")",
                               at: [assignment.location]))
        }
        return out
    }
}
