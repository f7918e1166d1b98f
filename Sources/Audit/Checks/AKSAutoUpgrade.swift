import ReachModel

/// AKS-UPG-001: a cluster auto-upgrade channel is set.
struct AKSAutoUpgrade: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-UPG-001", severity: .low, input: .aksCluster,
        title: "No cluster auto-upgrade channel",
        rationale: "Clusters without an upgrade channel fall behind on Kubernetes patch releases and out of support.",
        remediation: "`az aks update --auto-upgrade-channel patch` (or `stable`) with a planned maintenance window.",
        recommendation: "Auto-upgrade channel (autoUpgradeProfile.upgradeChannel)")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        let channel = c.string("autoUpgradeProfile.upgradeChannel") ?? ""
        if !channel.isEmpty && channel.lowercased() != "none" { return nil }
        return ("autoUpgradeProfile.upgradeChannel is \(channel.isEmpty ? "not set" : channel)", "autoUpgradeProfile.upgradeChannel")
    }
}
