import AttackGraph
import ReachModel

/// K8S-FTH-001: pods whose containers can get root on their node (footholds.md F2, exact condition).
struct FootholdPodEscape: AuditCheck {
    let info = CheckInfo(
        id: "K8S-FTH-001", severity: .high, input: .footholds,
        title: "Pod can escape to its node",
        rationale: "A privileged container, `SYS_ADMIN` or `SYS_MODULE`, `hostPID` with `SYS_PTRACE`, or a hostPath of the host's root, `/etc`, `/var`, `/proc`, `/sys`, `/run`, the kubelet's directory or a container runtime socket gives root on the node, and with it every pod scheduled there and the secrets they mount (footholds.md F2, KubeHound CE_* attacks).",
        remediation: "Remove `privileged: true`, the added capability or the sensitive hostPath; if the pod must keep it, run it on a dedicated node pool (taints) with nothing else sensitive.",
        recommendation: "Footholds: pods that can escape")

    /// - Complexity: O(pod subjects × (containers + volumes)).
    func evaluate(_ context: AuditContext) -> [Finding] {
        context.podSubjects.compactMap { pod in
            guard let reason = PodEscape.reason(pod.spec) else { return nil }
            let node = pod.spec.nodeName.map { "node \($0)" } ?? "its node"
            return finding(pod.subject, "can get root on \(node): \(reason)", at: [pod.location], annotations: pod.annotations,
                           fix: "Remove the cause (\(reason)) from \(pod.subject).")
        }
    }
}
