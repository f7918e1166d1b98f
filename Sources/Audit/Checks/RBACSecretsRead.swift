import RBACEngine
import ReachModel

/// K8S-RBAC-002: no subject reads every Secret of the cluster.
struct RBACSecretsRead: RBACRiskCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-002", severity: .high, input: .rbac,
        title: "Subject can read Secrets cluster-wide",
        rationale: "get/list/watch on secrets through a ClusterRoleBinding reads every Secret in every namespace: service-account tokens, TLS keys, registry and cloud credentials.",
        remediation: "Bind secret access with RoleBindings in the namespaces that need it and list the Secret names in `resourceNames`; never list/watch secrets cluster-wide.",
        recommendation: "Least privilege: cluster-wide secret read")
    let grant = RiskyGrants.secretsRead
}
