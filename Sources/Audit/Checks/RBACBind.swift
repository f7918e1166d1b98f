import RBACEngine
import ReachModel

/// K8S-RBAC-006: bind on roles.
struct RBACBind: RBACRiskCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-006", severity: .high, input: .rbac,
        title: "Subject can bind roles it does not hold",
        rationale: "The bind verb on roles/clusterroles skips the API server's escalation check: with create on rolebindings the subject grants itself (or anyone) any role it may bind, up to cluster-admin (escalation E9).",
        remediation: "Remove bind, or restrict it with `resourceNames` to the specific roles a delegated administrator may hand out.",
        recommendation: "Least privilege: bind")
    let grant = RiskyGrants.bind
}
