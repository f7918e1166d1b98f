import RBACEngine
import ReachModel

/// K8S-RBAC-009: approving certificate signing requests.
struct RBACCSRApprove: RBACRiskCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-009", severity: .high, input: .rbac,
        title: "Subject can approve certificate signing requests",
        rationale: "update on certificatesigningrequests/approval plus approve on a signer lets the subject approve its own CSR for a client certificate naming any user or group the signer allows: a long-lived credential outside RBAC's view (escalation E12).",
        remediation: "Leave CSR approval to the controller manager and cluster administrators; if an approver is needed, restrict `approve` on signers to a dedicated signer name.",
        recommendation: "Least privilege: CSR approval")
    let grant = RiskyGrants.csrApprove
}
