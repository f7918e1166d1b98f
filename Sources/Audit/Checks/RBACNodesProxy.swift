import RBACEngine
import ReachModel

/// K8S-RBAC-008: nodes/proxy.
struct RBACNodesProxy: RBACRiskCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-008", severity: .high, input: .rbac,
        title: "Subject can use the kubelet API through nodes/proxy",
        rationale: "get or create on nodes/proxy reaches the kubelet API, whose /exec, /run and /attach run commands in any pod on the node without the API server's pods/exec check or audit (escalation E11).",
        remediation: "Remove nodes/proxy; monitoring agents need nodes/metrics or nodes/stats instead.",
        recommendation: "Least privilege: nodes/proxy")
    let grant = RiskyGrants.nodesProxy
}
