import RBACEngine
import ReachModel

/// K8S-RBAC-011: minting service-account tokens.
struct RBACTokenCreate: RBACRiskCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-011", severity: .high, input: .rbac,
        title: "Subject can create service-account tokens",
        rationale: "create on serviceaccounts/token (TokenRequest) mints a token for a ServiceAccount of the scope: the subject acts as that ServiceAccount with all its permissions (escalation E4).",
        remediation: "Remove create on serviceaccounts/token, or restrict it with `resourceNames` to the ServiceAccounts a token broker must serve.",
        recommendation: "Least privilege: serviceaccounts/token create")
    let grant = RiskyGrants.tokenCreate
}
