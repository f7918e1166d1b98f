import RBACEngine
import ReachModel

/// K8S-RBAC-010: writing admission webhook configurations.
struct RBACWebhookWrite: RBACRiskCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-010", severity: .high, input: .rbac,
        title: "Subject can write admission webhook configurations",
        rationale: "A mutating webhook sees and rewrites every object it selects (injecting containers or tokens into pods, escalation E13); deleting or editing validating webhooks switches policy enforcement off.",
        remediation: "Only the installer of a webhook (and cluster administrators) needs write access; restrict it with `resourceNames` to that webhook configuration.",
        recommendation: "Least privilege: admission webhook configuration write")
    let grant = RiskyGrants.webhookWrite
}
