import ReachModel

/// AKS-UPG-002: a node OS upgrade channel is set.
struct AKSNodeOSUpgrade: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-UPG-002", severity: .low, input: .aksCluster,
        title: "No node OS security patch channel",
        rationale: "Without a node OS upgrade channel (NodeImage or SecurityPatch) nodes keep known kernel and package vulnerabilities until someone upgrades them by hand.",
        remediation: "`az aks update --node-os-upgrade-channel NodeImage` (or `SecurityPatch`).",
        recommendation: "Node OS upgrade channel (autoUpgradeProfile.nodeOSUpgradeChannel)")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        let channel = c.string("autoUpgradeProfile.nodeOSUpgradeChannel") ?? ""
        if ["nodeimage", "securitypatch"].contains(channel.lowercased()) { return nil }
        return ("autoUpgradeProfile.nodeOSUpgradeChannel is \(channel.isEmpty ? "not set" : channel)",
                "autoUpgradeProfile.nodeOSUpgradeChannel")
    }
}
