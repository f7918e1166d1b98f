import ReachModel

/// AKS-IAM-001: Kubernetes RBAC is enabled.
struct AKSKubernetesRBAC: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-IAM-001", severity: .high, input: .aksCluster,
        title: "Kubernetes RBAC is disabled",
        rationale: "With RBAC off every authenticated identity is effectively cluster-admin; Roles and bindings in the manifests have no effect.",
        remediation: "Recreate the cluster with RBAC enabled (it cannot be switched on in place) and move workloads.",
        recommendation: "Entra ID managed / Azure RBAC for Kubernetes (prerequisite: Kubernetes RBAC on)")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        guard c.bool("enableRBAC") == false else { return nil }
        return ("enableRBAC is false: every authenticated identity has full access", "enableRBAC")
    }
}
