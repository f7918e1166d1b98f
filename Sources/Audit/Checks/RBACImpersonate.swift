import RBACEngine
import ReachModel

/// K8S-RBAC-005: impersonation.
struct RBACImpersonate: RBACRiskCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-005", severity: .high, input: .rbac,
        title: "Subject can impersonate users, groups or service accounts",
        rationale: "impersonate sends requests as another identity (`kubectl --as`, `--as-group system:masters`): the subject gets the permissions of everyone it may impersonate (escalation E5).",
        remediation: "Remove impersonate, or restrict it with `resourceNames` to the exact identities a proxy or gateway needs.",
        recommendation: "Least privilege: impersonate")
    let grant = RiskyGrants.impersonate
}
