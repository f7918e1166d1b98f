import ReachModel

/// AKS-BCK-001: the cluster is backed up.
struct AKSBackup: ExternalDataCheck {
    let info = CheckInfo(
        id: "AKS-BCK-001", severity: .low, input: .aksCluster,
        title: "Cluster state and volumes are backed up",
        rationale: "Without backups, a deleted namespace or a ransomware-encrypted volume cannot be restored.",
        remediation: "Install the Azure Backup extension and configure a backup instance (or Velero).",
        recommendation: "Backups (needs data outside az aks show)",
        needs: "Azure Backup for AKS data (`az dataprotection backup-instance list`)")
}
