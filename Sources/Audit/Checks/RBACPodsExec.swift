import RBACEngine
import ReachModel

/// K8S-RBAC-003: pods/exec and pods/attach.
struct RBACPodsExec: RBACRiskCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-003", severity: .high, input: .rbac,
        title: "Subject can exec or attach into pods",
        rationale: "create on pods/exec or pods/attach runs commands in running containers: their files, environment and mounted service-account tokens become the subject's (escalation E7).",
        remediation: "Remove pods/exec and pods/attach from the role, or bind it only to a break-glass group in the namespaces that need it.",
        recommendation: "Least privilege: pods/exec and pods/attach")
    let grant = RiskyGrants.podsExec
}
