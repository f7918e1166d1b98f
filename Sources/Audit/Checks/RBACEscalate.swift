import RBACEngine
import ReachModel

/// K8S-RBAC-007: escalate on roles.
struct RBACEscalate: RBACRiskCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-007", severity: .high, input: .rbac,
        title: "Subject can escalate roles",
        rationale: "The escalate verb lets the subject write roles with permissions it does not have; with update on a role bound to it, it grants itself everything in that role's scope (escalation E10).",
        remediation: "Remove escalate; only the aggregation controller and cluster administrators need it.",
        recommendation: "Least privilege: escalate")
    let grant = RiskyGrants.escalate
}
