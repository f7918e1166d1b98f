import AttackGraph
import RBACEngine
import ReachModel

/// K8S-RBAC-004: creating pods or pod controllers.
struct RBACCreatePods: RBACRiskCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-004", severity: .medium, input: .rbac,
        title: "Subject can create pods or pod controllers",
        rationale: "Whoever creates a pod (directly or through a Deployment, DaemonSet, StatefulSet, ReplicaSet, Job, CronJob or ReplicationController) chooses its serviceAccountName and so acts as any ServiceAccount of the namespace (escalations E1, E6a).",
        remediation: "Leave pod and controller creation to CI/CD or GitOps identities, in the namespaces they deploy to; keep powerful ServiceAccounts out of namespaces where others can create pods.",
        recommendation: "Least privilege: create pods or pod controllers")
    let grant = RiskyGrants.createPods
}
