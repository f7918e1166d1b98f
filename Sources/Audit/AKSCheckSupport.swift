import ReachModel

extension AKSCluster {
    /// The finding subject: `ManagedCluster/<name>`.
    var subject: String { "ManagedCluster/\(name)" }

    /// Whether add-on `name` is enabled (`addonProfiles.<name>.enabled`, case-insensitive).
    func addonEnabled(_ name: String) -> Bool { bool("addonProfiles.\(name).enabled") == true }

    /// The agent pool prefixes (`agentpoolprofiles[i]`).
    var agentPools: [String] { (0..<count("agentPoolProfiles")).map { "agentpoolprofiles[\($0)]" } }
}

/// A check on the AKS cluster document: it supplies `violation(_:)`, the message and setting path
/// when the cluster fails it.
protocol ClusterCheck: AuditCheck {
    /// `nil` when the cluster passes; else what is wrong and the setting to point at.
    func violation(_ cluster: AKSCluster) -> (message: String, path: String)?
}

extension ClusterCheck {
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let cluster = context.cluster, let v = violation(cluster) else { return [] }
        return [finding(cluster.subject, v.message, at: [cluster.location(of: v.path)])]
    }
}

/// A check that needs data outside `az aks show`: never evaluated (``CheckInfo/needs`` is set).
protocol ExternalDataCheck: AuditCheck {}

extension ExternalDataCheck {
    func evaluate(_ context: AuditContext) -> [Finding] { [] }
}
