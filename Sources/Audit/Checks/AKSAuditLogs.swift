import ReachModel

/// AKS-LOG-001: control plane audit logs are collected.
struct AKSAuditLogs: ExternalDataCheck {
    let info = CheckInfo(
        id: "AKS-LOG-001", severity: .medium, input: .aksCluster,
        title: "Control plane audit logs (kube-audit) are collected",
        rationale: "Kubernetes audit logs are the only record of who did what through the API server; AKS keeps them only when a diagnostic setting sends them somewhere.",
        remediation: "Create a diagnostic setting on the cluster sending `kube-audit-admin` (or `kube-audit`) to Log Analytics or a storage account.",
        recommendation: "Audit logs via diagnostic settings",
        needs: "the cluster's diagnostic settings (`az monitor diagnostic-settings list --resource <cluster id>`)")
}
