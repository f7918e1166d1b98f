import ReachModel

/// AKS-MON-002: Microsoft Defender for Containers is on.
struct AKSDefender: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-MON-002", severity: .medium, input: .aksCluster,
        title: "Microsoft Defender for Containers is not enabled",
        rationale: "Defender gives runtime threat detection and image vulnerability assessment; without it, compromise of a node or container goes unnoticed.",
        remediation: "`az aks update --enable-defender` (or enable the Defender for Containers plan on the subscription).",
        recommendation: "Defender add-on (securityProfile.defender)")

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        if c.bool("securityProfile.defender.securityMonitoring.enabled") == true { return nil }
        if c.bool("securityProfile.azureDefender.enabled") == true { return nil }
        return ("securityProfile.defender.securityMonitoring.enabled is not true", "securityProfile")
    }
}
